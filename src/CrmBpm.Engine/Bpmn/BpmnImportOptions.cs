using CrmBpm.Engine.Validation;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Limits for reading BPMN files that may come from anyone. Each is far above what a drawn route map needs
/// (a large real map has a few hundred points and is nested a dozen levels deep), and each keeps the cost of
/// reading, validating and exporting a file bounded: beyond a limit the file is refused with a problem naming it.
/// </summary>
public sealed class BpmnImportOptions
{
    /// <summary>The default size limit: 10 MB.</summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>The default nesting limit: 64 levels of elements.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>The default limit on kept attributes and extension elements of other tools: 20,000 per file.</summary>
    public const int DefaultMaxForeignItems = 20_000;

    /// <summary>The default limit on attributes (namespace declarations included) of one element: 1,000.</summary>
    public const int DefaultMaxAttributesPerElement = 1_000;

    /// <summary>Files larger than this are refused before parsing.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>
    /// Elements nested deeper than this (counting <c>bpmn:definitions</c> as level 1) are refused while the file is read,
    /// so no later walk over the XML can run out of stack.
    /// </summary>
    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>
    /// Attributes one element may have, namespace declarations included; checked on the raw text before parsing, since the
    /// XML parser itself slows down quadratically with hundreds of thousands of attributes on one element.
    /// </summary>
    public int MaxAttributesPerElement { get; init; } = DefaultMaxAttributesPerElement;

    /// <summary>Points (events, tasks, gateways, call activities) one process may have; the route map's own limit by default.</summary>
    public int MaxPointsPerMap { get; init; } = RouteMapLimits.DefaultMaxPoints;

    /// <summary>Sequence flows one process may have; the route map's own limit by default.</summary>
    public int MaxFlowsPerMap { get; init; } = RouteMapLimits.DefaultMaxFlows;

    /// <summary>
    /// Attributes and extension elements of other tools (kept and written back on export) one file may hold, counted over
    /// all its elements including the diagram.
    /// </summary>
    public int MaxForeignItems { get; init; } = DefaultMaxForeignItems;
}
