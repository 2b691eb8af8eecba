using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBpm.EntityFrameworkCore.Schema.Crm;

/// <summary>
/// The business calendar: working days and hours in a time zone, holidays and worked days (JSON, only read with their
/// calendar). An upgraded installation has none stored, and counts in the default one until an Administrator saves it.
/// </summary>
internal sealed class Step0003BusinessCalendar : SchemaStep
{
    public override int Version => 3;

    public override string Description => "crm_business_calendars: working days and hours, holidays, worked days";

    public override void Up(MigrationBuilder schema)
    {
        var json = IsPostgreSql(schema) ? "jsonb" : "TEXT";
        schema.CreateTable("crm_business_calendars", t => new
        {
            id = t.Column<Guid>(nullable: false),
            version = t.Column<long>(nullable: false),
            name = t.Column<string>(maxLength: 200, nullable: false),
            time_zone_id = t.Column<string>(maxLength: 100, nullable: false),
            working_days = t.Column<string>(maxLength: 100, nullable: false),
            day_start = t.Column<TimeOnly>(nullable: false),
            day_end = t.Column<TimeOnly>(nullable: false),
            holidays = t.Column<string>(type: json, nullable: false),
            worked_days = t.Column<string>(type: json, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_crm_business_calendars", x => x.id));
    }
}
