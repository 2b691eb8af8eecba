using CrmBpm.Crm.DependencyInjection;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.EntityFrameworkCore.Crm;
using CrmBpm.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmBpm.EntityFrameworkCore.DependencyInjection;

/// <summary>What a provider package's <c>UseX(...)</c> calls: registers the context factory and the store.</summary>
internal static class EntityFrameworkCoreStoreRegistration
{
    public static CrmBpmBuilder UseEntityFrameworkCore(this CrmBpmBuilder bpm, IDatabaseDialect dialect, Action<DbContextOptionsBuilder> configureContext)
    {
        ArgumentNullException.ThrowIfNull(bpm);
        ReplaceContextFactory<CrmBpmDbContext>(bpm.Services, configureContext);
        bpm.Services.RemoveAll<EfWorkflowStore>();
        bpm.Services.AddSingleton(sp => new EfWorkflowStore(
            sp.GetRequiredService<IDbContextFactory<CrmBpmDbContext>>(), dialect, sp.GetService<ILogger<EfWorkflowStore>>() ?? NullLogger<EfWorkflowStore>.Instance));

        // Remembered so that crm.UseEngineDatabase() can put the CRM tables into the same database.
        bpm.Services.RemoveAll<EngineDatabase>();
        bpm.Services.AddSingleton(new EngineDatabase(dialect, configureContext));
        return bpm.UseStore(sp => sp.GetRequiredService<EfWorkflowStore>());
    }

    public static CrmBuilder UseEntityFrameworkCore(this CrmBuilder crm, IDatabaseDialect dialect, Action<DbContextOptionsBuilder> configureContext)
    {
        ArgumentNullException.ThrowIfNull(crm);
        ReplaceContextFactory<CrmDbContext>(crm.Services, configureContext);
        crm.Services.RemoveAll<EfCrmStore>();
        crm.Services.AddSingleton(sp => new EfCrmStore(sp.GetRequiredService<IDbContextFactory<CrmDbContext>>(), sp.GetRequiredService<DbContextOptions<CrmDbContext>>(), dialect, sp.GetService<ILogger<EfCrmStore>>()));
        return crm.UseStore(sp => sp.GetRequiredService<EfCrmStore>());
    }

    /// <summary>The CRM on the engine's database, whichever provider and connection the engine was given (resolved when the store is built).</summary>
    public static CrmBuilder UseEngineDatabaseStore(this CrmBuilder crm)
    {
        ArgumentNullException.ThrowIfNull(crm);
        var services = crm.Services;
        services.RemoveAll<IDbContextFactory<CrmDbContext>>();
        services.RemoveAll<DbContextOptions<CrmDbContext>>();
        services.RemoveAll<IDbContextOptionsConfiguration<CrmDbContext>>();
        services.AddPooledDbContextFactory<CrmDbContext>((sp, options) => EngineDatabaseOf(sp).ConfigureContext(options));
        services.RemoveAll<EfCrmStore>();
        services.AddSingleton(sp => new EfCrmStore(sp.GetRequiredService<IDbContextFactory<CrmDbContext>>(), sp.GetRequiredService<DbContextOptions<CrmDbContext>>(), EngineDatabaseOf(sp).Dialect, sp.GetService<ILogger<EfCrmStore>>()));
        return crm.UseStore(sp => sp.GetRequiredService<EfCrmStore>());
    }

    private static EngineDatabase EngineDatabaseOf(IServiceProvider services) =>
        services.GetService<EngineDatabase>() ?? throw new InvalidOperationException(
            "crm.UseEngineDatabase() puts the CRM into the engine's database, but the engine has none: call bpm.UseSqlite(...) or " +
            "bpm.UsePostgreSql(...) first, or give the CRM its own with crm.UseSqlite(...) / crm.UsePostgreSql(...).");

    /// <summary>
    /// Pooled: every command and query takes a context, and a reset pooled one is far cheaper than building a new one
    /// (its internal services resolved anew) each time. The contexts hold no state of their own beyond EF Core's.
    /// </summary>
    private static void ReplaceContextFactory<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configureContext)
        where TContext : DbContext
    {
        services.RemoveAll<IDbContextFactory<TContext>>();
        services.RemoveAll<DbContextOptions<TContext>>();
        services.RemoveAll<IDbContextOptionsConfiguration<TContext>>();
        services.AddPooledDbContextFactory<TContext>(configureContext);
    }

    /// <summary>The engine's provider choice.</summary>
    internal sealed record EngineDatabase(IDatabaseDialect Dialect, Action<DbContextOptionsBuilder> ConfigureContext);
}
