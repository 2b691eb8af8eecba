namespace CrmBpm.EntityFrameworkCore.Schema;

/// <summary>
/// The database was upgraded by a newer build than this one: its schema has changes this code does not know, so it is
/// refused rather than used (a newer column could be ignored or, worse, overwritten).
/// </summary>
public sealed class DatabaseNewerThanCodeException : InvalidOperationException
{
    /// <summary>Creates the refusal for one component.</summary>
    /// <param name="component">The schema component (<c>engine</c>, <c>crm</c>, <c>identity</c>).</param>
    /// <param name="databaseVersion">The version recorded in the database.</param>
    /// <param name="codeVersion">The newest version this build knows.</param>
    public DatabaseNewerThanCodeException(string component, int databaseVersion, int codeVersion)
        : base($"The database's '{component}' schema is at version {databaseVersion}, but this build of CrmBpm knows versions up to {codeVersion}: " +
               "a newer build has upgraded it. Run that build (or a newer one), or restore a backup taken before the upgrade.")
    {
        Component = component;
        DatabaseVersion = databaseVersion;
        CodeVersion = codeVersion;
    }

    /// <summary>Creates the exception without details (serialisation and tooling).</summary>
    public DatabaseNewerThanCodeException()
        : this("unknown", 0, 0)
    {
    }

    /// <summary>Creates the exception with a message of one's own.</summary>
    /// <param name="message">The message.</param>
    public DatabaseNewerThanCodeException(string message)
        : base(message)
    {
        Component = "unknown";
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DatabaseNewerThanCodeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Component = "unknown";
    }

    /// <summary>The schema component refused.</summary>
    public string Component { get; }

    /// <summary>The version recorded in the database.</summary>
    public int DatabaseVersion { get; }

    /// <summary>The newest version this build knows.</summary>
    public int CodeVersion { get; }
}
