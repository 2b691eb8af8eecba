using CrmBpm.EntityFrameworkCore.Configurations;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBpm.EntityFrameworkCore.Schema.Engine;

/// <summary>The Unassigned list: a partial index over the active tasks of Actions without any performer, in page order.</summary>
internal sealed class Step0003UnassignedTasksIndex : SchemaStep
{
    public override int Version => 3;

    public override string Description => "ix_tasks_unassigned (tasks without any performer, for the Unassigned list)";

    public override void Up(MigrationBuilder schema) =>
        schema.CreateIndex("ix_tasks_unassigned", TableNames.Tasks, ["due_sort", "seq"], filter: TaskEntityConfiguration.Unassigned);
}
