using System.Text.Json;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Timers;

namespace CrmBpm.Engine.Runtime;

/// <summary>Starting event sub-processes when their trigger fires (see <see cref="EventSubProcesses"/> for the listening).</summary>
internal sealed partial class InstanceExecutor
{
    /// <summary>
    /// Fires the event sub-process <paramref name="wait"/> listens for in the scope <paramref name="instance"/> (loaded in this
    /// command, running; the caller has marked the wait fired): sets the trigger's variables and starts it. Interrupting,
    /// everything else in the scope is cancelled first (tokens, tasks, child instances, waits; the other listeners too), and
    /// the scope completes when the event sub-process ends. Non-interrupting, it runs beside the rest and its listener stays
    /// (<paramref name="rearm"/> adds the next wait). False when the scope no longer listens for it.
    /// </summary>
    public async Task<bool> FireEventSubProcessAsync(CommandContext context, ProcessInstance instance, TimerRecord wait, IReadOnlyDictionary<string, JsonElement> variables, TimerRecord? rearm, CancellationToken cancellationToken)
    {
        var map = await catalog.GetAsync(instance.MapKey, instance.MapVersion, cancellationToken).ConfigureAwait(false);
        if (EventSubProcesses.Find(map, wait.PointId) is not var (subProcess, start) || EventSubProcesses.Interrupted(instance, map))
        {
            return false;
        }

        limits.Ensure(instance.Variables, variables);
        context.Touch(instance);
        instance.SetVariables(variables);
        var kind = wait.Kind switch
        {
            TimerKind.MessageSubscription => HistoryKind.MessageReceived,
            TimerKind.SignalSubscription => HistoryKind.SignalReceived,
            _ => HistoryKind.TimerFired,
        };
        var what = wait.IsSubscription ? wait.EventName : $"due {wait.DueAt:u}";
        context.Record(instance, kind, pointId: subProcess.Id, details: $"{what}, starts {subProcess.KindName.ToLowerInvariant()} '{subProcess.DisplayName}'{(start.Interrupting ? ", cancels the rest" : "")}");
        await StartEventSubProcessAsync(context, instance, subProcess, start, $"{subProcess.KindName.ToLowerInvariant()} '{subProcess.DisplayName}' started", cancellationToken).ConfigureAwait(false);
        if (!start.Interrupting && rearm is not null)
        {
            context.Session.AddTimer(rearm);
        }

        await RunAsync(context, instance, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Puts a token on the event sub-process, after cancelling everything else in the scope when its start interrupts.</summary>
    private static async Task StartEventSubProcessAsync(CommandContext context, ProcessInstance instance, SubProcessPoint subProcess, StartPoint start, string reason, CancellationToken cancellationToken)
    {
        if (start.Interrupting)
        {
            await EndEverythingElseAsync(context, instance, reason, cancellationToken).ConfigureAwait(false);
        }

        instance.MutableTokens.Add(new Token { Id = Ids.Next(), PointId = subProcess.Id });
    }

    /// <summary>
    /// A business error no boundary caught, thrown inside <paramref name="instance"/>: the scope's event sub-process whose error
    /// start catches it takes the scope over (error starts always interrupt). False, nothing changed, when none catches it.
    /// The caller runs the instance.
    /// </summary>
    public async Task<bool> TryCatchByEventSubProcessAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, string? code, string thrownAt, CancellationToken cancellationToken)
    {
        if (EventSubProcesses.ErrorCatcher(map, code) is not var (subProcess, start) || EventSubProcesses.Interrupted(instance, map))
        {
            return false;
        }

        context.Record(instance, HistoryKind.ErrorCaught, pointId: subProcess.Id, details: $"'{code}' from {thrownAt} starts {subProcess.KindName.ToLowerInvariant()} '{subProcess.DisplayName}'");
        await StartEventSubProcessAsync(context, instance, subProcess, start with { Interrupting = true }, $"error '{code}' caught by '{subProcess.DisplayName}'", cancellationToken).ConfigureAwait(false);
        return true;
    }
}
