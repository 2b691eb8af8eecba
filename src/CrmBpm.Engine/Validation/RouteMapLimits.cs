namespace CrmBpm.Engine.Validation;

/// <summary>
/// How large a route map may be. A drawn map has tens to a few hundred points; these limits are far above that and
/// keep validating, publishing and exporting any allowed map fast. A map beyond one is refused with a problem naming it.
/// </summary>
public sealed record RouteMapLimits
{
    /// <summary>Default for <see cref="MaxPoints"/>.</summary>
    public const int DefaultMaxPoints = 5_000;

    /// <summary>Default for <see cref="MaxFlows"/>.</summary>
    public const int DefaultMaxFlows = 10_000;

    /// <summary>Default for <see cref="MaxNestingDepth"/>; the same as the runtime's <c>CrmBpmOptions.MaxNestingDepth</c>.</summary>
    public const int DefaultMaxNestingDepth = 16;

    /// <summary>The limits used when none are given.</summary>
    public static RouteMapLimits Default { get; } = new();

    /// <summary>Points a map may have.</summary>
    public int MaxPoints { get; init; } = DefaultMaxPoints;

    /// <summary>Flows a map may have.</summary>
    public int MaxFlows { get; init; } = DefaultMaxFlows;

    /// <summary>How many levels of nested processes may hang below a map (a map nesting one that nests another: 2).</summary>
    public int MaxNestingDepth { get; init; } = DefaultMaxNestingDepth;
}
