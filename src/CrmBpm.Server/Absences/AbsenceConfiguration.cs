using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CrmBpm.Server.Absences;

/// <summary>The <c>absences</c> table. Instants are UTC ticks so SQLite compares them as numbers, as the engine's tables do.</summary>
internal sealed class AbsenceConfiguration : IEntityTypeConfiguration<Absence>
{
    private static readonly ValueConverter<DateTimeOffset, long> UtcTicks = new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    public void Configure(EntityTypeBuilder<Absence> builder)
    {
        builder.ToTable("absences");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(a => a.AbsentUserId).HasColumnName("absent_user_id").HasMaxLength(256);
        builder.Property(a => a.SubstituteUserId).HasColumnName("substitute_user_id").HasMaxLength(256);
        builder.Property(a => a.From).HasColumnName("from_utc").HasConversion(UtcTicks);
        builder.Property(a => a.To).HasColumnName("to_utc").HasConversion(UtcTicks);
        builder.Property(a => a.PerformerRoles).HasColumnName("performer_roles").HasMaxLength(4000);
        builder.Property(a => a.RecordedBy).HasColumnName("recorded_by").HasMaxLength(256);
        builder.Property(a => a.RecordedAt).HasColumnName("recorded_at_utc").HasConversion(UtcTicks);
        builder.Ignore(a => a.Roles);
        builder.HasIndex(a => new { a.SubstituteUserId, a.To }, "ix_absences_substitute");
        builder.HasIndex(a => new { a.AbsentUserId, a.To }, "ix_absences_absent");
    }
}
