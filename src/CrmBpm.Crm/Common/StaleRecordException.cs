using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Common;

/// <summary>
/// An edit was made on an outdated copy: someone else saved the record after the editor read it. Nothing is overwritten;
/// the editor reloads and applies the change again. The message names the record, the versions and the last change.
/// </summary>
public sealed class StaleRecordException : CrmBpmException
{
    /// <summary>Creates the refusal.</summary>
    public StaleRecordException(string recordType, Guid recordId, string recordName, long expectedVersion, long currentVersion, FieldChange? lastChange)
        : base("record.changed-meanwhile",
            $"{recordType} '{recordName}' was changed by someone else since you opened it (you edited version {expectedVersion}, it is now at version {currentVersion}" +
            (lastChange is null ? "" : $"; last: {lastChange.Field} by {lastChange.By} at {lastChange.At:yyyy-MM-dd HH:mm}") +
            "). Nothing was saved: reload it and apply your change again.")
    {
        RecordType = recordType;
        RecordId = recordId;
        ExpectedVersion = expectedVersion;
        CurrentVersion = currentVersion;
    }

    /// <summary>deal, partner, contact, claim, interaction.</summary>
    public string RecordType { get; }

    /// <summary>The record.</summary>
    public Guid RecordId { get; }

    /// <summary>The version the editor read.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version stored now.</summary>
    public long CurrentVersion { get; }
}
