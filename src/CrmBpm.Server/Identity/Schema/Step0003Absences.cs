using CrmBpm.EntityFrameworkCore.Schema;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBpm.Server.Identity.Schema;

/// <summary>Substitutes: absences with their substitute and optional performer roles.</summary>
internal sealed class Step0003Absences : SchemaStep
{
    public override int Version => 3;

    public override string Description => "absences";

    public override void Up(MigrationBuilder schema)
    {
        schema.CreateTable("absences", t => new
        {
            id = t.Column<Guid>(nullable: false),
            absent_user_id = t.Column<string>(maxLength: 256, nullable: false),
            substitute_user_id = t.Column<string>(maxLength: 256, nullable: false),
            from_utc = t.Column<long>(nullable: false),
            to_utc = t.Column<long>(nullable: false),
            performer_roles = t.Column<string>(maxLength: 4000, nullable: true),
            recorded_by = t.Column<string>(maxLength: 256, nullable: false),
            recorded_at_utc = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_absences", x => x.id));
        schema.CreateIndex("ix_absences_substitute", "absences", ["substitute_user_id", "to_utc"]);
        schema.CreateIndex("ix_absences_absent", "absences", ["absent_user_id", "to_utc"]);
    }
}
