namespace CrmBpm.Crm.Partners;

/// <summary>One e-mail address of a partner or contact, with its kind.</summary>
public sealed record ContactEmail(EmailKind Kind, string Address)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Address}";
}
