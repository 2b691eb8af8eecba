using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime;

/// <summary>
/// Escalation events (BPMN 2.0 §10.5.5, as Camunda 7 runs them). An escalation thrown by an escalation throw or end event travels
/// up from the scope instance it was thrown in: that scope's escalation event sub-process catching its code (else one catching
/// every escalation), then the escalation boundary of the activity the scope runs for in its parent (a Sub-process or a Nested
/// process), then the parent's event sub-processes, and so on to the top. The first catch takes it: an interrupting one cancels
/// what it sits on (the thrower with it, when it is inside), a non-interrupting one starts beside it and the thrower goes on.
/// Nobody catching it is not an error: an intermediate throw goes on, an escalation end ends its token as a plain end does.
/// </summary>
internal sealed partial class InstanceExecutor
{
    /// <summary>Throws <paramref name="escalation"/> at <paramref name="thrower"/> (an escalation throw or end) and moves the token on or ends it.</summary>
    internal async Task ThrowEscalationAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, Point thrower, EscalationDefinition escalation, CancellationToken cancellationToken)
    {
        var thrownAt = $"{thrower.KindName.ToLowerInvariant()} '{thrower.DisplayName}'";
        var catcher = await FindEscalationCatcherAsync(context, instance, map, escalation.Code, cancellationToken).ConfigureAwait(false);
        context.Record(instance, HistoryKind.EscalationThrown, pointId: thrower.Id,
            details: $"'{escalation.DisplayName}' by {thrownAt}, {(catcher is null ? (thrower is EndPoint ? "not caught: the token ends" : "not caught: the token goes on") : $"caught by {catcher.Describe()}")}");
        if (catcher is not null)
        {
            await CatchEscalationAsync(context, instance, catcher, escalation, thrownAt, cancellationToken).ConfigureAwait(false);
        }

        // An interrupting catch at or above this scope has taken the token away; otherwise it goes on, or ends at an end.
        if (!instance.IsRunning || instance.Tokens.FirstOrDefault(t => t.Id == token.Id) is not { } current)
        {
            return;
        }

        if (thrower is EndPoint end)
        {
            instance.MutableTokens.Remove(current);
            if (end.Result is not null)
            {
                instance.Result = end.Result;
            }
        }
        else
        {
            Leave(context, instance, map, current);
        }
    }

    /// <summary>The first catch of <paramref name="code"/> from <paramref name="origin"/> up, or null when nobody catches it; nothing changes.</summary>
    private async Task<EscalationCatcher?> FindEscalationCatcherAsync(CommandContext context, ProcessInstance origin, CompiledRouteMap originMap, string? code, CancellationToken cancellationToken)
    {
        var (scope, scopeMap) = (origin, originMap);
        for (var depth = 0; depth <= options.MaxNestingDepth; depth++)
        {
            if (!EventSubProcesses.Interrupted(scope, scopeMap) && EscalationStart(scopeMap, code) is var (subProcess, start))
            {
                return new EscalationCatcher(scope, scopeMap, subProcess, start, null, null, null);
            }

            if (scope.ParentInstanceId is not { } parentId
                || await context.Session.GetInstanceAsync(parentId, cancellationToken).ConfigureAwait(false) is not { IsRunning: true } parent
                || parent.Tokens.FirstOrDefault(t => t.Id == scope.ParentTokenId && t.State == TokenState.Waiting) is not { } waiting)
            {
                return null;
            }

            var parentMap = await catalog.GetAsync(parent.MapKey, parent.MapVersion, cancellationToken).ConfigureAwait(false);
            if (BoundaryCatcher(parent, parentMap, waiting, code, scope) is { } boundary)
            {
                return boundary;
            }

            (scope, scopeMap) = (parent, parentMap);
        }

        return null;
    }

    /// <summary>
    /// The escalation boundary of the activity <paramref name="waiting"/> waits at that catches <paramref name="code"/>: one naming
    /// it first, else a catch-all; null when none does. <paramref name="child"/> is the child instance the escalation came up from.
    /// </summary>
    private static EscalationCatcher? BoundaryCatcher(ProcessInstance owner, CompiledRouteMap map, Token waiting, string? code, ProcessInstance? child)
    {
        var boundaries = map.Map.Points.OfType<BoundaryEscalationPoint>().Where(b => b.AttachedToId == waiting.PointId).ToList();
        return (boundaries.FirstOrDefault(b => !b.CatchesAll && EscalationDefinition.Catches(b.Escalation, code)) ?? boundaries.FirstOrDefault(b => b.CatchesAll)) is { } boundary
            ? new EscalationCatcher(owner, map, null, null, boundary, waiting, child)
            : null;
    }

    /// <summary>
    /// A person raised an escalation on their task (Camunda's <c>handleEscalation</c>): the escalation boundary of the Action
    /// <paramref name="token"/> waits at catches it, else it travels up as a thrown escalation does. False, nothing changed, when
    /// nobody catches it; the caller runs the instance.
    /// </summary>
    internal async Task<bool> EscalateFromTaskAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, Guid taskId, string code, CancellationToken cancellationToken)
    {
        var activity = map.Point(token.PointId);
        var catcher = BoundaryCatcher(instance, map, token, code, null) ?? await FindEscalationCatcherAsync(context, instance, map, code, cancellationToken).ConfigureAwait(false);
        if (catcher is null)
        {
            return false;
        }

        var raisedAt = $"a task of {activity.KindName.ToLowerInvariant()} '{activity.DisplayName}'";
        context.Record(instance, HistoryKind.EscalationThrown, pointId: activity.Id, taskId: taskId, details: $"'{code}' by {raisedAt}, caught by {catcher.Describe()}");
        await CatchEscalationAsync(context, instance, catcher, new EscalationDefinition("", code), raisedAt, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The scope's event sub-process whose escalation start catches <paramref name="code"/>: one naming it first, else a catch-all.</summary>
    private static (SubProcessPoint SubProcess, StartPoint Start)? EscalationStart(CompiledRouteMap map, string? code)
    {
        (SubProcessPoint, StartPoint)? catchAll = null;
        foreach (var entry in map.EventSubProcesses)
        {
            if (entry.Start.Escalation is { Code: { } caught } && caught == code)
            {
                return entry;
            }

            if (entry.Start.Escalation is { Code: null })
            {
                catchAll ??= entry;
            }
        }

        return catchAll;
    }

    /// <summary>Lets <paramref name="catcher"/> take the escalation: starts its event sub-process or fires its boundary, and runs its instance.</summary>
    private async Task CatchEscalationAsync(CommandContext context, ProcessInstance origin, EscalationCatcher catcher, EscalationDefinition escalation, string thrownAt, CancellationToken cancellationToken)
    {
        var scope = catcher.Instance;
        context.Touch(scope);
        if (catcher is { SubProcess: { } subProcess, Start: { } start })
        {
            context.Record(scope, HistoryKind.EscalationCaught, pointId: subProcess.Id,
                details: $"'{escalation.DisplayName}' from {thrownAt} starts {subProcess.KindName.ToLowerInvariant()} '{subProcess.DisplayName}'{(start.Interrupting ? ", cancels the rest" : "")}");
            await StartEventSubProcessAsync(context, scope, subProcess, start, $"escalation '{escalation.DisplayName}' caught by '{subProcess.DisplayName}'", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var boundary = catcher.Boundary!;
            var waiting = catcher.Waiting!;
            var activity = catcher.Map.Point(waiting.PointId);
            context.Record(scope, HistoryKind.EscalationCaught, pointId: boundary.Id, fromPointId: activity.Id,
                details: $"'{escalation.DisplayName}' from {thrownAt}{(boundary.CancelsActivity ? $", cancels '{activity.DisplayName}'" : "")}");
            if (boundary.CodeVariable is { Length: > 0 } codeVariable)
            {
                scope.SetVariables(Variables.From(new Dictionary<string, object?>(StringComparer.Ordinal) { [codeVariable] = escalation.Code }));
            }

            var fired = new Token { Id = Ids.Next(), PointId = boundary.Id };
            if (boundary.CancelsActivity)
            {
                var reason = $"escalation boundary '{boundary.DisplayName}' caught '{escalation.DisplayName}'";
                await ActivityInterruption.CancelAsync(context, scope, waiting, reason, cancellationToken).ConfigureAwait(false);
                if (catcher.Child is { } child)
                {
                    // A child in its first run is not on the waiting token yet (it is set when the run returns): it ends here too.
                    await ProcessEngine.ForTreeAsync(context, child, i => i.Status is not (InstanceStatus.Completed or InstanceStatus.Terminated),
                        i => ProcessEngine.TerminateOne(context, i, reason), cancellationToken).ConfigureAwait(false);
                }
                Replace(scope, waiting, fired);
            }
            else
            {
                scope.MutableTokens.Insert(scope.MutableTokens.FindIndex(t => t.Id == waiting.Id) + 1, fired);
            }

            Leave(context, scope, catcher.Map, fired);
        }

        // The thrower's own loop runs its scope; any other scope is run here, unless its loop is already running in this command.
        if (scope.Id != origin.Id && !context.Running.Contains(scope.Id))
        {
            await RunAsync(context, scope, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Who catches an escalation: an event sub-process of a scope (with its start), or a boundary on the activity a parent's token
    /// waits at (with the child instance the escalation came up from; none when a person raised it on the activity's task).
    /// </summary>
    private sealed record EscalationCatcher(ProcessInstance Instance, CompiledRouteMap Map, SubProcessPoint? SubProcess, StartPoint? Start, BoundaryEscalationPoint? Boundary, Token? Waiting, ProcessInstance? Child)
    {
        public string Describe() => SubProcess is not null
            ? $"{SubProcess.KindName.ToLowerInvariant()} '{SubProcess.DisplayName}'"
            : $"{Boundary!.KindName.ToLowerInvariant()} '{Boundary.DisplayName}'";
    }
}
