using CrmBpm.EntityFrameworkCore.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Configurations;

internal sealed class TimerEntityConfiguration : IEntityTypeConfiguration<TimerEntity>
{
    /// <summary>A correlation or a broadcast looks for the unfired subscriptions of one name.</summary>
    public const string SubscriptionsIndex = "ix_timers_subscriptions";

    public void Configure(EntityTypeBuilder<TimerEntity> builder)
    {
        builder.ToTable(TableNames.Timers);
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasIndex(t => t.TaskId);

        // Leasing looks for unfired timers that are due and not leased (or whose lease ran out).
        builder.HasIndex(t => new { t.FiredAt, t.DueAt, t.LeaseUntil });

        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.LeaseOwner).HasMaxLength(200);
        builder.Property(t => t.PointId).HasMaxLength(200);
        builder.Property(t => t.MapKey).HasMaxLength(200);
        builder.Property(t => t.Topic).HasMaxLength(200);
        builder.Property(t => t.EventName).HasMaxLength(200);
        builder.Property(t => t.CorrelationKey).HasMaxLength(200);
        builder.HasIndex(t => new { t.EventName, t.Kind, t.FiredAt }, SubscriptionsIndex);
        builder.Property(t => t.FiredAt).IsConcurrencyToken();
    }
}
