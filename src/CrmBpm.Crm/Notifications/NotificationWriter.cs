using System.Runtime.CompilerServices;
using CrmBpm.Crm.Common;
using CrmBpm.Crm.Instructions;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Crm.Notifications;

/// <summary>
/// Writes the <see cref="Notification"/>s an engine command's events call for, in the command's CRM unit of work (it is a
/// process follower, after the trackers): a notification exists if and only if the step that raised it committed.
/// <list type="bullet">
/// <item><see cref="TaskCreated"/>, or a task redirected to someone: its holder (<see cref="NotificationKind.TaskAssigned"/>);
/// a pool task: every active member of the pool, at most <see cref="Notification.PoolMemberLimit"/> (<see cref="NotificationKind.PoolTask"/>).</item>
/// <item><see cref="TaskReminderDue"/>: the holder, or the pool's members; <see cref="TaskDeadlineReached"/>: the holder.</item>
/// <item><see cref="TaskEscalated"/>: the person the step concerns (the holder reminded, the head told or given the task).</item>
/// <item>An instruction's verification completed with Return or Accept: the instruction's performer.</item>
/// </list>
/// Nobody is told about what they did themselves: the person who started the process or completed the task that created
/// the new task in the same command is left out.
/// </summary>
internal sealed class NotificationWriter(IPeopleDirectory people) : IProcessFollower
{
    private readonly ConditionalWeakTable<ProcessFollowing, HashSet<string>> _actors = [];

    public async Task FollowAsync(ProcessFollowing following, EngineEvent engineEvent, CancellationToken cancellationToken)
    {
        var actors = _actors.GetOrCreateValue(following);
        switch (engineEvent)
        {
            case InstanceStarted started:
                if ((await following.InstanceAsync(started.InstanceId, cancellationToken).ConfigureAwait(false)).StartedBy is { } starter)
                {
                    actors.Add(starter);
                }

                break;
            case TaskCreated created:
                await TellHolderOrPoolAsync(following, created.Task, NotificationKind.TaskAssigned, NotificationKind.PoolTask, actors, created.At, cancellationToken).ConfigureAwait(false);
                break;
            case TaskChanged { Change: HistoryKind.TaskRedirected } redirected when redirected.Task.AssigneeId is { } holder:
                await WriteAsync(following, [holder], NotificationKind.TaskAssigned, redirected.Task, null, redirected.At, cancellationToken).ConfigureAwait(false);
                break;
            case TaskReminderDue reminder:
                await TellHolderOrPoolAsync(following, reminder.Task, NotificationKind.ReminderDue, NotificationKind.ReminderDue, [], reminder.At, cancellationToken).ConfigureAwait(false);
                break;
            case TaskDeadlineReached overdue when overdue.Task.AssigneeId is { } holder:
                await WriteAsync(following, [holder], NotificationKind.DeadlineReached, overdue.Task, null, overdue.At, cancellationToken).ConfigureAwait(false);
                break;
            case TaskEscalated { Person: { } person } escalated:
                await WriteAsync(following, [person], NotificationKind.TaskEscalated, escalated.Task, escalated.Step.Kind.ToString(), escalated.At, cancellationToken).ConfigureAwait(false);
                break;
            case TaskCompleted completed:
                if (completed.Task.CompletedBy is { } completer)
                {
                    actors.Add(completer);
                }

                await TellInstructionPerformerAsync(following, completed, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task TellHolderOrPoolAsync(
        ProcessFollowing following, WorkTask task, NotificationKind holderKind, NotificationKind poolKind, HashSet<string> leaveOut, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (task.AssigneeId is { } holder)
        {
            if (!leaveOut.Contains(holder))
            {
                await WriteAsync(following, [holder], holderKind, task, null, at, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (task.PerformerRole is { } role)
        {
            var members = await people.ActiveMembersOfPoolAsync(role, task.PerformerAddressingObject, Notification.PoolMemberLimit, cancellationToken).ConfigureAwait(false);
            await WriteAsync(following, [.. members.Where(m => !leaveOut.Contains(m)).Distinct(StringComparer.Ordinal).Take(Notification.PoolMemberLimit)], poolKind, task, null, at, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static async Task TellInstructionPerformerAsync(ProcessFollowing following, TaskCompleted completed, CancellationToken cancellationToken)
    {
        if (completed.Task is not { MapKey: InstructionRouteMap.Key, PointId: InstructionRouteMap.VerifyPointId, Outcome: InstructionRouteMap.Return or InstructionRouteMap.Accept } verify)
        {
            return;
        }

        var instance = await following.InstanceAsync(completed.InstanceId, cancellationToken).ConfigureAwait(false);
        if (!instance.Variables.TryGetValue("instructionId", out var idValue) || !Guid.TryParse(Variables.ToText(idValue), out var instructionId))
        {
            return;
        }

        var session = await following.SessionAsync(cancellationToken).ConfigureAwait(false);
        if (await session.Instructions.FindAsync(instructionId, cancellationToken).ConfigureAwait(false) is not { } instruction ||
            instruction.PerformerId == verify.CompletedBy)
        {
            return;
        }

        var kind = verify.Outcome == InstructionRouteMap.Return ? NotificationKind.InstructionReturned : NotificationKind.InstructionAccepted;
        session.Notifications.Add(new Notification(instruction.PerformerId, kind, "instruction", instruction.Id.ToString(), instruction.Title, verify.CompletedBy, completed.At));
    }

    private static async Task WriteAsync(
        ProcessFollowing following, IReadOnlyList<string> recipients, NotificationKind kind, WorkTask task, string? detail, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (recipients.Count == 0)
        {
            return;
        }

        var session = await following.SessionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var recipient in recipients)
        {
            session.Notifications.Add(new Notification(recipient, kind, "task", task.Id.ToString(), task.Title, detail, at));
        }
    }
}
