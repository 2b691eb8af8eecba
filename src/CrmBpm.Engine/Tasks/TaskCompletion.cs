namespace CrmBpm.Engine.Tasks;

/// <summary>What the performer submits when completing a task.</summary>
public sealed record TaskCompletion
{
    /// <summary>The outcome button chosen; required when the task has outcomes.</summary>
    public string? Outcome { get; init; }

    /// <summary>Form field values and other variables (.NET values or JSON elements).</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }
}
