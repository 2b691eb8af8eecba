using CrmBpm.EntityFrameworkCore.Schema;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CrmBpm.Server.Identity.Schema;

/// <summary>User administration: a user's language, time zone, deactivation and forced password change; the audit log.</summary>
internal sealed class Step0002UserAdministration : SchemaStep
{
    public override int Version => 2;

    public override string Description => "AspNetUsers language, time zone, deactivation, password change; CrmBpmAdminAudit";

    public override void Up(MigrationBuilder schema)
    {
        schema.AddColumn<string>("Language", "AspNetUsers", maxLength: 10, nullable: true);
        schema.AddColumn<string>("TimeZone", "AspNetUsers", maxLength: 100, nullable: true);
        schema.AddColumn<DateTimeOffset>("DeactivatedAt", "AspNetUsers", nullable: true);
        schema.AddColumn<bool>("MustChangePassword", "AspNetUsers", nullable: false, defaultValue: false);
        schema.CreateTable("CrmBpmAdminAudit", t => new
        {
            Id = t.Column<long>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            At = t.Column<DateTimeOffset>(nullable: false),
            Actor = t.Column<string>(maxLength: 256, nullable: false),
            Action = t.Column<string>(maxLength: 64, nullable: false),
            Target = t.Column<string>(maxLength: 256, nullable: false),
            Before = t.Column<string>(nullable: true),
            After = t.Column<string>(nullable: true),
            Note = t.Column<string>(maxLength: 4000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_CrmBpmAdminAudit", x => x.Id));
        schema.CreateIndex("IX_CrmBpmAdminAudit_Target", "CrmBpmAdminAudit", "Target");
    }
}
