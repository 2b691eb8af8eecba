using CrmBpm.EntityFrameworkCore.Configurations;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBpm.EntityFrameworkCore.Schema.Engine;

/// <summary>The Done view of My tasks: a partial index over completed tasks by who completed them, newest last.</summary>
internal sealed class Step0010DoneTasksIndex : SchemaStep
{
    public override int Version => 10;

    public override string Description => "ix_tasks_done (completed tasks by who completed them, for the Done view of My tasks)";

    public override void Up(MigrationBuilder schema) =>
        schema.CreateIndex("ix_tasks_done", TableNames.Tasks, ["completed_by", "closed_at", "seq"], filter: TaskEntityConfiguration.Completed);
}
