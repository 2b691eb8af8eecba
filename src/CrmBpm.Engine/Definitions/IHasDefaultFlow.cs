namespace CrmBpm.Engine.Definitions;

/// <summary>
/// A point that may name one of its outgoing flows as the default: the flow taken only when no other flow is (BPMN's
/// <c>default</c> attribute, which stands on the element the flow leaves). A Choice takes it when no case holds; an
/// Action, a Nested process or a pass-through point when none of its other flows is taken.
/// </summary>
public interface IHasDefaultFlow
{
    /// <summary>The id of the default flow; null when the point has none.</summary>
    string? DefaultFlowId { get; }
}
