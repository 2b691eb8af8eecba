namespace CrmBpm.Engine.Bpmn;

/// <summary>Limits for reading BPMN files that may come from anyone.</summary>
public sealed class BpmnImportOptions
{
    /// <summary>The default size limit: 10 MB.</summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>Files larger than this are refused before parsing.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;
}
