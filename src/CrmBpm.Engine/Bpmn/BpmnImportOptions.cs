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

    /// <summary>Files larger than this are refused before parsing.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>
    /// Elements nested deeper than this (counting <c>bpmn:definitions</c> as level 1) are refused while the file is read,
    /// so no later walk over the XML can run out of stack.
    /// </summary>
    public int MaxDepth { get; init; } = DefaultMaxDepth;
}
