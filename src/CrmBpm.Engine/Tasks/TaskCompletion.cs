namespace CrmBpm.Engine.Tasks;

/// <summary>What the performer submits when completing a task.</summary>
public sealed record TaskCompletion
{
    /// <summary>The outcome button chosen; required when the task has outcomes.</summary>
    public string? Outcome { get; init; }

    /// <summary>Form field values and other variables (.NET values or JSON elements).</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>
    /// When true, a completion whose process then gets stuck anywhere in its tree (the task's instance, its parents it
    /// completed, nested instances it started) throws <see cref="Errors.IncidentException"/> with the incidents' codes after
    /// it committed: the task stays completed.
    /// </summary>
    public bool ThrowOnIncident { get; init; }
}
