namespace CrmBpm.Testing.Agreement;

/// <summary>One disagreement between a CRM record and the engine, with a sentence saying what is wrong.</summary>
public sealed record Disagreement(DisagreementKind Kind, string Record, string Sentence)
{
    /// <summary>True for the two-step service gaps (record committed, engine called afterwards); false for a true split.</summary>
    public bool IsKnownGap => Kind is DisagreementKind.KnownGapRecordWithoutProcess or DisagreementKind.KnownGapReleasedDealProcessStillRunning;

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Record}: {Sentence}";
}
