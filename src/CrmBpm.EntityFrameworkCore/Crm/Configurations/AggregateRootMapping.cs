using CrmBpm.Crm.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Crm.Configurations;

/// <summary>What every aggregate table shares: the Guid key, <see cref="AggregateRoot.Version"/> as concurrency token, no events.</summary>
internal static class AggregateRootMapping
{
    public static EntityTypeBuilder<T> MapAggregate<T>(this EntityTypeBuilder<T> builder, string table)
        where T : AggregateRoot
    {
        builder.ToTable(table);
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();

        // EfCrmSession raises it on every changed aggregate; the UPDATE then runs WHERE version = @loaded.
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.DomainEvents);
        return builder;
    }

    /// <summary>Enums by name, like the engine's tables.</summary>
    public static PropertyBuilder<TEnum> StoredByName<TEnum>(this PropertyBuilder<TEnum> property) =>
        property.HasConversion<string>().HasMaxLength(32);
}
