using CrmBpm.Engine.Runtime;

namespace CrmBpm.Engine;

/// <summary>How to start an instance.</summary>
public sealed record StartOptions
{
    /// <summary>Initial variables (.NET values or <see cref="System.Text.Json.JsonElement"/>s).</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>What the process is about (a deal, a claim, ...); copied to its tasks.</summary>
    public SubjectReference? Subject { get; init; }

    /// <summary>Optional business key.</summary>
    public string? BusinessKey { get; init; }

    /// <summary>Who starts it.</summary>
    public string? StartedBy { get; init; }

    /// <summary>A specific published version; null means the latest published one.</summary>
    public int? Version { get; init; }

    /// <summary>
    /// Start with the token at this point instead of the Start point, e.g. when a deal with manual stages is put
    /// under process control at its current stage. The point must exist in the map.
    /// </summary>
    public string? StartAtPointId { get; init; }

    /// <summary>
    /// The caller's own work that must commit with the start or not at all, e.g. the CRM record the process is started
    /// for. The engine does not look at it: it hands it to every <see cref="Events.IEngineTransactionHandler"/> as
    /// <see cref="Events.EngineTransaction.JoinedWork"/>, and the handler that knows it does it inside the command's transaction.
    /// </summary>
    public object? JoinedWork { get; init; }

    /// <summary>
    /// When true, a start that leaves a token stuck anywhere in the new tree (a condition that fails, a nested map not
    /// published, …) throws <see cref="Errors.IncidentException"/> with the incidents' codes after it committed. Off by
    /// default: the returned instance's <see cref="ProcessInstance.Status"/> and <see cref="ProcessInstance.Incidents"/> say it too.
    /// </summary>
    public bool ThrowOnIncident { get; init; }
}
