using CrmBpm.EntityFrameworkCore.Configurations;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBpm.EntityFrameworkCore.Schema.Engine;

/// <summary>
/// Automatic steps: their jobs are timers of kind <c>Job</c> (the kind column is text and takes the new name as it is), and
/// each counts which run of its handler it is, so retries stop after the step's retry cycle.
/// </summary>
internal sealed class Step0004JobAttempts : SchemaStep
{
    public override int Version => 4;

    public override string Description => "timers.attempt (which run of an automatic step's handler a job is)";

    public override void Up(MigrationBuilder schema) =>
        schema.AddColumn<int>("attempt", TableNames.Timers, nullable: false, defaultValue: 0);
}
