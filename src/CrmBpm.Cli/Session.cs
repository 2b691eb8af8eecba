using System.Text;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Persistence;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Cli;

/// <summary>The interactive part of <c>crmbpm run</c>: one command per input line until <c>quit</c> or the end of input.</summary>
internal sealed class Session(IServiceProvider services, Guid instanceId, string user, TextWriter output, SimulatedClock clock)
{
    /// <summary>How many rounds of firing one command runs at most: a cycle timer firing every minute stops here, not never.</summary>
    private const int MaxFiringRounds = 1000;

    private readonly TimerProcessor _timers = services.GetRequiredService<TimerProcessor>();
    private readonly StandInAnswers _answers = services.GetRequiredService<StandInAnswers>();
    private readonly IWorkflowStore _store = services.GetRequiredService<IWorkflowStore>();
    private readonly IProcessEngine _engine = services.GetRequiredService<IProcessEngine>();
    private readonly ITaskService _tasks = services.GetRequiredService<ITaskService>();
    private readonly IRouteMapService _maps = services.GetRequiredService<IRouteMapService>();
    private List<WorkTask> _listed = [];

    public async Task<int> RunAsync(TextReader input, CancellationToken cancellationToken)
    {
        await ShowStateAsync(cancellationToken);
        while (true)
        {
            await output.WriteAsync("> ");
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                await output.WriteLineAsync();
                return CliApp.Ok;
            }

            var words = Split(line);
            if (words.Count == 0)
            {
                continue;
            }

            try
            {
                switch (words[0].ToLowerInvariant())
                {
                    case "quit" or "exit" or "q":
                        return CliApp.Ok;
                    case "help" or "?":
                        await output.WriteLineAsync(CliApp.HelpText);
                        break;
                    case "tasks" or "list" or "ls":
                        await ListTasksAsync(cancellationToken);
                        break;
                    case "complete" or "c":
                        await CompleteAsync(words, cancellationToken);
                        break;
                    case "accept":
                        await AcceptAsync(words, cancellationToken);
                        break;
                    case "set":
                        await SetAsync(words, cancellationToken);
                        break;
                    case "vars" or "variables":
                        await ShowVariablesAsync(cancellationToken);
                        break;
                    case "tokens":
                        await ShowTokensAsync(cancellationToken);
                        break;
                    case "history":
                        await ShowHistoryAsync(cancellationToken);
                        break;
                    case "run":
                        await RunStepsAsync(words, cancellationToken);
                        break;
                    case "advance" or "wait":
                        await AdvanceAsync(words, cancellationToken);
                        break;
                    case "retry":
                        await _engine.RetryIncidentAsync(instanceId, actor: user, cancellationToken: cancellationToken);
                        await output.WriteLineAsync("Retried the stuck tokens.");
                        await ShowStateAsync(cancellationToken);
                        break;
                    case "time" or "now":
                        await output.WriteLineAsync($"It is {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC (simulated; 'advance P1D' moves it).");
                        break;
                    default:
                        await output.WriteLineAsync($"Unknown command '{words[0]}'. Type 'help'.");
                        break;
                }
            }
            catch (CrmBpmException ex)
            {
                await output.WriteLineAsync($"Error: {ex.Message}");
            }
        }
    }

    private async Task CompleteAsync(List<string> words, CancellationToken cancellationToken)
    {
        if (await TaskAsync(words, "complete <n> [outcome] [name=value]...", cancellationToken) is not { } task)
        {
            return;
        }

        var outcome = new List<string>();
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var word in words.Skip(2))
        {
            if (Values.TryParseAssignment(word, out var name, out var value))
            {
                variables[name] = value;
            }
            else
            {
                outcome.Add(word);
            }
        }

        var actor = Actor(task);
        if (task.RequiresAcceptance && task.Status == WorkTaskStatus.Open)
        {
            await _tasks.AcceptAsync(task.Id, actor, cancellationToken);
            await output.WriteLineAsync($"Accepted '{task.Title}' first (it requires acceptance).");
        }

        await _tasks.CompleteAsync(task.Id, actor, new TaskCompletion
        {
            Outcome = outcome.Count == 0 ? null : string.Join(' ', outcome),
            Variables = variables,
        }, cancellationToken);
        await output.WriteLineAsync($"Completed '{task.Title}'" + (outcome.Count == 0 ? "." : $" with outcome '{string.Join(' ', outcome)}'."));
        await ShowStateAsync(cancellationToken);
    }

    private async Task AcceptAsync(List<string> words, CancellationToken cancellationToken)
    {
        if (await TaskAsync(words, "accept <n>", cancellationToken) is { } task)
        {
            await _tasks.AcceptAsync(task.Id, Actor(task), cancellationToken);
            await output.WriteLineAsync($"Accepted '{task.Title}'.");
            await ShowStateAsync(cancellationToken);
        }
    }

    private async Task SetAsync(List<string> words, CancellationToken cancellationToken)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var word in words.Skip(1))
        {
            if (!Values.TryParseAssignment(word, out var name, out var value))
            {
                await output.WriteLineAsync("Usage: set name=value...");
                return;
            }

            variables[name] = value;
        }

        await _engine.SetVariablesAsync(instanceId, variables, user, cancellationToken);
        await output.WriteLineAsync($"Set {string.Join(", ", variables.Keys)}.");
    }

    /// <summary>
    /// <c>run [n] [name=value]...</c>: runs every automatic step waiting now with the stand-in handler; the variables go to
    /// step <paramref name="words"/>[1] (numbered as <c>tokens</c> lists the waiting steps), the others return none.
    /// </summary>
    private async Task RunStepsAsync(List<string> words, CancellationToken cancellationToken)
    {
        var waiting = await WaitingStepsAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            await output.WriteLineAsync("No automatic step is waiting.");
            return;
        }

        var assignments = words.Skip(1).ToList();
        var number = 1;
        if (assignments.Count > 0 && int.TryParse(assignments[0], out var given))
        {
            number = given;
            assignments.RemoveAt(0);
        }

        if (number < 1 || number > waiting.Count)
        {
            await output.WriteLineAsync($"There is no automatic step {number}; {waiting.Count} {(waiting.Count == 1 ? "is" : "are")} waiting.");
            return;
        }

        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var word in assignments)
        {
            if (!Values.TryParseAssignment(word, out var name, out var value))
            {
                await output.WriteLineAsync("Usage: run [n] [name=value]...");
                return;
            }

            variables[name] = value;
        }

        if (variables.Count > 0)
        {
            _answers.Give(waiting[number - 1].InstanceId, waiting[number - 1].Point.Id, variables);
        }

        await FireDueAsync(cancellationToken);
        foreach (var (_, point) in waiting)
        {
            await output.WriteLineAsync($"Ran '{point.DisplayName}' with a stand-in for its handler '{point.Handler}'.");
        }

        await ShowStateAsync(cancellationToken);
    }

    private async Task AdvanceAsync(List<string> words, CancellationToken cancellationToken)
    {
        TimeSpan by;
        try
        {
            by = words.Count == 2 ? System.Xml.XmlConvert.ToTimeSpan(words[1]) : TimeSpan.Zero;
        }
        catch (FormatException)
        {
            by = TimeSpan.Zero;
        }

        if (by <= TimeSpan.Zero)
        {
            await output.WriteLineAsync("Usage: advance <ISO 8601 duration>, e.g. advance PT4H or advance P3D");
            return;
        }

        clock.Advance(by);
        await output.WriteLineAsync($"It is now {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC (simulated).");
        await FireDueAsync(cancellationToken);
        await ShowStateAsync(cancellationToken);
    }

    /// <summary>Fires what is due at the simulated time (timers, deadlines, reminders, jobs) until nothing more is.</summary>
    private async Task FireDueAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxFiringRounds && await _timers.FireDueTimersAsync(cancellationToken) > 0; round++)
        {
        }
    }

    /// <summary>The tokens of the instance tree waiting at an automatic step for its job, in the order <c>tokens</c> shows them.</summary>
    private async Task<List<(Guid InstanceId, ServicePoint Point)>> WaitingStepsAsync(CancellationToken cancellationToken)
    {
        var result = new List<(Guid, ServicePoint)>();
        var pending = new Stack<Guid>([instanceId]);
        while (pending.TryPop(out var id))
        {
            var instance = await _engine.GetInstanceAsync(id, cancellationToken);
            var map = await _maps.GetAsync(instance.MapKey, instance.MapVersion, cancellationToken);
            foreach (var token in instance.Tokens)
            {
                if (token.State == TokenState.Waiting && map?.FindPoint(token.PointId) is ServicePoint point)
                {
                    result.Add((id, point));
                }

                if (token.ChildInstanceId is { } child)
                {
                    pending.Push(child);
                }
            }
        }

        return result;
    }

    /// <summary>The task numbered in the last list (listing first when nothing was listed yet).</summary>
    private async Task<WorkTask?> TaskAsync(List<string> words, string usage, CancellationToken cancellationToken)
    {
        if (words.Count < 2 || !int.TryParse(words[1], out var number))
        {
            await output.WriteLineAsync($"Usage: {usage}");
            return null;
        }

        if (_listed.Count == 0)
        {
            _listed = await OpenTasksAsync(cancellationToken);
        }

        if (number < 1 || number > _listed.Count)
        {
            await output.WriteLineAsync($"There is no task {number}; type 'tasks' to list them.");
            return null;
        }

        return await _tasks.GetAsync(_listed[number - 1].Id, cancellationToken);
    }

    /// <summary>The person in the terminal may act on every task: they play every performer.</summary>
    private Actor Actor(WorkTask task) => new(task.AssigneeId ?? user, canActOnAnyTask: true);

    private async Task ShowStateAsync(CancellationToken cancellationToken)
    {
        var instance = await _engine.GetInstanceAsync(instanceId, cancellationToken);
        if (instance.Status == InstanceStatus.Completed)
        {
            await output.WriteLineAsync($"The process is completed" + (instance.Result is null ? "." : $" with result '{instance.Result}'."));
            _listed = [];
            return;
        }

        await ShowTokensAsync(cancellationToken);
        await ListTasksAsync(cancellationToken);
    }

    private async Task ListTasksAsync(CancellationToken cancellationToken)
    {
        _listed = await OpenTasksAsync(cancellationToken);
        if (_listed.Count == 0)
        {
            await output.WriteLineAsync("No open tasks.");
            return;
        }

        await output.WriteLineAsync("Open tasks:");
        for (var i = 0; i < _listed.Count; i++)
        {
            var task = _listed[i];
            var performer = task.PerformerUserId is not null ? $"user {task.AssigneeId}"
                : task.IsUnassigned ? "unassigned (the Action has no performer; complete it here as anyone)"
                : $"role {task.PerformerRole}" + (task.PerformerAddressingObject is null ? "" : $" / {task.PerformerAddressingObject}") + (task.AssigneeId is null ? " (pool)" : $", taken by {task.AssigneeId}");
            await output.WriteLineAsync($"  {i + 1}. {task.Title} [{task.PointId}] — {performer}" + (task.RequiresAcceptance ? $", requires acceptance ({task.Status.ToString().ToLowerInvariant()})" : ""));
            if (task.Outcomes.Count > 0)
            {
                await output.WriteLineAsync($"     outcomes: {string.Join(" | ", task.Outcomes)}");
            }

            if (task.FormFields.Count > 0)
            {
                await output.WriteLineAsync($"     fields: {string.Join(", ", task.FormFields.Select(Describe))}");
            }
        }
    }

    private static string Describe(FormField field)
    {
        var details = new List<string> { field.Type.ToString().ToLowerInvariant() };
        if (field.Required)
        {
            details.Add("required");
        }

        if (field.Options.Count > 0)
        {
            details.Add(string.Join("|", field.Options));
        }

        return $"{field.Name} ({string.Join(", ", details)})";
    }

    private async Task<List<WorkTask>> OpenTasksAsync(CancellationToken cancellationToken)
    {
        var result = new List<WorkTask>();
        var pending = new Stack<Guid>([instanceId]);
        while (pending.TryPop(out var id))
        {
            result.AddRange((await _tasks.GetTasksOfInstanceAsync(id, cancellationToken)).Where(t => t.IsActive));
            foreach (var child in await _engine.GetChildInstancesAsync(id, cancellationToken))
            {
                pending.Push(child.Id);
            }
        }

        return [.. result.OrderBy(t => t.CreatedAt).ThenBy(t => t.ItemIndex)];
    }

    private async Task ShowTokensAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        await CollectTokensAsync(instanceId, "", lines, cancellationToken);
        await output.WriteLineAsync(lines.Count == 0 ? "No tokens." : "Tokens:\n" + string.Join("\n", lines));
    }

    private async Task CollectTokensAsync(Guid id, string indent, List<string> lines, CancellationToken cancellationToken)
    {
        var instance = await _engine.GetInstanceAsync(id, cancellationToken);
        var map = await _maps.GetAsync(instance.MapKey, instance.MapVersion, cancellationToken);
        foreach (var token in instance.Tokens)
        {
            var point = map?.FindPoint(token.PointId);
            var name = point is null ? token.PointId : $"{point.DisplayName} [{token.PointId}, {point.KindName}]";
            var state = token.IncidentMessage is not null ? $" — incident {token.IncidentCode ?? IncidentCodes.Unknown}: {token.IncidentMessage}" : $" — {token.State.ToString().ToLowerInvariant()}";
            if (token.State == TokenState.Waiting && point is ServicePoint service)
            {
                state += $" for its handler '{service.Handler}' (type 'run')";
            }
            else if (token.State == TokenState.Waiting && point is TimerWaitPoint)
            {
                var due = (await _store.GetTimersOfTaskAsync(token.Id, cancellationToken)).Where(t => t.FiredAt is null).Select(t => (DateTimeOffset?)t.DueAt).Min();
                state += due is null ? "" : $" until {due:yyyy-MM-dd HH:mm} UTC (type 'advance')";
            }

            lines.Add($"  {indent}{instance.MapKey}: {name}{state}");
            if (token.ChildInstanceId is { } child)
            {
                await CollectTokensAsync(child, indent + "  ", lines, cancellationToken);
            }
        }
    }

    private async Task ShowVariablesAsync(CancellationToken cancellationToken)
    {
        var instance = await _engine.GetInstanceAsync(instanceId, cancellationToken);
        if (instance.Variables.Count == 0)
        {
            await output.WriteLineAsync("No variables.");
            return;
        }

        foreach (var (name, value) in instance.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync($"  {name} = {value.GetRawText()}");
        }
    }

    private async Task ShowHistoryAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in await _engine.GetHistoryAsync(instanceId, cancellationToken))
        {
            var move = entry.FromPointId is null ? entry.PointId : $"{entry.FromPointId} → {entry.PointId}";
            var parts = new[] { $"{entry.Sequence,3}.", entry.Kind.ToString(), move, entry.Actor is null ? null : "by " + entry.Actor, entry.Details };
            await output.WriteLineAsync("  " + string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p))));
        }
    }

    /// <summary>Splits a command line into words; double quotes group words (<c>complete 1 "Not satisfied"</c>).</summary>
    internal static List<string> Split(string line)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        if (any)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
