using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Instructions;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Components.Shared;
using Microsoft.Extensions.Localization;

namespace CrmBpm.Server.Components.Pages.Tasks;

/// <summary>
/// Phrases My tasks and the task card share (TaskTexts.resx beside this file): a task's state, who holds it, what its
/// subject is, how far its deadline is.
/// </summary>
public sealed class TaskTexts
{
    private TaskTexts()
    {
    }

    /// <summary>"Open", "Open · in the pool", "Accepted by me", "Accepted by Boris Nowak", "Completed", "Cancelled".</summary>
    public static string Status(IStringLocalizer<TaskTexts> l, WorkTask task, string me, string? holderName = null)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(task);
        return task.Status switch
        {
            WorkTaskStatus.Open when task.IsInPool => l["OpenInPool"],
            WorkTaskStatus.Open => l["Open"],
            WorkTaskStatus.Accepted when task.AssigneeId == me => l["AcceptedByMe"],
            WorkTaskStatus.Accepted => l["AcceptedBy", holderName ?? task.AssigneeId ?? ""],
            WorkTaskStatus.Completed => l["Completed"],
            _ => l["Cancelled"],
        };
    }

    /// <summary>Who has the task: "me", a person, or the pool ("Sales manager", "Sales manager · North").</summary>
    public static string Holder(IStringLocalizer<TaskTexts> l, WorkTask task, string me, string? holderName = null)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(task);
        if (task.AssigneeId == me)
        {
            return l["Me"];
        }

        if (task.AssigneeId is { } holder)
        {
            return holderName ?? holder;
        }

        return l["Pool", Pool(task)];
    }

    /// <summary>The pool a task is addressed to, in the reader's language: its role, and the addressing object when there is one.</summary>
    public static string Pool(WorkTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return StandardTexts.Pool(task.PerformerRole, task.PerformerAddressingObject, " · ");
    }

    /// <summary>A task's title in the reader's language when a standard map made it; a title a consultant wrote stays as written.</summary>
    public static string Title(WorkTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return StandardTexts.TaskTitle(task.MapKey, task.PointId, task.Title);
    }

    /// <summary>
    /// An outcome as a button or a list says it: the CRM's own outcomes in words that cannot be mistaken for taking a task
    /// into work ("Accept" is "Accept the result"), any other outcome as the route map names it.
    /// </summary>
    public static string Outcome(IStringLocalizer<TaskTexts> l, string outcome)
    {
        ArgumentNullException.ThrowIfNull(l);
        var text = l[$"Outcome.{outcome}"];
        return text.ResourceNotFound ? outcome : text.Value;
    }

    /// <summary>"Deal", "Claim", "Instruction", or the subject type as the process named it.</summary>
    public static string SubjectKind(IStringLocalizer<TaskTexts> l, string type)
    {
        ArgumentNullException.ThrowIfNull(l);
        return type switch
        {
            DealService.SubjectType => l["Deal"],
            ClaimService.SubjectType => l["Claim"],
            InstructionService.SubjectType => l["Instruction"],
            _ => type,
        };
    }

    /// <summary>A span as people say it, to the minute: "2 d 3 h", "3 h 5 min", "5 min", "under a minute".</summary>
    public static string Duration(IStringLocalizer<TaskTexts> l, TimeSpan span)
    {
        ArgumentNullException.ThrowIfNull(l);
        span = span.Duration();
        if (span < TimeSpan.FromMinutes(1))
        {
            return l["UnderAMinute"];
        }

        if (span.TotalDays >= 1)
        {
            return span.Hours == 0 ? l["Days", span.Days] : $"{l["Days", span.Days]} {l["Hours", span.Hours]}";
        }

        if (span.TotalHours >= 1)
        {
            return span.Minutes == 0 ? l["Hours", span.Hours] : $"{l["Hours", span.Hours]} {l["Minutes", span.Minutes]}";
        }

        return l["Minutes", span.Minutes];
    }
}
