using CrmBpm.Engine.DependencyInjection;
using CrmBpm.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmBpm.EntityFrameworkCore.DependencyInjection;

/// <summary>What a provider package's <c>UseX(...)</c> calls: registers the context factory and the store.</summary>
internal static class EntityFrameworkCoreStoreRegistration
{
    public static CrmBpmBuilder UseEntityFrameworkCore(this CrmBpmBuilder bpm, IDatabaseDialect dialect, Action<DbContextOptionsBuilder> configureContext)
    {
        ArgumentNullException.ThrowIfNull(bpm);
        bpm.Services.RemoveAll<IDbContextFactory<CrmBpmDbContext>>();
        bpm.Services.RemoveAll<DbContextOptions<CrmBpmDbContext>>();
        bpm.Services.RemoveAll<IDbContextOptionsConfiguration<CrmBpmDbContext>>();
        bpm.Services.AddDbContextFactory<CrmBpmDbContext>(configureContext);
        bpm.Services.RemoveAll<EfWorkflowStore>();
        bpm.Services.AddSingleton(sp => new EfWorkflowStore(sp.GetRequiredService<IDbContextFactory<CrmBpmDbContext>>(), dialect));
        return bpm.UseStore(sp => sp.GetRequiredService<EfWorkflowStore>());
    }
}
