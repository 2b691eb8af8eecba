using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBpm.EntityFrameworkCore.Schema.Engine;

// Steps 6 and 7 belong to other branches of issue #14 (messages, error events), merged separately; steps must be numbered
// without gaps, so this branch holds their places with steps that change nothing. When those branches are merged, their
// real steps replace these two (delete this file).

/// <summary>Holds the place of step 6 (another branch's change); changes nothing.</summary>
internal sealed class Step0006Reserved : SchemaStep
{
    public override int Version => 6;

    public override string Description => "reserved for another branch (no change)";

    public override void Up(MigrationBuilder schema)
    {
    }
}

/// <summary>Holds the place of step 7 (another branch's change); changes nothing.</summary>
internal sealed class Step0007Reserved : SchemaStep
{
    public override int Version => 7;

    public override string Description => "reserved for another branch (no change)";

    public override void Up(MigrationBuilder schema)
    {
    }
}
