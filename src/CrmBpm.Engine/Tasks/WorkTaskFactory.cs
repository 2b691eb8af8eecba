using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Expressions.Juel;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Tasks;

/// <summary>
/// Turns a token arriving at an Action into tasks: one, or one per item of a list variable. Everything
/// (title, performer, deadline) is computed before anything is added, so a failing expression leaves
/// no half-created tasks, only an incident.
/// </summary>
internal sealed partial class WorkTaskFactory(IExpressionEvaluator expressions, CrmBpmOptions options)
{
    /// <summary>
    /// Creates the tasks and parks the token; returns true when there was nothing to create (an empty list), so the token
    /// moves on at once. A multi-instance action creates a task per item, or, sequential, the first item's only.
    /// </summary>
    public bool CreateTasks(CommandContext context, ProcessInstance instance, ActionPoint action, Token token)
    {
        if (action.MultiInstance is not { } multi)
        {
            return Create(context, instance, action, token, [(null, null)], waiting => waiting);
        }

        if (!MultiInstanceItems.TryResolve(multi, $"Action '{action.DisplayName}'", instance.Variables, expressions, options.MaxMultiInstanceRuns, out var runs, out var code, out var error))
        {
            InstanceExecutor.RaiseIncident(context, instance, token, code, error);
            return false;
        }

        if (multi.ResultCollection is { } results)
        {
            // Sized for every item at once, so a completion condition that ends early leaves nulls for the items never done.
            instance.SetVariables(new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [results] = JsonSerializer.SerializeToElement(new object?[runs.Count]) });
        }

        var first = multi.IsSequential ? runs.Take(1) : runs;
        var counted = runs.All(r => r is null);
        return Create(context, instance, action, token, [.. first.Select((item, i) => ((int?)i, item))], waiting => waiting with
        {
            Loop = new MultiInstanceLoop
            {
                Total = runs.Count,
                Started = waiting.PendingTasks,
                Items = multi.IsSequential && !counted ? [.. runs.Select(r => r!.Value)] : null,
            },
        });
    }

    /// <summary>Creates the task of a sequential action's next item, the token staying parked; false (an incident raised) when it cannot be.</summary>
    public bool CreateNextTask(CommandContext context, ProcessInstance instance, ActionPoint action, Token token)
    {
        var loop = token.Loop!;
        var index = loop.Started;
        Create(context, instance, action, token, [(index, loop.Items?[index])], waiting => waiting with
        {
            PendingTasks = token.PendingTasks + 1,
            Loop = loop with { Started = index + 1 },
        });
        return instance.Tokens.Any(t => t.Id == token.Id && t.State == TokenState.Waiting);
    }

    /// <summary>Computes every task before adding any, then parks the token (shaped by <paramref name="park"/>); true when there was none to create.</summary>
    private bool Create(CommandContext context, ProcessInstance instance, ActionPoint action, Token token, List<(int? Index, JsonElement? Item)> items, Func<Token, Token> park)
    {
        var tasks = new List<(WorkTask Task, TimeSpan? Reminder)>();
        foreach (var (index, item) in items)
        {
            var variables = instance.Variables;
            if (index is { } position)
            {
                var withItem = new Dictionary<string, JsonElement>(instance.Variables, StringComparer.Ordinal);
                foreach (var (name, value) in MultiInstanceItems.RunVariables(action.MultiInstance!, position, item))
                {
                    withItem[name] = value;
                }

                variables = withItem;
            }

            if (!TryResolvePerformer(context, instance, token, action, variables, out var userId) ||
                !TryResolveRole(context, instance, token, action, variables, out var role) ||
                !TryResolveAddressingObject(context, instance, token, action, variables, out var addressingObject) ||
                !TryResolveDeadline(context, instance, token, action, variables, out var dueAt))
            {
                return false;
            }

            var template = string.IsNullOrWhiteSpace(action.TitleTemplate) ? action.DisplayName : action.TitleTemplate;
            tasks.Add((new WorkTask
            {
                InstanceId = instance.Id,
                RootInstanceId = instance.RootInstanceId,
                MapKey = instance.MapKey,
                MapVersion = instance.MapVersion,
                PointId = action.Id,
                PointName = action.DisplayName,
                TokenId = token.Id,
                ItemIndex = index,
                Item = item,
                Title = Fill(template, variables),
                Description = Fill(action.Description, variables),
                PerformerUserId = userId,
                PerformerRole = role,
                PerformerAddressingObject = addressingObject,
                AssigneeId = userId,
                RequiresAcceptance = action.RequiresAcceptance,
                Outcomes = action.Outcomes,
                FormFields = action.FormFields,
                Stage = action.Stage,
                Subject = instance.Subject,
                CreatedAt = context.Now,
                DueAt = dueAt,
            }, action.ReminderBefore));
        }

        if (tasks.Count == 0)
        {
            // An empty list: nothing to do, the point is done at once (BPMN multi-instance with zero items).
            return true;
        }

        InstanceExecutor.Replace(instance, token, park(token with { State = TokenState.Waiting, PendingTasks = tasks.Count }));
        foreach (var (task, reminder) in tasks)
        {
            context.Session.AddTask(task);
            context.Record(instance, HistoryKind.TaskCreated, pointId: action.Id, taskId: task.Id, details: task.AssigneeId ?? task.PerformerRole);
            context.Events.Add(new TaskCreated(task, context.Now));
            if (task.DueAt is { } due)
            {
                context.Session.AddTimer(new TimerRecord { InstanceId = instance.Id, TaskId = task.Id, Kind = TimerKind.Deadline, DueAt = due });
                if (reminder is { } before && ReminderAt(context, action, due, before) is var remindAt && remindAt > context.Now)
                {
                    context.Session.AddTimer(new TimerRecord { InstanceId = instance.Id, TaskId = task.Id, Kind = TimerKind.Reminder, DueAt = remindAt });
                }

                foreach (var step in EscalationLadder.Schedule(context, action, task, due))
                {
                    context.Session.AddTimer(step);
                }
            }
        }

        return false;
    }

    private bool TryResolvePerformer(CommandContext context, ProcessInstance instance, Token token, ActionPoint action, IReadOnlyDictionary<string, JsonElement> variables, out string? userId)
    {
        userId = action.Performer?.UserId;
        if (string.IsNullOrWhiteSpace(action.Performer?.UserExpression))
        {
            return true;
        }

        try
        {
            var value = expressions.Evaluate(action.Performer.UserExpression, variables);
            if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
            {
                userId = value.GetString();
                return true;
            }

            if (action.Performer.Role is not null && value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                userId = null;
                return true;
            }

            InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.PerformerInvalid, $"The performer expression '{action.Performer.UserExpression}' of Action '{action.DisplayName}' gave {value.GetRawText()}, not a user id.");
            return false;
        }
        catch (ExpressionException ex)
        {
            InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.ExpressionFailed, $"Performer of Action '{action.DisplayName}': {ex.Message}");
            return false;
        }
    }

    /// <summary>
    /// The role whose pool gets the task: the role expression's value when there is one (a role name, or a list of them
    /// or a comma-separated text as Camunda's candidate groups give, of which the first), else the named role.
    /// </summary>
    private bool TryResolveRole(CommandContext context, ProcessInstance instance, Token token, ActionPoint action, IReadOnlyDictionary<string, JsonElement> variables, out string? role)
    {
        role = action.Performer?.Role;
        if (string.IsNullOrWhiteSpace(action.Performer?.RoleExpression))
        {
            return true;
        }

        try
        {
            var value = expressions.Evaluate(action.Performer.RoleExpression, variables);
            var first = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(),
                JsonValueKind.Array => value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Trim()).FirstOrDefault(r => r.Length > 0),
                _ => null,
            };
            if (first is not null)
            {
                role = first;
                return true;
            }

            InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.PerformerInvalid, $"The role expression '{action.Performer.RoleExpression}' of Action '{action.DisplayName}' gave {value.GetRawText()}, not a role name.");
            return false;
        }
        catch (ExpressionException ex)
        {
            InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.ExpressionFailed, $"Role of Action '{action.DisplayName}': {ex.Message}");
            return false;
        }
    }

    /// <summary>
    /// The addressing object that narrows the pool: as written, or, written as <c>${…}</c>, the object its value names when the
    /// task is created (e.g. <c>${department}</c> for the department of the deal's manager).
    /// </summary>
    private bool TryResolveAddressingObject(CommandContext context, ProcessInstance instance, Token token, ActionPoint action, IReadOnlyDictionary<string, JsonElement> variables, out string? addressingObject)
    {
        addressingObject = action.Performer?.AddressingObject;
        if (addressingObject is null || !JuelExpressionEvaluator.IsJuel(addressingObject))
        {
            return true;
        }

        try
        {
            var value = expressions.Evaluate(addressingObject, variables);
            if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
            {
                addressingObject = value.GetString()!.Trim();
                return true;
            }

            InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.PerformerInvalid, $"The addressing object '{action.Performer!.AddressingObject}' of Action '{action.DisplayName}' gave {value.GetRawText()}, not the name of an addressing object.");
            return false;
        }
        catch (ExpressionException ex)
        {
            InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.ExpressionFailed, $"Addressing object of Action '{action.DisplayName}': {ex.Message}");
            return false;
        }
    }

    private bool TryResolveDeadline(CommandContext context, ProcessInstance instance, Token token, ActionPoint action, IReadOnlyDictionary<string, JsonElement> variables, out DateTimeOffset? dueAt)
    {
        dueAt = null;
        if (action.Deadline is not { } deadline)
        {
            return true;
        }

        if (Deadline.TryParseDuration(deadline.Duration, out var duration))
        {
            dueAt = After(context, deadline, deadline.Duration!, duration);
            return true;
        }

        if (string.IsNullOrWhiteSpace(deadline.Expression))
        {
            InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.DeadlineUnreadable, $"The deadline '{deadline.Duration}' of Action '{action.DisplayName}' is not an ISO 8601 duration.");
            return false;
        }

        try
        {
            var value = expressions.Evaluate(deadline.Expression, variables);
            var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (Deadline.TryParseDuration(text, out duration))
            {
                dueAt = After(context, deadline, text!, duration);
                return true;
            }

            if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                dueAt = at;
                return true;
            }

            InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.DeadlineUnreadable, $"The deadline expression '{deadline.Expression}' of Action '{action.DisplayName}' gave {value.GetRawText()}, which is neither a date nor an ISO 8601 duration.");
            return false;
        }
        catch (ExpressionException ex)
        {
            InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.ExpressionFailed, $"Deadline of Action '{action.DisplayName}': {ex.Message}");
            return false;
        }
    }

    /// <summary>The deadline a duration after now: in working time when the deadline says so.</summary>
    private static DateTimeOffset After(CommandContext context, Deadline deadline, string text, TimeSpan duration) =>
        deadline.InWorkingTime && Calendar.WorkingDuration.TryParse(text, out var working) ? context.Calendar.Add(context.Now, working) : context.Now + duration;

    /// <summary>When the reminder before <paramref name="due"/> fires: counted back in working time when the deadline is.</summary>
    private static DateTimeOffset ReminderAt(CommandContext context, ActionPoint action, DateTimeOffset due, TimeSpan before) =>
        action.Deadline?.InWorkingTime == true ? context.Calendar.Subtract(due, Calendar.WorkingDuration.FromTimeSpan(before)) : due - before;

    /// <summary>Replaces <c>{name}</c> and <c>{name.path}</c> with variable values; unknown names stay as written.</summary>
    internal static string Fill(string template, IReadOnlyDictionary<string, JsonElement> variables) =>
        string.IsNullOrEmpty(template) ? template : Placeholder().Replace(template, match =>
        {
            var path = match.Groups[1].Value.Split('.');
            if (!variables.TryGetValue(path[0], out var value))
            {
                return match.Value;
            }

            foreach (var part in path.Skip(1))
            {
                if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(part, out value))
                {
                    return match.Value;
                }
            }

            return Runtime.Variables.ToText(value);
        });

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\}")]
    private static partial Regex Placeholder();
}
