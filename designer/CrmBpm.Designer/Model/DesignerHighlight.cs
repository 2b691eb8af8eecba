namespace CrmBpm.Designer.Model;

/// <summary>
/// What to highlight of a running instance: the points and flows it has passed (<see cref="Visited"/>) and where it
/// is now — points holding a token or an open task (<see cref="Active"/>). Ids are BPMN element ids.
/// </summary>
public sealed record DesignerHighlight(IReadOnlyCollection<string> Visited, IReadOnlyCollection<string> Active)
{
    /// <summary>Nothing highlighted.</summary>
    public static DesignerHighlight None { get; } = new([], []);
}
