namespace CrmBpm.Engine.Definitions;

/// <summary>Where a point is drawn (a BPMN DI shape).</summary>
public sealed record DiagramShape
{
    /// <summary>The point drawn.</summary>
    public required string ElementId { get; init; }

    /// <summary>Id of the shape element; null means the exporter's default (<c>{elementId}_di</c>).</summary>
    public string? Id { get; init; }

    /// <summary>Position and size.</summary>
    public required DiagramBounds Bounds { get; init; }

    /// <summary>Where the external label is drawn, if the modeler placed it.</summary>
    public DiagramBounds? Label { get; init; }

    /// <summary>Attributes of other tools on the shape (colours, marker flags), kept as found.</summary>
    public IReadOnlyList<ForeignAttribute> ForeignAttributes { get; init; } = [];
}
