namespace CrmBpm.Engine.Tasks;

/// <summary>Task actions and the My tasks query. Each action is one transaction.</summary>
public interface ITaskService
{
    /// <summary>A task; throws <see cref="Errors.NotFoundException"/> when unknown.</summary>
    Task<WorkTask> GetAsync(Guid taskId, CancellationToken cancellationToken = default);

    /// <summary>All tasks of an instance, oldest first.</summary>
    Task<IReadOnlyList<WorkTask>> GetTasksOfInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The open (open or accepted) tasks of an instance and of every nested instance below it, at any depth, oldest first:
    /// what is waiting on people in the whole process tree.
    /// </summary>
    Task<IReadOnlyList<WorkTask>> GetOpenTasksOfTreeAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// My tasks: held by the actor or in the actor's pools, and those of the people the actor substitutes for
    /// (<see cref="Actor.OnBehalfOf"/> names whose each of these is), by deadline, paginated.
    /// </summary>
    Task<Page<WorkTask>> MyTasksAsync(TaskQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The Unassigned list: active tasks of Actions without any performer, which no one's My tasks shows, by deadline (none
    /// last) then creation, paginated. A supervisor hands each to a person with <see cref="RedirectAsync"/>.
    /// </summary>
    /// <exception cref="Errors.ForbiddenException">The actor is not a supervisor (<see cref="Actor.CanActOnAnyTask"/>).</exception>
    Task<Page<WorkTask>> UnassignedTasksAsync(UnassignedTaskQuery query, CancellationToken cancellationToken = default);

    /// <summary>Takes the task into work; a pool task becomes the actor's.</summary>
    Task<WorkTask> AcceptAsync(Guid taskId, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>Completes the task with an outcome and form values, and moves the process on.</summary>
    /// <exception cref="Errors.ConflictException">The task is already completed or cancelled, or must be accepted first.</exception>
    /// <exception cref="Errors.InputException">The outcome or a form value is missing or wrong.</exception>
    Task<WorkTask> CompleteAsync(Guid taskId, Actor actor, TaskCompletion? completion = null, CancellationToken cancellationToken = default);

    /// <summary>Hands the task to another user with a comment (how a supervisor hands over an unassigned task).</summary>
    Task<WorkTask> RedirectAsync(Guid taskId, Actor actor, string toUserId, string? comment = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Hands the task to the pool of <paramref name="role"/> (narrowed by <paramref name="addressingObject"/>), held by nobody,
    /// with a comment: how a supervisor addresses an unassigned task to a team rather than a person. Recorded in the history
    /// as a redirect.
    /// </summary>
    /// <exception cref="Errors.InputException">No role is given.</exception>
    /// <exception cref="Errors.ForbiddenException">The actor may not redirect the task.</exception>
    Task<WorkTask> RedirectToPoolAsync(Guid taskId, Actor actor, string role, string? addressingObject = null, string? comment = null, CancellationToken cancellationToken = default);

    /// <summary>Hides the task from My tasks until <paramref name="until"/>.</summary>
    Task<WorkTask> PostponeAsync(Guid taskId, Actor actor, DateTimeOffset until, string? comment = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels one task of a "one task per item" action (its item was withdrawn): the task closes as cancelled, its timers
    /// go, and the action goes on once its other tasks are done, as if this one had been. Only a supervisor
    /// (<see cref="Actor.CanActOnAnyTask"/>) may; a single task is refused (terminate its process instead).
    /// </summary>
    Task<WorkTask> CancelAsync(Guid taskId, Actor actor, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reports a business error instead of completing the task (Camunda's <c>handleBpmnError</c>): the error boundary of the
    /// task's Action catching <paramref name="errorCode"/> cancels the Action (this task and its siblings) and takes its own
    /// flow. Refused with <c>task.error-not-caught</c> when no boundary of the Action catches the code.
    /// </summary>
    Task<WorkTask> ThrowErrorAsync(Guid taskId, Actor actor, string errorCode, string? message = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Raises an escalation on the task instead of, or before, completing it (Camunda's <c>handleEscalation</c>): the escalation
    /// boundary of the task's Action catching <paramref name="escalationCode"/> (else one catching every escalation) takes it, or,
    /// when the Action has none, the first catch further up (the scope's escalation event sub-process, the sub-process's or Nested
    /// process's boundary around it, …). Interrupting, the Action is cancelled (this task and its siblings) and its boundary's flow
    /// taken; non-interrupting, the task stays open. Refused with <c>task.escalation-not-caught</c> (409) when nothing catches it.
    /// </summary>
    Task<WorkTask> ThrowEscalationAsync(Guid taskId, Actor actor, string escalationCode, CancellationToken cancellationToken = default);

    /// <summary>Puts a role task back into its pool.</summary>
    Task<WorkTask> ReturnToPoolAsync(Guid taskId, Actor actor, string? comment = null, CancellationToken cancellationToken = default);
}
