namespace CrmBpm.EntityFrameworkCore.Schema;

/// <summary>The engine's tables (<see cref="CrmBpmDbContext"/>): their baseline and every step since, in order.</summary>
public static class EngineSchema
{
    /// <summary>The component; a schema change of the engine adds its step at the end of the list (see the package README).</summary>
    public static SchemaComponent Component { get; } = new(
        "engine",
        baselineTables: ["route_maps", "instances", "tasks", "open_task_counts", "history", "timers"],
        steps:
        [
            new Engine.Step0002HistoryOnBehalfOf(),
            new Engine.Step0003UnassignedTasksIndex(),
            new Engine.Step0004JobAttempts(),
            new Engine.Step0005BoundaryTimers(),
            new Engine.Step0006EventSubscriptions(),
            new Engine.Step0007ExternalTasks(),
            new Engine.Step0008StartTimers(),
            new Engine.Step0009IncidentCodesAndPointNames(),
            new Engine.Step0010DoneTasksIndex(),
        ]);
}
