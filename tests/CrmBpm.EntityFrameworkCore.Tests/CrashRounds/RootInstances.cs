using CrmBpm.Testing.Agreement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.EntityFrameworkCore.Tests.CrashRounds;

/// <summary>Every root process instance in the engine's table, for <see cref="CrmProcessAgreement"/>.</summary>
public static class RootInstances
{
    /// <summary>A lister over the engine database of <paramref name="services"/>.</summary>
    public static Func<CancellationToken, Task<IReadOnlyList<InstanceHeader>>> Of(IServiceProvider services) => async cancellationToken =>
    {
        var factory = services.GetRequiredService<IDbContextFactory<CrmBpmDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Instances.AsNoTracking().Where(i => i.ParentInstanceId == null)
            .Select(i => new InstanceHeader(i.Id, i.MapKey, i.SubjectType, i.SubjectId))
            .ToListAsync(cancellationToken);
    };

    /// <summary>The checker for the database of <paramref name="services"/>.</summary>
    public static CrmProcessAgreement Agreement(IServiceProvider services) => new(services, Of(services));
}
