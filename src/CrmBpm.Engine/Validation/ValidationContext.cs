using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Jobs;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Engine.Validation;

/// <summary>What rules may consult beyond the map: expression syntax, the other (published) maps and, when known, empty pools and the registered handlers.</summary>
public sealed class ValidationContext(IExpressionEvaluator expressions, Func<string, RouteMap?> findPublishedMap, RouteMapLimits? limits = null)
{
    /// <summary>Checks expression syntax (parsed, never run).</summary>
    public IExpressionEvaluator Expressions { get; } = expressions;

    /// <summary>The latest published version of a key, or null when none is published.</summary>
    public Func<string, RouteMap?> FindPublishedMap { get; } = findPublishedMap;

    /// <summary>How large a map may be and how deep nested processes may go.</summary>
    public RouteMapLimits Limits { get; } = limits ?? RouteMapLimits.Default;

    /// <summary>Pools the map addresses that no active user is in (see <see cref="IPerformerDirectory"/>); empty when unknown.</summary>
    public IReadOnlySet<RoleMembership> PoolsWithoutMembers { get; init; } = new HashSet<RoleMembership>();

    /// <summary>
    /// The handler names automatic steps may call (<c>bpm.AddHandler&lt;T&gt;(name)</c>); null when unknown (a file validated
    /// on its own), and then an unknown handler is found at run time, as an incident.
    /// </summary>
    public IReadOnlySet<string>? RegisteredHandlers { get; init; }

    /// <summary>
    /// What the registered handlers read and set (<see cref="ServiceTaskHandlerRegistry.Handlers"/>), by name; null when unknown.
    /// Without it every automatic step may set any variable, so conditions after one are not checked for unset variables.
    /// </summary>
    public IReadOnlyDictionary<string, HandlerDescription>? HandlerDescriptions { get; init; }
}
