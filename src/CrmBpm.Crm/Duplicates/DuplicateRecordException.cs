using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Duplicates;

/// <summary>
/// A registration was refused because it collides with existing records; <see cref="Result"/> says which and on what.
/// Register again with <c>AllowDuplicates</c> to keep it anyway.
/// </summary>
public sealed class DuplicateRecordException(DuplicateCheckResult result)
    : CrmBpmException("duplicate.found", result?.Describe() + " Register it anyway only if it really is a different one.")
{
    /// <summary>The collisions.</summary>
    public DuplicateCheckResult Result { get; } = result!;
}
