using System.Text.Json;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;

namespace CrmBpm.Engine.Runtime;

/// <summary>
/// A multi-instance activity whose runs are child instances (a Nested process or a sub-process): parallel starts one child per item at once,
/// sequential starts the next when one completes. Each child gets the item (the element variable) and <c>loopCounter</c>.
/// After each run the completion condition is evaluated; the token leaves when every run has completed or it holds, the
/// children still running then terminated. Where the runs stand is kept on the waiting token (<see cref="MultiInstanceLoop"/>).
/// Everything a start needs (the items, the called map, every parallel child's inputs) is computed before the first child
/// starts, so a failure leaves an incident and no half-started runs.
/// </summary>
internal sealed class MultiInstanceChildren(InstanceExecutor executor, IExpressionEvaluator expressions, VariableLimits limits, int maxRuns)
{
    /// <summary>A token arrived at the activity: resolves its items and starts its first run (sequential) or all of them (parallel).</summary>
    public async Task StartAsync(CommandContext context, ProcessInstance parent, CompiledRouteMap map, Token token, Point activity, MultiInstance multi, CancellationToken cancellationToken)
    {
        if (!MultiInstanceItems.TryResolve(multi, Describe(activity), parent.Variables, expressions, maxRuns, out var items, out var code, out var error))
        {
            InstanceExecutor.RaiseIncident(context, parent, token, code, error);
            return;
        }

        if (items.Count == 0)
        {
            // Nothing to run: the activity is done at once, as BPMN's multi-instance over an empty collection.
            if (multi.ResultCollection is { } emptyResults)
            {
                parent.SetVariables(new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [emptyResults] = JsonSerializer.SerializeToElement(Array.Empty<object>()) });
            }

            executor.Leave(context, parent, map, token);
            return;
        }

        if (await executor.FindChildMapAsync(context, parent, token, activity, cancellationToken).ConfigureAwait(false) is not { } childMap)
        {
            return;
        }

        var starting = multi.IsSequential ? 1 : items.Count;
        var inputs = new List<Dictionary<string, JsonElement>>(starting);
        for (var index = 0; index < starting; index++)
        {
            if (!TryRunInput(context, parent, token, activity, multi, index, items[index], out var input))
            {
                return;
            }

            inputs.Add(input);
        }

        if (multi.ResultCollection is { } results)
        {
            parent.SetVariables(new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [results] = JsonSerializer.SerializeToElement(new object?[items.Count]) });
        }

        var counted = items.All(i => i is null);
        var waiting = token with
        {
            State = TokenState.Waiting,
            Loop = new MultiInstanceLoop { Total = items.Count, Items = multi.IsSequential && !counted ? [.. items.Select(i => i!.Value)] : null },
        };
        InstanceExecutor.Replace(parent, token, waiting);
        foreach (var input in inputs)
        {
            if (!await StartRunAsync(context, parent, waiting.Id, activity, childMap, input, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (Current(parent, waiting.Id)!.Loop!.ConditionMet)
            {
                break; // a child completed at once and the condition holds: the items after it need no run
            }
        }

        await AdvanceAsync(context, parent, map, Current(parent, waiting.Id)!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A child completed on its own (in another command): its result is taken, and the token is made ready so that the
    /// instance's loop advances the activity (<see cref="AdvanceAsync"/>). A child completing while the token is stuck is
    /// still counted; the retry advances.
    /// </summary>
    public void ChildCompleted(CommandContext context, ProcessInstance parent, CompiledRouteMap map, Token token, ProcessInstance child)
    {
        if (token.State is not (TokenState.Waiting or TokenState.Incident))
        {
            return;
        }

        var activity = map.Point(token.PointId);
        if (TakeResult(context, parent, token, activity, child) is { State: TokenState.Waiting } taken)
        {
            InstanceExecutor.Replace(parent, taken, taken with { State = TokenState.Ready });
        }
    }

    /// <summary>
    /// After a run completed (or a retry): takes again the results an incident stopped, then leaves when the activity is
    /// finished (terminating the children still running), starts the next run when sequential, or waits.
    /// </summary>
    public async Task AdvanceAsync(CommandContext context, ProcessInstance parent, CompiledRouteMap map, Token token, CancellationToken cancellationToken)
    {
        var activity = map.Point(token.PointId);
        var multi = ((IMultiInstanceActivity)activity).MultiInstance!;
        var tokenId = token.Id;
        foreach (var childId in token.Loop!.Retake)
        {
            var current = Current(parent, tokenId)!;
            current = current with { Loop = current.Loop! with { Retake = [.. current.Loop.Retake.Where(id => id != childId)] } };
            InstanceExecutor.Replace(parent, current, current);
            if (await context.Session.GetInstanceAsync(childId, cancellationToken).ConfigureAwait(false) is { } child &&
                (TakeResult(context, parent, current, activity, child) is not { } taken || taken.State == TokenState.Incident))
            {
                return;
            }
        }

        while (Current(parent, tokenId) is { Loop: { } loop } waiting)
        {
            if (loop.Finished)
            {
                await TerminateRunningAsync(context, loop, $"the completion condition of {Describe(activity)} held", cancellationToken).ConfigureAwait(false);
                executor.Leave(context, parent, map, waiting with { State = TokenState.Ready, Loop = null, VariablesAtChildStart = null });
                return;
            }

            waiting = waiting with { State = TokenState.Waiting };
            InstanceExecutor.Replace(parent, waiting, waiting);
            if (!multi.IsSequential || loop.Active > 0 || loop.Started >= loop.Total)
            {
                return;
            }

            var index = loop.Started;
            if (await executor.FindChildMapAsync(context, parent, waiting, activity, cancellationToken).ConfigureAwait(false) is not { } childMap ||
                !TryRunInput(context, parent, waiting, activity, multi, index, loop.Items?[index], out var input) ||
                !await StartRunAsync(context, parent, tokenId, activity, childMap, input, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>Starts the child of the next run; false when the token no longer waits for its runs (an incident, or an error boundary took over).</summary>
    private async Task<bool> StartRunAsync(CommandContext context, ProcessInstance parent, Guid tokenId, Point activity,
        CompiledRouteMap childMap, Dictionary<string, JsonElement> input, CancellationToken cancellationToken)
    {
        if (activity is SubProcessPoint && Current(parent, tokenId) is { } sharing)
        {
            // A sub-process's run writes back what it changed from the parent's variables as they are now (see SubProcessVariables).
            InstanceExecutor.Replace(parent, sharing, sharing with { VariablesAtChildStart = SubProcessVariables.Fingerprints(parent.Variables) });
        }

        var child = await executor.StartAsync(context, childMap, input, parent.Subject, parent.BusinessKey, parent, tokenId, cancellationToken).ConfigureAwait(false);
        context.Record(parent, HistoryKind.ChildStarted, pointId: activity.Id, details: child.Id.ToString());
        if (Current(parent, tokenId) is not { Loop: { } loop, State: TokenState.Waiting } token)
        {
            return false;
        }

        token = token with { Loop = loop with { Children = [.. loop.Children, child.Id], Started = loop.Started + 1 } };
        InstanceExecutor.Replace(parent, token, token);
        return child.Status != InstanceStatus.Completed || TakeResult(context, parent, token, activity, child) is { State: TokenState.Waiting };
    }

    /// <summary>
    /// Counts a completed child's run: its result into the result collection at its item's index (or, without one, its outputs
    /// into the parent's variables, as a single call would), then the completion condition. Returns the token as it is now; on a
    /// failure it has an incident, and the child is remembered to be taken again on retry.
    /// </summary>
    private Token? TakeResult(CommandContext context, ProcessInstance parent, Token token, Point activity, ProcessInstance child)
    {
        var multi = ((IMultiInstanceActivity)activity).MultiInstance!;
        var loop = token.Loop!;
        var index = loop.Children.ToList().IndexOf(child.Id);
        if (index < 0 || loop.CompletedItems.Contains(index))
        {
            return token;
        }

        if (!TryResult(context, parent, token, activity, multi, index, child, out var output, out var written))
        {
            var stuck = Current(parent, token.Id)!;
            var retake = stuck with { Loop = stuck.Loop! with { Retake = [.. stuck.Loop.Retake, child.Id] } };
            InstanceExecutor.Replace(parent, stuck, retake);
            return retake;
        }

        parent.SetVariables(written);
        context.Record(parent, HistoryKind.ChildCompleted, pointId: activity.Id, details: child.Id.ToString());
        loop = loop with { CompletedItems = [.. loop.CompletedItems, index] };

        // The condition sees the run as it ended: its item and loopCounter, and its outputs even when they went to the result collection.
        var scope = new Dictionary<string, JsonElement>(parent.Variables, StringComparer.Ordinal);
        var item = loop.Items is { } items ? items[index] : child.Variables.TryGetValue(multi.ElementVariable, out var own) ? own : (JsonElement?)null;
        foreach (var (name, value) in MultiInstanceItems.RunVariables(multi, index, multi.HasCollection ? item : null).Concat(output))
        {
            scope[name] = value;
        }

        var (met, code, error) = MultiInstanceItems.CompletionReached(multi, Describe(activity), scope, loop.Total, loop.CompletedItems.Count, loop.Active, expressions);
        token = token with { Loop = loop with { ConditionMet = met } };
        InstanceExecutor.Replace(parent, token, token);
        if (code is not null)
        {
            InstanceExecutor.RaiseIncident(context, parent, token, code, error!);
            return Current(parent, token.Id);
        }

        return token;
    }

    /// <summary>The variables a completed run writes into the parent; false (an incident raised) when a mapping fails or the limits refuse them.</summary>
    private bool TryResult(CommandContext context, ProcessInstance parent, Token token, Point activity, MultiInstance multi, int index, ProcessInstance child,
        out Dictionary<string, JsonElement> output, out Dictionary<string, JsonElement> written)
    {
        written = [];
        if (!executor.TryChildOutput(context, parent, token, activity, child, out output))
        {
            return false;
        }

        if (multi.ResultCollection is not { } collection)
        {
            written = output;
        }
        else
        {
            JsonElement entry;
            try
            {
                entry = multi.ResultElement is { Length: > 0 } element ? expressions.Evaluate(element, child.Variables) : JsonSerializer.SerializeToElement(output);
            }
            catch (ExpressionException ex)
            {
                InstanceExecutor.RaiseIncident(context, parent, token, IncidentCodes.MappingFailed, $"The result element '{multi.ResultElement}' of {Describe(activity)}: {ex.Message}");
                return false;
            }

            var results = parent.Variables.TryGetValue(collection, out var existing) && existing.ValueKind == JsonValueKind.Array
                ? existing.EnumerateArray().Select(e => (JsonElement?)e).ToList()
                : [];
            while (results.Count < token.Loop!.Total)
            {
                results.Add(null);
            }

            results[index] = entry;
            written = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [collection] = JsonSerializer.SerializeToElement(results) };
        }

        if (limits.Find(parent.Variables, written) is { } tooLarge)
        {
            InstanceExecutor.RaiseIncident(context, parent, token, IncidentCodes.VariablesRefused, $"The outputs of {Describe(activity)} were refused: {tooLarge.Message}");
            return false;
        }

        return true;
    }

    /// <summary>The child's starting variables: the activity's input mappings over the parent's variables with the run's item and loopCounter, plus those two.</summary>
    private bool TryRunInput(CommandContext context, ProcessInstance parent, Token token, Point activity, MultiInstance multi, int index, JsonElement? item, out Dictionary<string, JsonElement> input)
    {
        var run = MultiInstanceItems.RunVariables(multi, index, item);
        var scope = new Dictionary<string, JsonElement>(parent.Variables, StringComparer.Ordinal);
        foreach (var (name, value) in run)
        {
            scope[name] = value;
        }

        if (!executor.TryChildInput(context, parent, token, activity, scope, out input))
        {
            return false;
        }

        foreach (var (name, value) in run)
        {
            input[name] = value;
        }

        return true;
    }

    /// <summary>Terminates the children of the activity still running (the completion condition held before they completed).</summary>
    private static async Task TerminateRunningAsync(CommandContext context, MultiInstanceLoop loop, string reason, CancellationToken cancellationToken)
    {
        for (var index = 0; index < loop.Children.Count; index++)
        {
            if (!loop.CompletedItems.Contains(index) && await context.Session.GetInstanceAsync(loop.Children[index], cancellationToken).ConfigureAwait(false) is { } child)
            {
                await ProcessEngine.ForTreeAsync(context, child, i => i.Status is not (InstanceStatus.Completed or InstanceStatus.Terminated),
                    i => ProcessEngine.TerminateOne(context, i, reason), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static Token? Current(ProcessInstance parent, Guid tokenId) => parent.Tokens.FirstOrDefault(t => t.Id == tokenId);

    private static string Describe(Point activity) => $"{activity.KindName} '{activity.DisplayName}'";
}
