namespace CrmBpm.Engine.Events;

/// <summary>
/// Reacts to a command's events inside the command's unit of work, before it commits: what the handler writes through
/// <see cref="EngineTransaction.Session"/> (<see cref="Persistence.IWorkflowSession.Enlist"/>) commits with the engine's own
/// changes or not at all, so after a crash at any moment the two agree. Register with
/// <c>bpm.AddTransactionHandler&lt;T&gt;()</c>. A handler that throws fails the command: nothing is written and the caller
/// gets the error (a <see cref="Errors.ConcurrencyException"/> re-runs the command from a fresh read, the handler included).
/// Keep handlers to reads and writes of records that follow the process; anything slow or external belongs after the
/// commit (<see cref="IEngineEventHandler"/>).
/// </summary>
public interface IEngineTransactionHandler
{
    /// <summary>Handles the command's events, in the order they happened.</summary>
    Task HandleAsync(EngineTransaction transaction, IReadOnlyList<EngineEvent> events, CancellationToken cancellationToken = default);
}
