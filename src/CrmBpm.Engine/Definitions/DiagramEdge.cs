namespace CrmBpm.Engine.Definitions;

/// <summary>How a flow is drawn (a BPMN DI edge).</summary>
public sealed record DiagramEdge
{
    /// <summary>The flow drawn.</summary>
    public required string ElementId { get; init; }

    /// <summary>Id of the edge element; null means the exporter's default (<c>{elementId}_di</c>).</summary>
    public string? Id { get; init; }

    /// <summary>The polyline, from source to target.</summary>
    public IReadOnlyList<DiagramPoint> Waypoints { get; init; } = [];

    /// <summary>Where the label is drawn, if the modeler placed it.</summary>
    public DiagramBounds? Label { get; init; }

    /// <summary>Attributes of other tools on the edge (colours), kept as found.</summary>
    public IReadOnlyList<ForeignAttribute> ForeignAttributes { get; init; } = [];
}
