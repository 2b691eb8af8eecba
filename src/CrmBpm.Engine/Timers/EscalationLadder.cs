using CrmBpm.Engine.Calendar;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Engine.Timers;

/// <summary>
/// An Action's escalation ladder (<see cref="ActionPoint.Escalation"/>): one timer of kind <see cref="TimerKind.Escalation"/>
/// per step, committed with the task, due relative to its deadline; firing a step finds the person it concerns and lets
/// <see cref="TaskService"/> act in one command (history <c>TaskEscalated</c>, event <see cref="Events.TaskEscalated"/>, and for a
/// reassignment or a default outcome the task's normal redirect or completion, by <c>system</c>).
/// </summary>
internal sealed class EscalationLadder(ITaskService tasks, TaskService taskService, RouteMapCatalog catalog, IOrganisationHeads heads, CrmBpmOptions options)
{
    /// <summary>The steps' timers of a task just created with a due date: a reminder already past is left out, as the plain reminder is.</summary>
    public static IEnumerable<TimerRecord> Schedule(CommandContext context, ActionPoint action, WorkTask task, DateTimeOffset due)
    {
        for (var i = 0; i < action.Escalation.Count; i++)
        {
            var step = action.Escalation[i];
            if (!WorkingDuration.TryParse(step.Duration, out var offset))
            {
                continue; // validation refuses it; a map published before cannot carry one
            }

            var calendar = action.Deadline?.InWorkingTime == true ? context.Calendar : EveryHourCalendar.Instance;
            var at = step.BeforeDeadline ? calendar.Subtract(due, offset) : calendar.Add(due, offset);
            if (step.BeforeDeadline && at <= context.Now)
            {
                continue;
            }

            yield return new TimerRecord { InstanceId = task.InstanceId, TaskId = task.Id, Kind = TimerKind.Escalation, DueAt = at, Attempt = i + 1 };
        }
    }

    /// <summary>Fires a leased step; false when it fired to nothing (the task is done, the instance suspended, another node was first).</summary>
    public async Task<bool> FireAsync(TimerRecord leased, CancellationToken cancellationToken)
    {
        WorkTask task;
        try
        {
            task = await tasks.GetAsync(leased.TaskId, cancellationToken).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return false;
        }

        var map = await catalog.GetAsync(task.MapKey, task.MapVersion, cancellationToken).ConfigureAwait(false);
        var step = (map.Map.FindPoint(task.PointId) as ActionPoint)?.Escalation.ElementAtOrDefault(leased.Attempt - 1);
        var person = step is null || !task.IsActive ? null : await PersonAsync(step, task, cancellationToken).ConfigureAwait(false);
        try
        {
            return await taskService.EscalateAsync(leased.Id, leased.TaskId, options.NodeId, step, leased.Attempt, person, cancellationToken).ConfigureAwait(false);
        }
        catch (ConflictException)
        {
            return false; // completed or cancelled meanwhile (its timers went with it), or suspended: the lease runs out and it is taken again
        }
    }

    /// <summary>
    /// Whom the step concerns: the holder for a reminder; the head of the holder's department for a notification (of the addressing
    /// object's, for a pool task); for a reassignment the head of the task's addressing object, or else of the holder's department.
    /// </summary>
    private async Task<string?> PersonAsync(EscalationStep step, WorkTask task, CancellationToken cancellationToken)
    {
        var holder = task.AssigneeId;
        return step.Kind switch
        {
            EscalationStepKind.RemindPerformer => holder,
            EscalationStepKind.NotifyHead when holder is not null => await heads.HeadOfDepartmentOfAsync(holder, cancellationToken).ConfigureAwait(false),
            EscalationStepKind.NotifyHead when task.PerformerAddressingObject is { } pool => await heads.HeadOfAsync(pool, cancellationToken).ConfigureAwait(false),
            EscalationStepKind.ReassignToHead when task.PerformerAddressingObject is { } addressed => await heads.HeadOfAsync(addressed, cancellationToken).ConfigureAwait(false)
                ?? (holder is null ? null : await heads.HeadOfDepartmentOfAsync(holder, cancellationToken).ConfigureAwait(false)),
            EscalationStepKind.ReassignToHead when holder is not null => await heads.HeadOfDepartmentOfAsync(holder, cancellationToken).ConfigureAwait(false),
            _ => null,
        };
    }
}
