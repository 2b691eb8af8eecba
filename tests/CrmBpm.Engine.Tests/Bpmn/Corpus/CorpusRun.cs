using System.Globalization;
using System.Text.Json;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Jobs;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Bpmn.Corpus;

/// <summary>
/// Runs one corpus file the way <c>crmbpm run</c> lets a person run it, with nobody at the keyboard: its maps are deployed
/// as one unit on a throw-away in-memory engine with a stand-in for every handler they name, the first map no other map
/// calls is started with no variables, and then, until it ends, the first open task is completed (its first outcome, every
/// form field filled with its default or a plain value of its type), due jobs and timers are run, and when nothing is due
/// the simulated time moves on (a minute, an hour, a day, a month, a year). What it reached is what the table says.
/// </summary>
internal static class CorpusRun
{
    private const int MaxSteps = 100;

    private static readonly TimeSpan[] TimeSteps = [TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(31), TimeSpan.FromDays(366)];

    public static async Task<CorpusRunResult?> RunAsync(string path, string source)
    {
        IReadOnlyList<RouteMap> maps;
        try
        {
            maps = new BpmnImporter().ImportXml(await File.ReadAllTextAsync(path));
        }
        catch (BpmnImportException)
        {
            return null;
        }

        var file = Path.GetFileName(path);
        var handlers = maps.SelectMany(m => m.Points).OfType<ServicePoint>().Select(p => p.Handler).Where(h => h.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        await using var bpm = new EngineHarness(b => b.UseInMemoryStore(), extend: b => handlers.ForEach(h => b.AddHandler<StandIn>(h)));
        try
        {
            await bpm.Maps.DeployAsync(maps);
        }
        catch (RouteMapValidationException)
        {
            return null; // does not publish: the compatibility table above says why
        }

        var called = maps.SelectMany(m => m.Points).OfType<NestedProcessPoint>().Select(p => p.CalledMapKey).ToHashSet(StringComparer.Ordinal);
        var map = maps.FirstOrDefault(m => !called.Contains(m.Key)) ?? maps[0];
        ProcessInstance instance;
        try
        {
            instance = await bpm.Engine.StartAsync(map.Key);
        }
        catch (Errors.CrmBpmException ex)
        {
            return new(file, source, map.Key, CorpusRunOutcome.NotStarted, 0, ex.Message);
        }

        var steps = 0;
        while (steps < MaxSteps)
        {
            instance = await bpm.Engine.GetInstanceAsync(instance.Id);
            switch (instance.Status)
            {
                case InstanceStatus.Completed:
                    return new(file, source, map.Key, CorpusRunOutcome.RanToItsEnd, steps, instance.Result is null ? null : $"result '{instance.Result}'");
                case InstanceStatus.Incident:
                    return new(file, source, map.Key, CorpusRunOutcome.Incident, steps, instance.IncidentMessage);
            }

            steps++;
            if ((await bpm.Tasks.GetOpenTasksOfTreeAsync(instance.Id)).FirstOrDefault() is { } task)
            {
                await CompleteAsync(bpm, task);
                continue;
            }

            if (await FireAsync(bpm) || await WaitForSomethingDueAsync(bpm))
            {
                continue;
            }

            var waiting = await WaitingPointsAsync(bpm, instance);
            return new(file, source, map.Key, CorpusRunOutcome.Waits, steps, $"waits at {waiting} with nothing due within a year");
        }

        return new(file, source, map.Key, CorpusRunOutcome.StillRunning, steps, $"still running after {MaxSteps} steps (it loops)");
    }

    private static async Task CompleteAsync(EngineHarness bpm, WorkTask task)
    {
        var actor = new Actor(task.AssigneeId ?? "corpus", canActOnAnyTask: true);
        if (task.RequiresAcceptance && task.Status == WorkTaskStatus.Open)
        {
            await bpm.Tasks.AcceptAsync(task.Id, actor);
        }

        var variables = task.FormFields.Where(f => !f.ReadOnly).ToDictionary(f => f.Name, f => SampleValue(f, bpm.Clock.GetUtcNow()), StringComparer.Ordinal);
        await bpm.Tasks.CompleteAsync(task.Id, actor, new TaskCompletion { Outcome = task.Outcomes.FirstOrDefault(), Variables = variables });
    }

    /// <summary>What a person in a hurry types: the field's default, else the first option, true, the least number allowed, today, or a word.</summary>
    private static object? SampleValue(FormField field, DateTimeOffset now)
    {
        if (field.DefaultValue is { Length: > 0 } given && !given.Contains("${", StringComparison.Ordinal))
        {
            return field.Type switch
            {
                FormFieldType.Number when decimal.TryParse(given, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number,
                FormFieldType.Boolean when bool.TryParse(given, out var flag) => flag,
                _ => given,
            };
        }

        return field.Type switch
        {
            FormFieldType.Boolean => true,
            FormFieldType.Number => field.Minimum ?? Math.Min(1m, field.Maximum ?? 1m),
            FormFieldType.Date => now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            FormFieldType.Choice when field.Options.Count > 0 => field.Options[0],
            _ => new string('x', Math.Max(1, field.MinLength ?? 1)),
        };
    }

    private static async Task<bool> FireAsync(EngineHarness bpm) => await bpm.Timers.FireDueTimersAsync() > 0;

    private static async Task<bool> WaitForSomethingDueAsync(EngineHarness bpm)
    {
        foreach (var step in TimeSteps)
        {
            bpm.Clock.Advance(step);
            if (await FireAsync(bpm))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<string> WaitingPointsAsync(EngineHarness bpm, ProcessInstance instance)
    {
        var map = await bpm.Maps.GetAsync(instance.MapKey, instance.MapVersion);
        var points = instance.Tokens.Select(t => map?.FindPoint(t.PointId) is { } p ? $"{p.KindName} '{p.DisplayName}'" : t.PointId).Distinct().ToList();
        return points.Count == 0 ? "nothing (no token left, yet not completed)" : string.Join(", ", points);
    }

    /// <summary>Plays every handler: succeeds and returns no variables, as the CLI's stand-in does when not told otherwise.</summary>
    private sealed class StandIn : IServiceTaskHandler
    {
        public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<string, object?>?>(null);
    }
}

/// <summary>How a run of a corpus file ended.</summary>
internal enum CorpusRunOutcome
{
    /// <summary>Every token reached an end.</summary>
    RanToItsEnd,

    /// <summary>A token got an incident (a condition on a variable nobody set, a missing nested map, …).</summary>
    Incident,

    /// <summary>No task open and nothing due within a year: it waits for something the run does not send (a message, a signal).</summary>
    Waits,

    /// <summary>Still running after the step limit: the map loops on the answers the run gives.</summary>
    StillRunning,

    /// <summary>Starting it was refused (e.g. no start event a caller can start).</summary>
    NotStarted,
}

/// <summary>One file's run: which map was started, how it ended, how many steps it took and a detail.</summary>
internal sealed record CorpusRunResult(string File, string Source, string MapKey, CorpusRunOutcome Outcome, int Steps, string? Detail);
