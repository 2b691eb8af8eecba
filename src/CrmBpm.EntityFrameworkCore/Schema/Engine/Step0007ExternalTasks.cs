using CrmBpm.EntityFrameworkCore.Configurations;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBpm.EntityFrameworkCore.Schema.Engine;

/// <summary>
/// External workers: a job of an external step carries the topic workers fetch it by (the timer service never leases it; a
/// worker holds the same lease columns under its worker id), and after a worker's failure the retries it said were left.
/// </summary>
internal sealed class Step0007ExternalTasks : SchemaStep
{
    public override int Version => 7;

    public override string Description => "timers.topic and timers.retries (jobs for external workers)";

    public override void Up(MigrationBuilder schema)
    {
        schema.AddColumn<string>("topic", TableNames.Timers, maxLength: 200, nullable: true);
        schema.AddColumn<int>("retries", TableNames.Timers, nullable: true);
    }
}
