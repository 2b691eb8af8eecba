using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Engine.Tasks;

internal sealed partial class TaskService
{
    /// <summary>
    /// Fires a step of a task's escalation ladder in one command, as <c>system</c>: marks its timer fired (refused if another node
    /// fired it first), records <c>TaskEscalated</c> and publishes <see cref="TaskEscalated"/>; a reassignment redirects the task to
    /// <paramref name="person"/> and a default outcome completes it, by the same code a person's redirect or completion runs, so
    /// the CRM follows as usual. A default outcome the task refuses (a required field) is recorded and the task left to its holder.
    /// </summary>
    internal async Task<bool> EscalateAsync(Guid timerId, Guid taskId, string nodeId, EscalationStep? step, int stepNumber, string? person, CancellationToken cancellationToken)
    {
        try
        {
            return await EscalateOnceAsync(timerId, taskId, nodeId, step, stepNumber, person, act: true, cancellationToken).ConfigureAwait(false);
        }
        catch (InputException ex)
        {
            return await EscalateOnceAsync(timerId, taskId, nodeId, step, stepNumber, ex.Message, act: false, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> EscalateOnceAsync(Guid timerId, Guid taskId, string nodeId, EscalationStep? step, int stepNumber, string? personOrRefusal, bool act, CancellationToken cancellationToken)
    {
        var fired = false;
        await ActAsync(taskId, Actor.System, async (context, instance, task) =>
        {
            var timer = await context.Session.GetTimerAsync(timerId, cancellationToken).ConfigureAwait(false);
            if (timer is null || timer.FiredAt is not null || timer.LeaseOwner != nodeId)
            {
                return;
            }

            timer.FiredAt = context.Now;
            fired = true;
            if (step is null)
            {
                return; // the step is no longer in the map's version (it cannot be: versions are immutable); nothing to do
            }

            var person = act ? personOrRefusal : null;
            context.Record(instance, HistoryKind.TaskEscalated, pointId: task.PointId, taskId: task.Id, details: Describe(step, stepNumber, person, act ? null : personOrRefusal));
            context.Events.Add(new TaskEscalated(task, step, stepNumber, person, context.Now));
            switch (step.Kind)
            {
                case EscalationStepKind.ReassignToHead when act && person is not null && person != task.AssigneeId:
                    Redirect(context, instance, task, person, $"escalated: the deadline passed ({task.DueAt:u})");
                    break;
                case EscalationStepKind.DefaultOutcome when act:
                    if (task.RequiresAcceptance && task.Status == WorkTaskStatus.Open)
                    {
                        task.Status = WorkTaskStatus.Accepted; // the system takes it into work to complete it
                        task.AcceptedAt = context.Now;
                    }

                    await CompleteInCommandAsync(context, instance, task, Actor.System, new TaskCompletion { Outcome = step.Outcome }, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }, cancellationToken).ConfigureAwait(false);
        return fired;
    }

    private static string Describe(EscalationStep step, int number, string? person, string? refusal) =>
        $"step {number}, {step.Kind}{step.Kind switch
        {
            EscalationStepKind.RemindPerformer => person is null ? ": the pool" : $": {person}",
            EscalationStepKind.NotifyHead => person is null ? ": no head found" : $": {person}",
            EscalationStepKind.ReassignToHead => person is null ? ": no head found, the task stays" : $": to {person}",
            _ => refusal is null ? $": {step.Outcome ?? "completed"}" : $": refused ({refusal}), the task stays",
        }}";
}
