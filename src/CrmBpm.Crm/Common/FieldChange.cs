namespace CrmBpm.Crm.Common;

/// <summary>
/// One line of a record's change log: which field changed from what to what, who changed it and when. Values are the
/// text a person reads (an amount in invariant notation, a date as yyyy-MM-dd, a list as its items joined by "; ").
/// </summary>
public sealed record FieldChange(string Field, string? Before, string? After, string By, DateTimeOffset At);
