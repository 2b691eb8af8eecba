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

    /// <summary>
    /// BPMN content that does not run, each as self-contained XML. On a map: the process's lanes, text annotations,
    /// associations, groups, data objects and data store references; on a point: its data associations, I/O
    /// specification and properties. Written back in place.
    /// </summary>
    public IReadOnlyList<string> Elements { get; init; } = [];

    /// <summary>
    /// On a map: the file's top-level elements other than processes and diagrams (collaborations
    /// with their pools and message flows, messages, errors, signals, escalations, item definitions, data stores, imports,
    /// interfaces), each as self-contained XML, in document order.
    /// </summary>
    public IReadOnlyList<string> DefinitionsElements { get; init; } = [];

    /// <summary>
    /// On a map: diagrams of elements inside it (the inside of a collapsed sub-process, drawn on its own plane), each as
    /// self-contained XML, written after the map's own diagram.
    /// </summary>
    public IReadOnlyList<string> Diagrams { get; init; } = [];

    /// <summary>The local names of <see cref="Elements"/> (e.g. <c>messageEventDefinition</c>), in order, without parsing them.</summary>
    public IReadOnlyList<string> ElementLocalNames() => [.. Elements.Select(LocalNameOf)];

    private static string LocalNameOf(string xml)
    {
        var start = xml.IndexOf('<', StringComparison.Ordinal) + 1;
        var end = start;
        while (end < xml.Length && !char.IsWhiteSpace(xml[end]) && xml[end] is not ('>' or '/'))
        {
            end++;
        }

        var name = xml[start..end];
        return name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>True when nothing is kept.</summary>
    public bool IsEmpty => Attributes.Count == 0 && ExtensionElements.Count == 0 && Documentation is null && DefinitionsAttributes.Count == 0
        && Elements.Count == 0 && DefinitionsElements.Count == 0 && Diagrams.Count == 0;
}
