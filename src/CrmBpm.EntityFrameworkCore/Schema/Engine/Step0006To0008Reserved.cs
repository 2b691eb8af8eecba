using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBpm.EntityFrameworkCore.Schema.Engine;

// Steps 6 to 8 belong to branches developed at the same time as step 9 (incident codes); these stand in for them so that
// this branch numbers its steps without a gap. Each is replaced by the real step when its branch is merged.

/// <summary>Reserved for a parallel branch's step; changes nothing.</summary>
internal sealed class Step0006Reserved : SchemaStep
{
    public override int Version => 6;

    public override string Description => "reserved (no change)";

    public override void Up(MigrationBuilder schema)
    {
    }
}

/// <summary>Reserved for a parallel branch's step; changes nothing.</summary>
internal sealed class Step0007Reserved : SchemaStep
{
    public override int Version => 7;

    public override string Description => "reserved (no change)";

    public override void Up(MigrationBuilder schema)
    {
    }
}

/// <summary>Reserved for a parallel branch's step; changes nothing.</summary>
internal sealed class Step0008Reserved : SchemaStep
{
    public override int Version => 8;

    public override string Description => "reserved (no change)";

    public override void Up(MigrationBuilder schema)
    {
    }
}
