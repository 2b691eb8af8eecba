using CrmBpm.Engine.Persistence;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Engine.Events;

/// <summary>What an <see cref="IEngineTransactionHandler"/> gets: the command's unit of work, and a place for work after its commit.</summary>
public sealed class EngineTransaction
{
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];

    internal EngineTransaction(IWorkflowSession session, object? joinedWork = null)
    {
        Session = session;
        JoinedWork = joinedWork;
    }

    /// <summary>
    /// The command's session: its reads see the command's own changes (an instance's variables as the command left them),
    /// and another store on the same database enlists its writes here.
    /// </summary>
    public IWorkflowSession Session { get; }

    /// <summary>
    /// The caller's own work that must commit with this command (<see cref="StartOptions.JoinedWork"/>,
    /// <see cref="Runtime.TerminateOptions.JoinedWork"/>), or null. The handler that knows its type does it; the others ignore it.
    /// </summary>
    public object? JoinedWork { get; }

    /// <summary>An instance as this command sees it, its changes included.</summary>
    public Task<ProcessInstance?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        Session.GetInstanceAsync(instanceId, cancellationToken);

    /// <summary>Work to do once the command has committed (publishing what the enlisted writes raised); never if it fails.</summary>
    public void AfterCommit(Func<CancellationToken, Task> action) => _afterCommit.Add(action);

    internal IReadOnlyList<Func<CancellationToken, Task>> AfterCommitActions => _afterCommit;
}
