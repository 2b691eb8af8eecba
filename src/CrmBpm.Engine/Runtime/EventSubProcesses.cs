using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Runtime;

/// <summary>
/// The listening side of event sub-processes. While a scope instance (a process, or a sub-process's child) is active, the
/// start event of each of its event sub-processes waits for its trigger as persisted waits of the scope instance rather than
/// of a token: a timer of kind <see cref="TimerKind.BoundaryTimer"/>, or a message or signal subscription, each with
/// <see cref="TimerRecord.TaskId"/> = the instance's id and <see cref="TimerRecord.PointId"/> = the event sub-process. They are
/// set up when the scope starts and removed when it completes, is terminated or an interrupting trigger fires. An error start
/// has no wait: a business error no boundary caught looks for it (see <see cref="ErrorEvents"/>).
/// </summary>
internal static class EventSubProcesses
{
    /// <summary>
    /// Sets up the waits of the scope's event sub-processes as its start event passes; false (an incident at the start, which
    /// a retry sets up again) when a timer cannot say when or a correlation key fails.
    /// </summary>
    public static bool TryListen(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, IExpressionEvaluator expressions)
    {
        if (map.EventSubProcesses.Count == 0)
        {
            return true;
        }

        var waits = new List<TimerRecord>();
        foreach (var (subProcess, start) in map.EventSubProcesses)
        {
            if (start.Timer is { } timer)
            {
                if (TimerEvents.DueAt(context.Now, context.Calendar, timer, instance.Variables, expressions, out var error) is not { } due)
                {
                    InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.TimerUnreadable, $"The timer of the start of {subProcess.KindName.ToLowerInvariant()} '{subProcess.DisplayName}' {error}");
                    return false;
                }

                waits.Add(Timer(instance, subProcess, due, 1));
            }
            else if (start.MessageName is { } message)
            {
                if (!EventSubscriptions.TryCorrelationKey(start.CorrelationKey, instance.Variables, expressions, out var key, out var error))
                {
                    InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.CorrelationKeyFailed, $"The message start of {subProcess.KindName.ToLowerInvariant()} '{subProcess.DisplayName}': {error}");
                    return false;
                }

                waits.Add(EventSubscriptions.New(instance, instance.Id, TimerKind.MessageSubscription, message, key, subProcess.Id));
            }
            else if (start.SignalName is { } signal)
            {
                waits.Add(EventSubscriptions.New(instance, instance.Id, TimerKind.SignalSubscription, signal, null, subProcess.Id));
            }
        }

        foreach (var wait in waits)
        {
            context.Session.AddTimer(wait);
            context.Record(instance, wait.IsSubscription ? HistoryKind.EventSubscribed : HistoryKind.TimerScheduled, pointId: wait.PointId,
                details: wait.IsSubscription ? (wait.CorrelationKey is null ? wait.EventName : $"{wait.EventName}, key {wait.CorrelationKey}") : $"due {wait.DueAt:u}");
        }

        return true;
    }

    /// <summary>The timer of an event sub-process's timer start.</summary>
    public static TimerRecord Timer(ProcessInstance instance, SubProcessPoint subProcess, DateTimeOffset due, int attempt) => new()
    {
        InstanceId = instance.Id, TaskId = instance.Id, PointId = subProcess.Id, Kind = TimerKind.BoundaryTimer, DueAt = due, Attempt = attempt,
    };

    /// <summary>Whether <paramref name="wait"/> is an event sub-process's wait (of its scope instance) rather than a token's.</summary>
    public static bool IsListener(ProcessInstance instance, TimerRecord wait) => wait.TaskId == instance.Id;

    /// <summary>The event sub-process (and its start) the wait listens for, or null.</summary>
    public static (SubProcessPoint SubProcess, StartPoint Start)? Find(CompiledRouteMap map, string? subProcessId)
    {
        foreach (var entry in map.EventSubProcesses)
        {
            if (entry.SubProcess.Id == subProcessId)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The event sub-process of the scope whose error start catches <paramref name="code"/>: one naming it first, else a catch-all.</summary>
    public static (SubProcessPoint SubProcess, StartPoint Start)? ErrorCatcher(CompiledRouteMap map, string? code)
    {
        (SubProcessPoint, StartPoint)? catchAll = null;
        foreach (var entry in map.EventSubProcesses)
        {
            if (entry.Start.Error is { Code: { } caught } && caught == code)
            {
                return entry;
            }

            if (entry.Start.Error is { Code: null })
            {
                catchAll ??= entry;
            }
        }

        return catchAll;
    }

    /// <summary>True when an interrupting event sub-process already took the scope over: no other trigger starts anything then.</summary>
    public static bool Interrupted(ProcessInstance instance, CompiledRouteMap map) =>
        instance.Tokens.Any(t => Find(map, t.PointId) is { Start.Interrupting: true });
}
