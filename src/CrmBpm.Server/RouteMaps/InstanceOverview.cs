using CrmBpm.Designer.Model;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Server.RouteMaps;

/// <summary>
/// An instance as the UI shows it: its map version as BPMN, the path so far highlighted (<see cref="InstancePath"/>),
/// its history and open tasks. /instances/{id} and the deal card read it the same way.
/// </summary>
public sealed record InstanceOverview(
    ProcessInstance Instance, RouteMap? Map, string? Xml, DesignerHighlight Highlight, IReadOnlyList<HistoryEntry> History, IReadOnlyList<WorkTask> OpenTasks)
{
    /// <summary>Reads the instance; throws <see cref="Engine.Errors.NotFoundException"/> when it does not exist.</summary>
    public static async Task<InstanceOverview> LoadAsync(
        Guid instanceId, IProcessEngine engine, IRouteMapService maps, ITaskService tasks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(tasks);
        var instance = await engine.GetInstanceAsync(instanceId, cancellationToken);
        var history = await engine.GetHistoryAsync(instanceId, cancellationToken);
        var allTasks = await tasks.GetTasksOfInstanceAsync(instanceId, cancellationToken);
        var map = await maps.GetAsync(instance.MapKey, instance.MapVersion, cancellationToken);
        return new InstanceOverview(
            instance, map, map is null ? null : new BpmnExporter().Export(Components.Shared.StandardTexts.ForReading(map)), InstancePath.Highlight(instance, history, allTasks),
            history, [.. allTasks.Where(t => t.IsActive)]);
    }
}
