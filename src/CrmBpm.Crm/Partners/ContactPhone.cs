namespace CrmBpm.Crm.Partners;

/// <summary>One phone number of a partner or contact, in E.164, with its kind.</summary>
public sealed record ContactPhone(PhoneKind Kind, string Number)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Number}";
}
