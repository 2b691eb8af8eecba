namespace CrmBpm.Engine.Definitions;

/// <summary>
/// What another modeler wrote on a BPMN element that CrmBpm does not interpret but keeps, so that a file
/// from Camunda Modeler or bpmn.io round-trips: unknown attributes, unknown extension elements (as raw XML)
/// and the element's documentation where the point kind has no description of its own.
/// </summary>
public sealed record ForeignBpmn
{
    /// <summary>Attributes we do not interpret, in document order.</summary>
    public IReadOnlyList<ForeignAttribute> Attributes { get; init; } = [];

    /// <summary>Children of <c>bpmn:extensionElements</c> we do not interpret, each as self-contained XML.</summary>
    public IReadOnlyList<string> ExtensionElements { get; init; } = [];

    /// <summary>Text of <c>bpmn:documentation</c> for elements whose kind has no description property.</summary>
    public string? Documentation { get; init; }

    /// <summary>On a map only: attributes of the file's <c>bpmn:definitions</c> element we do not interpret.</summary>
    public IReadOnlyList<ForeignAttribute> DefinitionsAttributes { get; init; } = [];

    /// <summary>True when nothing is kept.</summary>
    public bool IsEmpty => Attributes.Count == 0 && ExtensionElements.Count == 0 && Documentation is null && DefinitionsAttributes.Count == 0;
}
