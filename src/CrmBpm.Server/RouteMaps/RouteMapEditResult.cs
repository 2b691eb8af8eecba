using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Validation;

namespace CrmBpm.Server.RouteMaps;

/// <summary>
/// The outcome of saving, publishing or importing: the stored version (null when the BPMN did not import), the import
/// problems (with line and element id) and the validation problems — which, after a publish, are why it was refused.
/// </summary>
public sealed record RouteMapEditResult(RouteMap? Map, IReadOnlyList<BpmnProblem> ImportProblems, IReadOnlyList<ValidationProblem> Problems)
{
    /// <summary>True when the map was stored and, for a publish, published.</summary>
    public bool Succeeded => Map is not null && !IsRefusedPublish;

    /// <summary>
    /// For an imported file: what it holds for this map that is kept but will not run, one counted sentence per kind
    /// ("warning: 3 task listeners (camunda:taskListener) kept, but will not run: lines 40, 52, 77").
    /// </summary>
    public IReadOnlyList<string> LossReport { get; init; } = [];

    /// <summary>True when a publish was refused for <see cref="Problems"/> (the draft is saved).</summary>
    public bool IsRefusedPublish { get; private init; }

    internal static RouteMapEditResult Saved(RouteMap map, IReadOnlyList<ValidationProblem> problems) => new(map, [], problems);

    internal static RouteMapEditResult Refused(RouteMap draft, IReadOnlyList<ValidationProblem> problems) =>
        new(draft, [], problems) { IsRefusedPublish = true };

    internal static RouteMapEditResult NotImported(IReadOnlyList<BpmnProblem> problems) => new(null, problems, []);
}
