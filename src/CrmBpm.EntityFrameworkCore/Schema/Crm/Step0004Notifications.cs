using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBpm.EntityFrameworkCore.Schema.Crm;

/// <summary>In-app notifications: one row per recipient, read by recipient (and unread), newest first.</summary>
internal sealed class Step0004Notifications : SchemaStep
{
    public override int Version => 4;

    public override string Description => "crm_notifications: in-app notifications per user";

    public override void Up(MigrationBuilder schema)
    {
        schema.CreateTable("crm_notifications", t => new
        {
            id = t.Column<Guid>(nullable: false),
            version = t.Column<long>(nullable: false),
            recipient_id = t.Column<string>(maxLength: 200, nullable: false),
            kind = t.Column<string>(maxLength: 32, nullable: false),
            subject_type = t.Column<string>(maxLength: 50, nullable: false),
            subject_id = t.Column<string>(maxLength: 200, nullable: false),
            title = t.Column<string>(maxLength: 500, nullable: false),
            detail = t.Column<string>(maxLength: 200, nullable: true),
            created_at = t.Column<long>(nullable: false),
            read_at = t.Column<long>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_crm_notifications", x => x.id));
        schema.CreateIndex("ix_crm_notifications_recipient_read", "crm_notifications", ["recipient_id", "read_at"]);
    }
}
