using System.Text.Json;

namespace CrmBpm.Engine.Runtime;

/// <summary>
/// A running (or finished) route map. State changes only through the engine; the version
/// guards against two commands changing one instance at once (optimistic concurrency).
/// </summary>
public sealed class ProcessInstance
{
    private List<Token> _tokens = [];
    private Dictionary<string, JsonElement> _variables = new(StringComparer.Ordinal);

    internal ProcessInstance(Guid id, string mapKey, int mapVersion, DateTimeOffset startedAt)
    {
        Id = id;
        RootInstanceId = id;
        MapKey = mapKey;
        MapVersion = mapVersion;
        StartedAt = startedAt;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; }

    /// <summary>Key of the route map it runs.</summary>
    public string MapKey { get; }

    /// <summary>Version of the route map it runs (fixed at start).</summary>
    public int MapVersion { get; }

    /// <summary>Lifecycle state.</summary>
    public InstanceStatus Status { get; internal set; } = InstanceStatus.Active;

    /// <summary>The instance that started this one through a nested process point.</summary>
    public Guid? ParentInstanceId { get; internal set; }

    /// <summary>The parent's token waiting for this instance.</summary>
    public Guid? ParentTokenId { get; internal set; }

    /// <summary>The top of the nesting chain (itself when not nested).</summary>
    public Guid RootInstanceId { get; internal set; }

    /// <summary>What the process is about (e.g. a deal or a claim).</summary>
    public SubjectReference? Subject { get; internal set; }

    /// <summary>Optional business key given at start.</summary>
    public string? BusinessKey { get; internal set; }

    /// <summary>The result of the last End reached that carried one (e.g. Won).</summary>
    public string? Result { get; internal set; }

    /// <summary>Why the instance is in <see cref="InstanceStatus.Incident"/>.</summary>
    public string? IncidentMessage { get; internal set; }

    /// <summary>The code of the incident <see cref="IncidentMessage"/> describes (one of <see cref="IncidentCodes"/>).</summary>
    public string? IncidentCode { get; internal set; }

    /// <summary>Who started it.</summary>
    public string? StartedBy { get; internal set; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>When it completed or was terminated.</summary>
    public DateTimeOffset? EndedAt { get; internal set; }

    /// <summary>Optimistic concurrency version; incremented by every command that changes the instance.</summary>
    public long Version { get; internal set; }

    /// <summary>Number of history entries written so far (orders the history).</summary>
    public long HistoryCount { get; internal set; }

    /// <summary>Where the tokens are.</summary>
    public IReadOnlyList<Token> Tokens => _tokens;

    /// <summary>Process variables as JSON values.</summary>
    public IReadOnlyDictionary<string, JsonElement> Variables => _variables;

    /// <summary>
    /// The tokens of this instance that are stuck, each with its code and message (nested instances have their own; see
    /// <see cref="IProcessEngine.GetIncidentsAsync"/> for a whole tree). Empty unless <see cref="Status"/> is <see cref="InstanceStatus.Incident"/>.
    /// </summary>
    public IReadOnlyList<Incident> Incidents =>
        [.. _tokens.Where(t => t.State == TokenState.Incident)
            .Select(t => new Incident(Id, MapKey, t.PointId, t.Id, t.IncidentCode ?? IncidentCodes.Unknown, t.IncidentMessage ?? ""))];

    /// <summary>True while tokens can still move (active or with an incident).</summary>
    public bool IsRunning => Status is InstanceStatus.Active or InstanceStatus.Incident;

    internal List<Token> MutableTokens => _tokens;

    internal Dictionary<string, JsonElement> MutableVariables => _variables;

    /// <summary>Rebuilds an instance from stored state; for persistence providers.</summary>
    public static ProcessInstance Restore(InstanceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var instance = new ProcessInstance(snapshot.Id, snapshot.MapKey, snapshot.MapVersion, snapshot.StartedAt)
        {
            Status = snapshot.Status,
            ParentInstanceId = snapshot.ParentInstanceId,
            ParentTokenId = snapshot.ParentTokenId,
            RootInstanceId = snapshot.RootInstanceId,
            Subject = snapshot.Subject,
            BusinessKey = snapshot.BusinessKey,
            Result = snapshot.Result,
            IncidentMessage = snapshot.IncidentMessage,
            IncidentCode = snapshot.IncidentCode,
            StartedBy = snapshot.StartedBy,
            EndedAt = snapshot.EndedAt,
            Version = snapshot.Version,
            HistoryCount = snapshot.HistoryCount,
        };
        instance._tokens.AddRange(snapshot.Tokens);
        foreach (var (name, value) in snapshot.Variables)
        {
            instance._variables[name] = value;
        }

        return instance;
    }

    /// <summary>A detached copy of the state; for persistence providers.</summary>
    public InstanceSnapshot ToSnapshot() => new()
    {
        Id = Id,
        MapKey = MapKey,
        MapVersion = MapVersion,
        Status = Status,
        ParentInstanceId = ParentInstanceId,
        ParentTokenId = ParentTokenId,
        RootInstanceId = RootInstanceId,
        Subject = Subject,
        BusinessKey = BusinessKey,
        Result = Result,
        IncidentMessage = IncidentMessage,
        IncidentCode = IncidentCode,
        StartedBy = StartedBy,
        StartedAt = StartedAt,
        EndedAt = EndedAt,
        Version = Version,
        HistoryCount = HistoryCount,
        Tokens = [.. _tokens],
        Variables = new Dictionary<string, JsonElement>(_variables, StringComparer.Ordinal),
    };

    internal ProcessInstance Clone()
    {
        var copy = (ProcessInstance)MemberwiseClone();
        copy._tokens = [.. _tokens];
        copy._variables = new Dictionary<string, JsonElement>(_variables, StringComparer.Ordinal);
        return copy;
    }

    internal void SetVariables(IReadOnlyDictionary<string, JsonElement> values)
    {
        foreach (var (name, value) in values)
        {
            _variables[name] = value;
        }
    }
}
