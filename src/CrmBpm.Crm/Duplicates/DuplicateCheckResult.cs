namespace CrmBpm.Crm.Duplicates;

/// <summary>Every existing record a registration collides with; empty when there is none.</summary>
public sealed record DuplicateCheckResult(IReadOnlyList<DuplicateMatch> Matches)
{
    /// <summary>True when at least one record collides.</summary>
    public bool HasDuplicates => Matches.Count > 0;

    /// <summary>One sentence listing every collision.</summary>
    public string Describe() => HasDuplicates
        ? "This looks like an existing record: " + string.Join("; ", Matches.Select(m => m.Describe())) + "."
        : "No duplicates found.";
}
