using CrmBpm.EntityFrameworkCore.Configurations;
using CrmBpm.EntityFrameworkCore.Entities;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.EntityFrameworkCore;

/// <summary>
/// The CrmBpm database, independent of the provider: route maps, instances, tasks, history and timers, with
/// snake_case tables and columns and timestamps stored as UTC ticks (see the package README).
/// </summary>
public class CrmBpmDbContext(DbContextOptions<CrmBpmDbContext> options) : DbContext(options)
{
    /// <summary>Route map versions.</summary>
    public DbSet<RouteMapEntity> RouteMaps => Set<RouteMapEntity>();

    /// <summary>Process instances.</summary>
    public DbSet<InstanceEntity> Instances => Set<InstanceEntity>();

    /// <summary>Tasks.</summary>
    public DbSet<TaskEntity> Tasks => Set<TaskEntity>();

    /// <summary>Instance history.</summary>
    public DbSet<HistoryEntity> History => Set<HistoryEntity>();

    /// <summary>Deadline and reminder timers.</summary>
    public DbSet<TimerEntity> Timers => Set<TimerEntity>();

    /// <summary>Active tasks per My tasks branch (user, role pool, role + addressing object pool).</summary>
    public DbSet<OpenTaskCountEntity> OpenTaskCounts => Set<OpenTaskCountEntity>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CrmBpmDbContext).Assembly, type => type.Namespace == typeof(TaskEntityConfiguration).Namespace);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
