using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Validation;

namespace CrmBpm.Server.Api.Contracts;

/// <summary>A route map version without its drawing.</summary>
public sealed record RouteMapSummary(string Key, int Version, string Name, RouteMapStatus Status, int PointCount, int FlowCount)
{
    /// <summary>Maps an engine route map.</summary>
    public static RouteMapSummary From(RouteMap map) => new(map.Key, map.Version, map.Name, map.Status, map.Points.Count, map.Flows.Count);
}

/// <summary>A version just published, with the warnings it was published despite (a pool nobody is in, …).</summary>
public sealed record PublishedRouteMap(string Key, int Version, string Name, RouteMapStatus Status, int PointCount, int FlowCount, IReadOnlyList<ValidationProblem> Warnings)
{
    /// <summary>Maps an engine route map and the warnings of its validation.</summary>
    public static PublishedRouteMap From(RouteMap map, IReadOnlyList<ValidationProblem> warnings) =>
        new(map.Key, map.Version, map.Name, map.Status, map.Points.Count, map.Flows.Count, warnings);
}

/// <summary>A point of a route map, for lists and highlighting.</summary>
public sealed record RoutePointDto(string Id, string Kind, string Name, string? Stage);

/// <summary>A route map version with its points.</summary>
public sealed record RouteMapDetails(RouteMapSummary Map, IReadOnlyList<RoutePointDto> Points)
{
    /// <summary>Maps an engine route map.</summary>
    public static RouteMapDetails From(RouteMap map) => new(
        RouteMapSummary.From(map),
        [.. map.Points.Select(p => new RoutePointDto(p.Id, p.KindName, p.DisplayName, (p as ActionPoint)?.Stage))]);
}

/// <summary>
/// The problems of one map, errors and warnings; <c>Valid</c> when none is an error (it can be published). For a file:
/// its loss report, what it holds that is kept but will not run, one counted sentence per kind.
/// </summary>
public sealed record RouteMapProblems(string Key, string Name, bool Valid, IReadOnlyList<ValidationProblem> Problems, IReadOnlyList<string>? LossReport = null);

/// <summary>A draft saved from an uploaded BPMN file, with what still stops it from being published and the file's loss report.</summary>
public sealed record SavedDraft(RouteMapSummary Map, IReadOnlyList<ValidationProblem> Problems, IReadOnlyList<string>? LossReport = null);
