using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Instructions;
using CrmBpm.Engine.Definitions;
using CrmBpm.Server.Deals;

namespace CrmBpm.Server.RouteMaps;

/// <summary>What the CRM itself runs a route map for, shown on the Route maps list so a consultant knows which maps the CRM depends on.</summary>
public enum CrmMapUse
{
    /// <summary>Deals follow it: its Actions name sales stages, so a deal may be put under it.</summary>
    Deals,

    /// <summary>The CRM's built-in instruction map (<see cref="InstructionRouteMap.Key"/>).</summary>
    Instructions,

    /// <summary>The CRM's built-in claim maps (<see cref="ClaimRouteMaps.HandlingKey"/>, <see cref="ClaimRouteMaps.LatePlanItemKey"/>).</summary>
    Claims,
}

/// <summary>Finds the <see cref="CrmMapUse"/> of a map.</summary>
public static class CrmMapUses
{
    /// <summary>The uses of <paramref name="map"/> (its newest version): none for a map the CRM does not run.</summary>
    public static IReadOnlyList<CrmMapUse> Of(RouteMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return map.Key switch
        {
            InstructionRouteMap.Key => [CrmMapUse.Instructions],
            ClaimRouteMaps.HandlingKey or ClaimRouteMaps.LatePlanItemKey => [CrmMapUse.Claims],
            _ => DealStages.StagesInOrder(map).Count > 0 ? [CrmMapUse.Deals] : [],
        };
    }
}
