namespace CrmBpm.EntityFrameworkCore.Schema;

/// <summary>What starting on a database did to one schema component.</summary>
/// <param name="Component">The component.</param>
/// <param name="FromVersion">Its version before (0: the database had none of its tables).</param>
/// <param name="ToVersion">Its version now, the latest this build knows.</param>
/// <param name="StepsRun">The steps this call ran (another node starting at the same time may have run some of the others).</param>
public sealed record SchemaMigration(string Component, int FromVersion, int ToVersion, int StepsRun)
{
    /// <summary>The component's tables were created, at the latest version.</summary>
    public bool Created => FromVersion == 0;

    /// <summary>Steps ran (a database of an earlier version).</summary>
    public bool Upgraded => FromVersion > 0 && ToVersion > FromVersion;
}
