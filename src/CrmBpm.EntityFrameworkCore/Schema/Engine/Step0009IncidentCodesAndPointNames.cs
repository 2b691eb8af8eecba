using CrmBpm.EntityFrameworkCore.Configurations;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBpm.EntityFrameworkCore.Schema.Engine;

/// <summary>
/// Incidents carry a stable code beside their message, so code reacting to them never parses text (a token's code rides in
/// the tokens JSON and needs no column); and a task carries its Action point's name, so a caller can say where it stands
/// without loading the map. Rows written before: an instance with an incident gets the code <c>unknown</c>, a task its
/// point's id as its name.
/// </summary>
internal sealed class Step0009IncidentCodesAndPointNames : SchemaStep
{
    public override int Version => 9;

    public override string Description => "instances.incident_code; tasks.point_name (the Action point's name, filled with point_id for older tasks)";

    public override void Up(MigrationBuilder schema)
    {
        schema.AddColumn<string>("incident_code", TableNames.Instances, maxLength: 100, nullable: true);
        schema.AddColumn<string>("point_name", TableNames.Tasks, nullable: false, defaultValue: "");
        schema.Sql($"UPDATE {TableNames.Instances} SET incident_code = 'unknown' WHERE incident_message IS NOT NULL");
        schema.Sql($"UPDATE {TableNames.Tasks} SET point_name = point_id");
    }
}
