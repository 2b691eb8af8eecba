namespace CrmBpm.Crm;

/// <summary>CRM settings.</summary>
public sealed class CrmOptions
{
    /// <summary>
    /// ISO 3166 country (e.g. <c>DE</c>, <c>RU</c>) whose calling code and trunk prefix apply to phone numbers typed
    /// without a country code. Null: such numbers are refused with a message asking for +country code.
    /// </summary>
    public string? DefaultPhoneCountry { get; set; }

    /// <summary>Deadline of an instruction created without one.</summary>
    public TimeSpan DefaultInstructionDeadline { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How often a CRM command is retried when another one changed the same record first.</summary>
    public int MaxConcurrencyRetries { get; set; } = 5;
}
