using CrmBpm.Engine.Definitions;
namespace CrmBpm.Engine.Runtime;

/// <summary>Starts instances and operates on them. Each call is one transaction.</summary>
public interface IProcessEngine
{
    /// <summary>Starts the latest published version of <paramref name="mapKey"/> (or the version in <paramref name="options"/>) and runs it until every token waits.</summary>
    Task<ProcessInstance> StartAsync(string mapKey, StartOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>An instance; throws <see cref="Errors.NotFoundException"/> when unknown.</summary>
    Task<ProcessInstance> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>Instances started by nested process points of <paramref name="instanceId"/>.</summary>
    Task<IReadOnlyList<ProcessInstance>> GetChildInstancesAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>Every token move and task action, in order.</summary>
    Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The End points the instance's tokens reached, in the order they were reached (each once): how a caller tells "Won"
    /// from "Lost" when a map has several ends, also while other tokens still run.
    /// </summary>
    Task<IReadOnlyList<EndPoint>> GetReachedEndsAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The incidents of the instance and of every nested instance below it, at any depth (the instance's own first): how a
    /// caller finds every stuck token of a process tree, with its code (<see cref="IncidentCodes"/>) and message.
    /// </summary>
    Task<IReadOnlyList<Incident>> GetIncidentsAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>Pauses the instance and its nested instances: tasks cannot be completed and timers do not fire.</summary>
    Task<ProcessInstance> SuspendAsync(Guid instanceId, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>Resumes a suspended instance and its nested instances.</summary>
    Task<ProcessInstance> ResumeAsync(Guid instanceId, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>Stops the instance: cancels its tasks and terminates its nested instances.</summary>
    Task<ProcessInstance> TerminateAsync(Guid instanceId, string? reason = null, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>Stops the instance as <see cref="TerminateAsync(Guid, string?, string?, CancellationToken)"/> does, with the caller's work joined to the command.</summary>
    Task<ProcessInstance> TerminateAsync(Guid instanceId, TerminateOptions options, CancellationToken cancellationToken = default);

    /// <summary>Sets variables (e.g. to fix the cause of an incident) and retries every stuck token.</summary>
    Task<ProcessInstance> RetryIncidentAsync(Guid instanceId, IReadOnlyDictionary<string, object?>? variables = null, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Delivers a message, in one command: to the oldest waiting subscription that matches (every one with
    /// <see cref="MessageCorrelation.All"/>), setting its variables and moving the token on; when none waits, it starts the latest
    /// published map whose Start is a message start of that name. A message nobody waits for and nothing starts on is refused
    /// with <see cref="Errors.NotFoundException"/> (<c>message.not-correlated</c>): there is no buffer, the sender retries.
    /// Two correlations racing for one subscription never both take it: the loser reaches the next match or is refused.
    /// </summary>
    Task<CorrelationResult> CorrelateAsync(MessageCorrelation message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Broadcasts a signal, in one command: every subscription of that name waiting now, in every running instance, is reached and
    /// given the variables, then every map whose latest published version starts on that signal (a signal start event) starts one
    /// instance with the variables. Returns the instances reached, then those started (none is not an error: a signal is not
    /// addressed to anyone). Maps that start one another on signals without end are refused (<c>signal.start-loop</c>, 409).
    /// </summary>
    Task<IReadOnlyList<Guid>> BroadcastSignalAsync(string signalName, IReadOnlyDictionary<string, object?>? variables = null, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>Sets variables of a running instance without moving tokens.</summary>
    Task<ProcessInstance> SetVariablesAsync(Guid instanceId, IReadOnlyDictionary<string, object?> variables, string? actor = null, CancellationToken cancellationToken = default);
}
