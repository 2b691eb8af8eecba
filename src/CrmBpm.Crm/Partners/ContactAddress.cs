namespace CrmBpm.Crm.Partners;

/// <summary>One address of a partner or contact as one line of text (street, city, postcode, country), with its kind.</summary>
public sealed record ContactAddress(AddressKind Kind, string Text)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Text}";
}
