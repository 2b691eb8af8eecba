using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBpm.EntityFrameworkCore.Schema.Engine;

/// <summary>
/// Placeholder for step 6, which another branch of the same issue (messages) adds: steps are numbered without gaps, so this
/// branch holds the number until the merge replaces this class with the real step 6.
/// </summary>
internal sealed class Step0006Reserved : SchemaStep
{
    public override int Version => 6;

    public override string Description => "reserved (no change)";

    public override void Up(MigrationBuilder schema)
    {
    }
}
