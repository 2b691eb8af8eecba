using System.Text.Json;

namespace CrmBpm.Engine.Runtime;

/// <summary>
/// Where a multi-instance activity is in its runs (tasks of an Action, child instances of a Nested process), kept on the
/// token waiting there (so it persists with the instance). A token of a parallel Action saved before it existed has none,
/// and counts its open tasks only (<see cref="Token.PendingTasks"/>).
/// </summary>
public sealed record MultiInstanceLoop
{
    /// <summary>How many runs there are (the items, or the loop cardinality), fixed when the activity started.</summary>
    public required int Total { get; init; }

    /// <summary>How many runs have started (the next sequential run is the item at this index).</summary>
    public int Started { get; init; }

    /// <summary>At an activity that runs child instances: the child started for each item so far, by item index.</summary>
    public IReadOnlyList<Guid> Children { get; init; } = [];

    /// <summary>Item indexes whose run has completed.</summary>
    public IReadOnlyList<int> CompletedItems { get; init; } = [];

    /// <summary>
    /// A sequential run's items, taken when the activity started (later changes of the list do not change the runs); null
    /// for a parallel one (all started at once) and for a counted one.
    /// </summary>
    public IReadOnlyList<JsonElement>? Items { get; init; }

    /// <summary>Completed children whose result an incident stopped (a failing output mapping); a retry takes them again.</summary>
    public IReadOnlyList<Guid> Retake { get; init; } = [];

    /// <summary>The completion condition held after a run: the runs still open are cancelled and the activity completes.</summary>
    public bool ConditionMet { get; init; }

    /// <summary>Runs started and not completed.</summary>
    public int Active => Started - CompletedItems.Count;

    /// <summary>Every run has completed, or the completion condition held.</summary>
    public bool Finished => ConditionMet || CompletedItems.Count >= Total;
}
