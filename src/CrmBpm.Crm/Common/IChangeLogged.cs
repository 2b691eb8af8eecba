namespace CrmBpm.Crm.Common;

/// <summary>A record people correct by hand: it keeps a change log and refuses edits made on an outdated copy.</summary>
public interface IChangeLogged
{
    /// <summary>The record type as users and the API name it (deal, partner, contact, claim, interaction).</summary>
    string RecordType { get; }

    /// <summary>What the record is called in messages.</summary>
    string DisplayName { get; }

    /// <summary>Every change made by hand, oldest first.</summary>
    IReadOnlyList<FieldChange> ChangeLog { get; }
}
