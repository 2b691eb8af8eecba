namespace CrmBpm.Crm.Common;

/// <summary>The optimistic-concurrency check of an edit.</summary>
public static class ChangeLoggedExtensions
{
    /// <summary>
    /// Refuses with <see cref="StaleRecordException"/> when the record is no longer at <paramref name="expectedVersion"/>
    /// (the version the editor read); null skips the check (a caller that read and changes in one unit of work).
    /// </summary>
    public static void EnsureVersion<T>(this T record, long? expectedVersion)
        where T : AggregateRoot, IChangeLogged
    {
        ArgumentNullException.ThrowIfNull(record);
        if (expectedVersion is { } expected && expected != record.Version)
        {
            throw new StaleRecordException(record.RecordType, record.Id, record.DisplayName, expected, record.Version, record.ChangeLog.LastOrDefault());
        }
    }
}
