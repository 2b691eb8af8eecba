using CrmBpm.Crm.Instructions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Crm.Configurations;

internal sealed class InstructionConfiguration : IEntityTypeConfiguration<Instruction>
{
    public void Configure(EntityTypeBuilder<Instruction> builder)
    {
        builder.MapAggregate(CrmTableNames.Instructions);
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.AuthorId).HasMaxLength(200);
        builder.Property(i => i.PerformerId).HasMaxLength(200);
        builder.Property(i => i.SubjectType).HasMaxLength(100);
        builder.Property(i => i.SubjectId).HasMaxLength(200);
        builder.Property(i => i.Status).StoredByName();
        builder.Ignore(i => i.Subject);
        builder.Ignore(i => i.IsSelfGiven);

        // Returns are only read with their instruction.
        builder.Ignore(i => i.Returns);
        builder.ComplexCollection<List<InstructionReturn>, InstructionReturn>("_returns", returns => returns.ToJson("returns"));

        builder.HasIndex(i => new { i.SubjectType, i.SubjectId });
        builder.HasIndex(i => i.ProcessInstanceId);
    }
}
