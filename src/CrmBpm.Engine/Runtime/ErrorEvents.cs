using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime;

/// <summary>
/// Business errors and the error boundaries that catch them. An error is thrown at an activity whose token waits there (a
/// handler's <see cref="Jobs.BusinessErrorException"/>, an external worker's BPMN error, a person's reported error, or the
/// activity's nested instance reaching an error end event); the activity's error boundary naming the code catches it, else
/// one catching every error; the activity is then cancelled like under an interrupting boundary timer and the token leaves
/// by the boundary's flows. An error nobody catches is an incident naming the error, where it was thrown.
/// </summary>
internal static class ErrorEvents
{
    /// <summary>Long messages are cut before they become a variable: they are for people, and variables have limits.</summary>
    private const int MaxMessageLength = 2000;

    /// <summary>The boundary on <paramref name="activityId"/> that catches <paramref name="code"/>: one naming it first, else a catch-all.</summary>
    public static BoundaryErrorPoint? FindCatcher(CompiledRouteMap map, string activityId, string? code)
    {
        var boundaries = map.ErrorBoundaries(activityId);
        return boundaries.FirstOrDefault(b => b.CatchesByCode(code)) ?? boundaries.FirstOrDefault(b => b.CatchesAll);
    }

    /// <summary>
    /// Throws a business error at the activity <paramref name="token"/> waits at. True when a boundary caught it (the activity
    /// is cancelled, the error variables set, a token leaves by the boundary's flows: the caller runs the instance); false
    /// when none does, and nothing changed.
    /// </summary>
    public static async Task<bool> TryCatchAsync(CommandContext context, InstanceExecutor executor, ProcessInstance instance, CompiledRouteMap map, Token token, string? code, string? message, CancellationToken cancellationToken)
    {
        var activity = map.Point(token.PointId);
        if (FindCatcher(map, activity.Id, code) is not { } boundary)
        {
            // No boundary of the activity: the scope's error event sub-process, before anything further up.
            return await executor.TryCatchByEventSubProcessAsync(context, instance, map, code, $"{activity.KindName} '{activity.DisplayName}'", cancellationToken).ConfigureAwait(false);
        }

        await ActivityInterruption.CancelAsync(context, instance, token, $"error boundary '{boundary.DisplayName}' caught '{code}'", cancellationToken).ConfigureAwait(false);
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (boundary.CodeVariable is { Length: > 0 } codeVariable)
        {
            variables[codeVariable] = code;
        }

        if (boundary.MessageVariable is { Length: > 0 } messageVariable)
        {
            variables[messageVariable] = message is { Length: > MaxMessageLength } ? message[..MaxMessageLength] : message;
        }

        instance.SetVariables(Variables.From(variables));
        context.Record(instance, HistoryKind.ErrorCaught, pointId: boundary.Id, fromPointId: activity.Id, details: $"'{code}' cancels '{activity.DisplayName}'");
        var fired = new Token { Id = Ids.Next(), PointId = boundary.Id };
        InstanceExecutor.Replace(instance, token, fired);
        executor.Leave(context, instance, map, fired);
        return true;
    }

    /// <summary>
    /// Whether the parent catches an error its child threw: a boundary of the activity its token waits at, or, the child being a
    /// sub-process (part of the parent's process, unlike a Nested process's map), the parent's error event sub-process.
    /// </summary>
    private static bool CatchesFromChild(ProcessInstance parent, CompiledRouteMap parentMap, Token waiting, string? code) =>
        FindCatcher(parentMap, waiting.PointId, code) is not null
        || (parentMap.Point(waiting.PointId) is SubProcessPoint && EventSubProcesses.ErrorCatcher(parentMap, code) is not null && !EventSubProcesses.Interrupted(parent, parentMap));

    /// <summary>
    /// A token reached an error end event. The instance's own error event sub-process catches it first. Else, in a nested
    /// instance whose parent catches it (see <see cref="CatchesFromChild"/>), the nested instance ends (its other tokens, tasks,
    /// timers and nested instances cancelled; it completes) and the parent's catcher takes over. Otherwise (a top-level
    /// instance, or a parent that does not catch it) the token gets an incident naming the error; the error goes up one level only.
    /// </summary>
    public static async Task ThrowFromEndAsync(CommandContext context, InstanceExecutor executor, RouteMapCatalog catalog, ProcessInstance instance, Token token, EndPoint end, ErrorDefinition error, CancellationToken cancellationToken)
    {
        context.Record(instance, HistoryKind.ErrorThrown, pointId: end.Id, details: $"'{error.DisplayName}' by error end '{end.DisplayName}'");
        var map = await catalog.GetAsync(instance.MapKey, instance.MapVersion, cancellationToken).ConfigureAwait(false);
        if (await executor.TryCatchByEventSubProcessAsync(context, instance, map, error.Code, $"error end '{end.DisplayName}'", cancellationToken).ConfigureAwait(false))
        {
            return; // the instance's loop runs the event sub-process
        }

        var parent = instance.ParentInstanceId is { } parentId ? await context.Session.GetInstanceAsync(parentId, cancellationToken).ConfigureAwait(false) : null;
        var parentToken = parent is { IsRunning: true } ? parent.Tokens.FirstOrDefault(t => t.Id == instance.ParentTokenId && t.State == TokenState.Waiting) : null;
        var parentMap = parentToken is null ? null : await catalog.GetAsync(parent!.MapKey, parent.MapVersion, cancellationToken).ConfigureAwait(false);
        if (parentMap is null || !CatchesFromChild(parent!, parentMap, parentToken!, error.Code))
        {
            InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.BusinessErrorUncaught, parent is null
                ? $"Error end '{end.DisplayName}' threw the error '{error.DisplayName}', but this instance is not nested, so nothing can catch it. Call the map from a Nested process with an error boundary, or use a plain end."
                : $"Error end '{end.DisplayName}' threw the error '{error.DisplayName}', and the calling Nested process or sub-process has no error boundary catching it.");
            return;
        }

        // The nested instance ends here, completed (it reached an end), before the parent's boundary cancels the activity.
        if (end.Result is not null)
        {
            instance.Result = end.Result;
        }

        await InstanceExecutor.EndEverythingElseAsync(context, instance, $"error end '{end.DisplayName}' reached", cancellationToken).ConfigureAwait(false);
        instance.Status = InstanceStatus.Completed;
        instance.EndedAt = context.Now;
        context.Record(instance, HistoryKind.InstanceCompleted, details: instance.Result);
        context.Events.Add(new Events.InstanceCompleted(instance.Id, instance.MapKey, instance.Subject, context.Now, instance.Result));

        context.Touch(parent!);
        await TryCatchAsync(context, executor, parent!, parentMap, parentToken!, error.Code, error.Name, cancellationToken).ConfigureAwait(false);
        if (!context.Running.Contains(parent!.Id))
        {
            await executor.RunAsync(context, parent, cancellationToken).ConfigureAwait(false);
        }
    }
}
