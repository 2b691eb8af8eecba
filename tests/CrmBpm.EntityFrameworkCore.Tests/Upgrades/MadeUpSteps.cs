using CrmBpm.EntityFrameworkCore.Schema;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBpm.EntityFrameworkCore.Tests.Upgrades;

/// <summary>A step as a later change would write one: a column, an index, a table and a data fix.</summary>
public sealed class AddUpgradeNote(int version = 2) : SchemaStep
{
    public override int Version => version;

    public override string Description => "instances.upgrade_note, filled; the upgrade_probe table";

    public override void Up(MigrationBuilder schema)
    {
        schema.AddColumn<string>("upgrade_note", "instances", maxLength: 100, nullable: true);
        schema.CreateIndex("IX_instances_upgrade_note", "instances", "upgrade_note");
        schema.CreateTable("upgrade_probe", table => new
        {
            id = table.Column<long>(nullable: false),
            note = table.Column<string>(maxLength: 100, nullable: false),
        }, constraints: table => table.PrimaryKey("PK_upgrade_probe", t => t.id));
        schema.Sql("UPDATE instances SET upgrade_note = 'upgraded'");
        schema.Sql("INSERT INTO upgrade_probe (id, note) VALUES (1, 'the step ran')");
    }
}

/// <summary>A step whose second half fails: the first half must not stay behind.</summary>
public sealed class FailHalfway : SchemaStep
{
    public override int Version => 2;

    public override string Description => "a column, then a statement that fails";

    public override void Up(MigrationBuilder schema)
    {
        schema.AddColumn<string>("half_done", "instances", nullable: true);
        schema.Sql("UPDATE no_such_table SET x = 1");
    }
}
