namespace CrmBpm.EntityFrameworkCore.Storage.Sql;

/// <summary>
/// One hand-written statement of a commit. A guarded statement (an update that checks the version it loaded) names the row it
/// guards: touching no row means another command changed that row first.
/// </summary>
internal sealed class SqlStatement(string sql)
{
    private readonly List<KeyValuePair<string, object?>> _parameters = [];

    public string Sql { get; } = sql;

    public IReadOnlyList<KeyValuePair<string, object?>> Parameters => _parameters;

    /// <summary>What another command changed first when this statement touches no row ("instance 0f3…"), or null when it may touch none.</summary>
    public string? GuardedRow { get; init; }

    /// <summary>Adds <c>@name</c>; a null value is written as SQL NULL.</summary>
    public SqlStatement With(string name, object? value)
    {
        _parameters.Add(new(name, value));
        return this;
    }
}
