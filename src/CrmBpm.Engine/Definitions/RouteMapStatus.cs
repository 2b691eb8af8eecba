namespace CrmBpm.Engine.Definitions;

/// <summary>Lifecycle of a route map version.</summary>
public enum RouteMapStatus
{
    /// <summary>Editable; cannot be started.</summary>
    Draft,

    /// <summary>Validated and frozen; can be started.</summary>
    Published,
}
