namespace CrmBpm.EntityFrameworkCore.Storage;

/// <summary>
/// One disjoint part of My tasks: the tasks of one <see cref="OpenTaskCountKey"/> (held by a person, or open in one pool),
/// for a held branch optionally only those of some performer roles (a role-limited substitution). An unlimited branch has a
/// counter row; a limited one is counted from its tasks (a person holds few).
/// </summary>
internal sealed record MyTasksBranch(OpenTaskCountKey Key, IReadOnlyList<string>? PerformerRoles = null)
{
    /// <summary>True when the branch is exactly its counter row's tasks.</summary>
    public bool Counted => PerformerRoles is null;
}
