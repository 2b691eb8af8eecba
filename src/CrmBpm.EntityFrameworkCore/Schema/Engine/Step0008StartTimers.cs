using CrmBpm.EntityFrameworkCore.Configurations;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBpm.EntityFrameworkCore.Schema.Engine;

/// <summary>
/// Timer start events: a map's scheduled start is a timer of kind <c>StartTimer</c> (the kind column is text and takes the new
/// name as it is) that belongs to no instance yet, so it names the map version it starts.
/// </summary>
internal sealed class Step0008StartTimers : SchemaStep
{
    public override int Version => 8;

    public override string Description => "timers.map_key and timers.map_version (the map version a start timer starts)";

    public override void Up(MigrationBuilder schema)
    {
        schema.AddColumn<string>("map_key", TableNames.Timers, maxLength: 200, nullable: true);
        schema.AddColumn<int>("map_version", TableNames.Timers, nullable: true);
    }
}
