using CrmBpm.EntityFrameworkCore.Configurations;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBpm.EntityFrameworkCore.Schema.Engine;

/// <summary>
/// Timer events: waits and boundary timers are timers of kinds <c>TimerEvent</c> and <c>BoundaryTimer</c> (the kind column is
/// text and takes the new names as they are); a boundary timer names the boundary event it belongs to, as several may be
/// attached to one activity and all belong to the token waiting there.
/// </summary>
internal sealed class Step0005BoundaryTimers : SchemaStep
{
    public override int Version => 5;

    public override string Description => "timers.point_id (the boundary event a boundary timer belongs to)";

    public override void Up(MigrationBuilder schema) =>
        schema.AddColumn<string>("point_id", TableNames.Timers, maxLength: 200, nullable: true);
}
