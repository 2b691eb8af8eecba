using CrmBpm.Designer.Model;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Server.RouteMaps;

/// <summary>Where an instance has been and where it is now, as the designer highlights it.</summary>
public static class InstancePath
{
    /// <summary>
    /// Visited: every point and flow a token moved through (the history's <see cref="HistoryKind.TokenMoved"/> entries, and the
    /// start point). Active: the points holding a token and the points of open or accepted tasks.
    /// </summary>
    public static DesignerHighlight Highlight(ProcessInstance instance, IEnumerable<HistoryEntry> history, IEnumerable<WorkTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in history)
        {
            if (entry.Kind is HistoryKind.TokenMoved or HistoryKind.InstanceStarted)
            {
                Add(visited, entry.FromPointId, entry.FlowId, entry.PointId);
            }
        }

        var active = new HashSet<string>(instance.Tokens.Select(t => t.PointId), StringComparer.Ordinal);
        active.UnionWith(tasks.Where(t => t.IsActive).Select(t => t.PointId));
        return new DesignerHighlight(visited, active);
    }

    private static void Add(HashSet<string> ids, params string?[] candidates)
    {
        foreach (var id in candidates)
        {
            if (!string.IsNullOrEmpty(id))
            {
                ids.Add(id);
            }
        }
    }
}
