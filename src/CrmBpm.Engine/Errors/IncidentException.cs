using CrmBpm.Engine.Runtime;

namespace CrmBpm.Engine.Errors;

/// <summary>
/// Thrown, only when the caller asked for it (<see cref="StartOptions.ThrowOnIncident"/>,
/// <see cref="Tasks.TaskCompletion.ThrowOnIncident"/>), after a command that left tokens stuck. The command has
/// <b>committed</b>: an incident is a state of the process, not a failure of the call, so the instance exists (or the task
/// is completed) and <see cref="IProcessEngine.RetryIncidentAsync"/> goes on from here.
/// </summary>
public sealed class IncidentException : CrmBpmException
{
    /// <summary>Creates the exception for the incidents <paramref name="incidents"/> the command left in the tree of <paramref name="instanceId"/>.</summary>
    public IncidentException(Guid instanceId, IReadOnlyList<Incident> incidents)
        : base("instance.incident", Describe(instanceId, incidents))
    {
        ArgumentNullException.ThrowIfNull(incidents);
        InstanceId = instanceId;
        Incidents = incidents;
    }

    /// <summary>The instance the command started or acted on (the incidents may be in instances nested below it).</summary>
    public Guid InstanceId { get; }

    /// <summary>The incidents the command raised that still stand, in the order they were raised.</summary>
    public IReadOnlyList<Incident> Incidents { get; }

    /// <summary>The codes of <see cref="Incidents"/> (see <see cref="IncidentCodes"/>), each once.</summary>
    public IReadOnlyList<string> Codes => [.. Incidents.Select(i => i.Code).Distinct(StringComparer.Ordinal)];

    private static string Describe(Guid instanceId, IReadOnlyList<Incident> incidents) =>
        $"The command committed, but instance {instanceId} has {incidents?.Count ?? 0} incident(s): " +
        string.Join("; ", (incidents ?? []).Select(i => $"[{i.Code}] at '{i.PointId}': {i.Message}"));
}
