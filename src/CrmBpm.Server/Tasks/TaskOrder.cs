using CrmBpm.Engine.Tasks;

namespace CrmBpm.Server.Tasks;

/// <summary>
/// The order of <see cref="TaskSort"/> applied to a list already read whole (a team's tasks, a searched list): the same keys
/// as the engine's stores (deadline with none last, lower-cased title or performer, open before accepted), ties by creation,
/// all reversed when descending.
/// </summary>
public static class TaskOrder
{
    /// <summary>The tasks in the order asked.</summary>
    public static IReadOnlyList<WorkTask> Apply(IEnumerable<WorkTask> tasks, TaskSort sort, bool descending)
    {
        var list = sort switch
        {
            TaskSort.Title => tasks.OrderBy(t => t.Title.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(t => t.CreatedAt),
            TaskSort.Created => tasks.OrderBy(t => t.CreatedAt),
            TaskSort.Performer => tasks.OrderBy(t => (t.AssigneeId ?? t.PerformerRole ?? "").ToLowerInvariant(), StringComparer.Ordinal).ThenBy(t => t.CreatedAt),
            TaskSort.State => tasks.OrderBy(t => t.Status == WorkTaskStatus.Accepted ? 1 : 0).ThenBy(t => t.CreatedAt),
            _ => tasks.OrderBy(t => t.DueAt ?? DateTimeOffset.MaxValue).ThenBy(t => t.CreatedAt),
        };
        var ordered = list.ToList();
        if (descending)
        {
            ordered.Reverse();
        }

        return ordered;
    }
}
