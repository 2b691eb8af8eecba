namespace CrmBpm.Testing.Agreement;

/// <summary>One disagreement between a CRM record and the engine, with a sentence saying what is wrong.</summary>
public sealed record Disagreement(DisagreementKind Kind, string Record, string Sentence)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Record}: {Sentence}";
}
