using CrmBpm.Engine.Definitions;

namespace CrmBpm.EntityFrameworkCore.Entities;

/// <summary>A row of <c>route_maps</c>: one version of a route map, its definition kept as JSON.</summary>
public sealed class RouteMapEntity
{
    /// <summary>See <see cref="RouteMap.Key"/>.</summary>
    public required string Key { get; set; }

    /// <summary>See <see cref="RouteMap.Version"/>.</summary>
    public int Version { get; set; }

    /// <summary>See <see cref="RouteMap.Status"/>.</summary>
    public RouteMapStatus Status { get; set; }

    /// <summary>See <see cref="RouteMap.Name"/>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The whole <see cref="RouteMap"/> as JSON.</summary>
    public required string Definition { get; set; }
}
