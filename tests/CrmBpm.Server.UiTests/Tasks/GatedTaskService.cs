using CrmBpm.Engine.Tasks;

namespace CrmBpm.Server.UiTests.Tasks;

/// <summary>The engine's task service with a gate before accepting and completing: a test holds a command running to see the page meanwhile.</summary>
internal sealed class GatedTaskService(ITaskService inner, GatedTaskService.Gate gate) : ITaskService
{
    public Task<WorkTask> GetAsync(Guid taskId, CancellationToken cancellationToken = default) => inner.GetAsync(taskId, cancellationToken);

    public Task<IReadOnlyList<WorkTask>> GetTasksOfInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default) => inner.GetTasksOfInstanceAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<WorkTask>> GetOpenTasksOfTreeAsync(Guid instanceId, CancellationToken cancellationToken = default) => inner.GetOpenTasksOfTreeAsync(instanceId, cancellationToken);

    public Task<Page<WorkTask>> MyTasksAsync(TaskQuery query, CancellationToken cancellationToken = default) => inner.MyTasksAsync(query, cancellationToken);

    public Task<Page<WorkTask>> DoneTasksAsync(DoneTaskQuery query, CancellationToken cancellationToken = default) => inner.DoneTasksAsync(query, cancellationToken);

    public Task<Page<WorkTask>> UnassignedTasksAsync(UnassignedTaskQuery query, CancellationToken cancellationToken = default) => inner.UnassignedTasksAsync(query, cancellationToken);

    public async Task<WorkTask> AcceptAsync(Guid taskId, Actor actor, CancellationToken cancellationToken = default)
    {
        await gate.PassAsync().ConfigureAwait(false);
        return await inner.AcceptAsync(taskId, actor, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WorkTask> CompleteAsync(Guid taskId, Actor actor, TaskCompletion? completion = null, CancellationToken cancellationToken = default)
    {
        await gate.PassAsync().ConfigureAwait(false);
        var result = await inner.CompleteAsync(taskId, actor, completion, cancellationToken).ConfigureAwait(false);
        gate.Completed();
        return result;
    }

    public Task<WorkTask> RedirectAsync(Guid taskId, Actor actor, string toUserId, string? comment = null, CancellationToken cancellationToken = default) => inner.RedirectAsync(taskId, actor, toUserId, comment, cancellationToken);

    public Task<WorkTask> RedirectToPoolAsync(Guid taskId, Actor actor, string role, string? addressingObject = null, string? comment = null, CancellationToken cancellationToken = default) => inner.RedirectToPoolAsync(taskId, actor, role, addressingObject, comment, cancellationToken);

    public Task<WorkTask> PostponeAsync(Guid taskId, Actor actor, DateTimeOffset until, string? comment = null, CancellationToken cancellationToken = default) => inner.PostponeAsync(taskId, actor, until, comment, cancellationToken);

    public Task<WorkTask> BringBackAsync(Guid taskId, Actor actor, CancellationToken cancellationToken = default) => inner.BringBackAsync(taskId, actor, cancellationToken);

    public Task<WorkTask> CancelAsync(Guid taskId, Actor actor, string? reason = null, CancellationToken cancellationToken = default) => inner.CancelAsync(taskId, actor, reason, cancellationToken);

    public Task<WorkTask> ThrowErrorAsync(Guid taskId, Actor actor, string errorCode, string? message = null, CancellationToken cancellationToken = default) => inner.ThrowErrorAsync(taskId, actor, errorCode, message, cancellationToken);

    public Task<WorkTask> ThrowEscalationAsync(Guid taskId, Actor actor, string escalationCode, CancellationToken cancellationToken = default) => inner.ThrowEscalationAsync(taskId, actor, escalationCode, cancellationToken);

    public Task<WorkTask> ReturnToPoolAsync(Guid taskId, Actor actor, string? comment = null, CancellationToken cancellationToken = default) => inner.ReturnToPoolAsync(taskId, actor, comment, cancellationToken);

    /// <summary>Closed, commands wait at it until it opens; counts the completions that went through.</summary>
    internal sealed class Gate
    {
        private TaskCompletionSource _open = Opened();
        private int _completions;

        public int Completions => Volatile.Read(ref _completions);

        public void Close() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _open.TrySetResult();

        public Task PassAsync() => _open.Task;

        public void Completed() => Interlocked.Increment(ref _completions);

        private static TaskCompletionSource Opened()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }
    }
}
