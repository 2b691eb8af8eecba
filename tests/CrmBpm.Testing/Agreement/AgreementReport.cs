namespace CrmBpm.Testing.Agreement;

/// <summary>What <see cref="CrmProcessAgreement"/> found: every disagreement, and how many records it looked at.</summary>
public sealed record AgreementReport(IReadOnlyList<Disagreement> Disagreements, int Deals, int Instructions, int Claims, int Instances)
{
    /// <summary>Disagreements that must never happen: the CRM and a process it follows split (every disagreement is one).</summary>
    public IReadOnlyList<Disagreement> Splits => Disagreements;

    /// <summary>Count per kind, e.g. "DealStageDiffers 2, RecordWithoutProcess 1", or "none".</summary>
    public string Summary() => Disagreements.Count == 0
        ? "none"
        : string.Join(", ", Disagreements.GroupBy(d => d.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));

    /// <summary>The splits, one sentence a line (for a failure message).</summary>
    public string DescribeSplits() => string.Join(Environment.NewLine, Splits.Select(d => d.ToString()));
}
