using System.Text.Json;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Runtime.Behaviours;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Engine.Runtime;

/// <summary>
/// Moves tokens. Ready tokens are taken from the instance one at a time (a work queue, no recursion
/// along the map), executed by their point kind's behaviour (<see cref="PointBehaviours"/>), and either wait (Action, Nested process, Merge, inclusive join, Automatic step, Wait for time),
/// move on, or get an incident. Nested instances run through the same loop.
/// </summary>
internal sealed partial class InstanceExecutor(RouteMapCatalog catalog, IExpressionEvaluator expressions, CrmBpmOptions options, WorkTaskFactory taskFactory, VariableLimits limits)
{
    private MultiInstanceChildren? _multiInstance;

    /// <summary>Runs the child instances of multi-instance activities.</summary>
    internal MultiInstanceChildren MultiInstance => _multiInstance ??= new MultiInstanceChildren(this, expressions, limits, options.MaxMultiInstanceRuns);

    private PointBehaviours? _behaviours;

    /// <summary>What each kind of point does when a token arrives, found by the point's record type.</summary>
    internal PointBehaviours Behaviours => _behaviours ??= PointBehaviours.Create(this, catalog, expressions, taskFactory, limits);

    private MultiInstanceTasks? _actionRuns;

    /// <summary>Counts the finished tasks of multi-instance Actions and creates a sequential one's next.</summary>
    internal MultiInstanceTasks ActionRuns => _actionRuns ??= new MultiInstanceTasks(this, taskFactory, expressions);

    /// <summary>Creates, records and runs a new instance (top level or nested).</summary>
    public async Task<ProcessInstance> StartAsync(CommandContext context, CompiledRouteMap map, IReadOnlyDictionary<string, JsonElement> variables, SubjectReference? subject, string? businessKey, ProcessInstance? parent, Guid? parentTokenId, CancellationToken cancellationToken, string? startAtPointId = null)
    {
        Point start = startAtPointId is null ? map.Map.Start ?? map.Map.Points.OfType<StartPoint>().First() : map.Point(startAtPointId);
        var instance = new ProcessInstance(Ids.Unguessable(), map.Map.Key, map.Map.Version, context.Now)
        {
            Subject = subject,
            BusinessKey = businessKey,
            StartedBy = context.Actor,
            ParentInstanceId = parent?.Id,
            ParentTokenId = parentTokenId,
        };
        if (parent is not null)
        {
            instance.RootInstanceId = parent.RootInstanceId;
        }

        instance.SetVariables(variables);
        if (start is StartPoint { InitiatorVariable: { } initiator } && parent is null && !variables.ContainsKey(initiator))
        {
            instance.SetVariables(new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [initiator] = JsonSerializer.SerializeToElement(context.Actor) });
        }

        instance.MutableTokens.Add(new Token { Id = Ids.Next(), PointId = start.Id });
        context.Session.AddInstance(instance);
        context.Record(instance, HistoryKind.InstanceStarted, pointId: start.Id, details: parent is null ? null : $"nested in {parent.Id}");
        context.Events.Add(new InstanceStarted(instance.Id, instance.MapKey, subject, context.Now, parent?.Id));
        await RunAsync(context, instance, cancellationToken).ConfigureAwait(false);
        return instance;
    }

    /// <summary>Executes ready tokens until every token waits, is stuck, or has ended.</summary>
    public async Task RunAsync(CommandContext context, ProcessInstance instance, CancellationToken cancellationToken)
    {
        if (!context.Running.Add(instance.Id))
        {
            return;
        }

        try
        {
            var map = await catalog.GetAsync(instance.MapKey, instance.MapVersion, cancellationToken).ConfigureAwait(false);
            var steps = 0;
            // An inclusive join is looked at only when no token is Ready: then it knows every token that can still arrive.
            while (instance.IsRunning && (instance.Tokens.FirstOrDefault(t => t.State == TokenState.Ready) ?? InclusiveGateway.Join(instance, map)) is { } token)
            {
                if (++steps > options.MaxStepsPerCommand)
                {
                    RaiseIncident(context, instance, token, IncidentCodes.TooManySteps,
                        $"The process passed {options.MaxStepsPerCommand} points without reaching an Action; it is probably looping between Conditions or Choices.");
                    break;
                }

                await ExecuteAsync(context, instance, map, token, cancellationToken).ConfigureAwait(false);
            }

            await FinishIfDoneAsync(context, instance, map, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            context.Running.Remove(instance.Id);
        }
    }

    /// <summary>
    /// A token whose point has done its work leaves it as a BPMN activity does (an implicit split): by every outgoing flow
    /// without a condition and every flow whose condition is true, each on a token of its own, and by the default flow
    /// only when no other is taken. No flow to take, or a condition that fails or gives no boolean, is an incident at the
    /// point before any token moves; the stuck token is marked <see cref="Token.Leaving"/>, so a retry only leaves again.
    /// </summary>
    public void Leave(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token)
    {
        var point = map.Point(token.PointId);
        if (!token.Leaving && map.Boundaries(point.Id).Count > 0)
        {
            // The activity finished first: its boundary waits have nothing left to interrupt or accompany.
            context.Session.RemoveTimersOfTask(token.Id);
        }

        var leaving = token with { Leaving = true };
        var outgoing = map.Outgoing(point.Id);
        var defaultFlowId = (point as IHasDefaultFlow)?.DefaultFlowId;
        var taken = new List<Flow>(outgoing.Count);
        foreach (var flow in outgoing.Where(f => f.Id != defaultFlowId))
        {
            if (string.IsNullOrWhiteSpace(flow.Condition))
            {
                taken.Add(flow);
                continue;
            }

            JsonElement value;
            try
            {
                value = expressions.Evaluate(flow.Condition, instance.Variables);
            }
            catch (ExpressionException ex)
            {
                RaiseIncident(context, instance, leaving, IncidentCodes.ExpressionFailed, $"{ConditionOf(map, point, flow)} failed: {ex.Message}");
                return;
            }

            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                RaiseIncident(context, instance, leaving, IncidentCodes.ConditionNotBoolean, $"{ConditionOf(map, point, flow)} must give true or false, but gave {value.GetRawText()}.");
                return;
            }

            if (value.ValueKind == JsonValueKind.True)
            {
                taken.Add(flow);
            }
        }

        if (taken.Count == 0 && outgoing.FirstOrDefault(f => f.Id == defaultFlowId) is { } fallback)
        {
            taken.Add(fallback);
        }

        if (taken.Count == 0)
        {
            RaiseIncident(context, instance, leaving, IncidentCodes.NoFlowMatched, NoFlowTaken(map, point, outgoing));
            return;
        }

        Fork(context, instance, map, leaving, taken);
    }

    private static string ConditionOf(CompiledRouteMap map, Point point, Flow flow) =>
        $"The condition '{flow.Condition}' of the flow from {point.KindName} '{point.DisplayName}' to '{map.Point(flow.TargetId).DisplayName}'";

    private static string NoFlowTaken(CompiledRouteMap map, Point point, IReadOnlyList<Flow> outgoing)
    {
        if (outgoing.Count == 0)
        {
            return $"{point.KindName} '{point.DisplayName}' has no outgoing flow, so the process cannot go on from it.";
        }

        var conditions = string.Join(", ", outgoing.Select(f => $"'{f.Condition}' to '{map.Point(f.TargetId).DisplayName}'"));
        return $"No outgoing flow of {point.KindName} '{point.DisplayName}' can be taken: its conditions ({conditions}) are all false and it has no default flow.";
    }

    /// <summary>
    /// Marks a token stuck and the instance as having an incident. <paramref name="code"/> (one of <see cref="IncidentCodes"/>)
    /// is required so that code reacting to incidents never has to read the message.
    /// </summary>
    public static void RaiseIncident(CommandContext context, ProcessInstance instance, Token token, string code, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Replace(instance, token, token with { State = TokenState.Incident, IncidentCode = code, IncidentMessage = message });
        instance.Status = InstanceStatus.Incident;
        instance.IncidentCode = code;
        instance.IncidentMessage = message;
        context.Record(instance, HistoryKind.IncidentRaised, pointId: token.PointId, details: message);
        context.Events.Add(new IncidentRaised(instance.Id, instance.MapKey, instance.Subject, context.Now, token.PointId, message, code, token.Id));
    }

    /// <summary>Recomputes Active/Incident from the tokens (after a retry or a resume).</summary>
    public static void RefreshStatus(ProcessInstance instance)
    {
        var stuck = instance.Tokens.FirstOrDefault(t => t.State == TokenState.Incident);
        instance.Status = stuck is null ? InstanceStatus.Active : InstanceStatus.Incident;
        instance.IncidentCode = stuck is null ? null : stuck.IncidentCode ?? IncidentCodes.Unknown;
        instance.IncidentMessage = stuck?.IncidentMessage;
    }

    private async Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, CancellationToken cancellationToken)
    {
        var point = map.Point(token.PointId);
        if (token.Leaving)
        {
            // A retry after an incident while leaving: the point's work is done, only its way out is chosen again.
            Leave(context, instance, map, token);
            return;
        }

        await Behaviours.For(point).ExecuteAsync(context, instance, map, token, point, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A terminate end ends the whole instance: every other token is removed, open tasks are cancelled and running nested
    /// instances are terminated; the instance then completes (BPMN's terminate end event), with no incident left.
    /// </summary>
    internal static async Task EndEverythingElseAsync(CommandContext context, ProcessInstance instance, string reason, CancellationToken cancellationToken)
    {
        Timers.TimerEvents.CancelPending(context, instance);
        instance.MutableTokens.Clear();
        instance.Status = InstanceStatus.Active;
        instance.IncidentCode = null;
        instance.IncidentMessage = null;
        await ProcessEngine.CancelTasksAsync(context, instance, cancellationToken).ConfigureAwait(false);
        foreach (var child in await context.Session.GetChildInstancesAsync(instance.Id, cancellationToken).ConfigureAwait(false))
        {
            await ProcessEngine.ForTreeAsync(context, child, i => i.Status is not (InstanceStatus.Completed or InstanceStatus.Terminated),
                i => ProcessEngine.TerminateOne(context, i, reason), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Replaces <paramref name="token"/> with one new token on each of <paramref name="flows"/>, where it stood in the
    /// instance's list. A point looping back to itself without waiting multiplies tokens on every round; past the cap the
    /// instance gets an incident at the point, before any token is created, instead of filling the store.
    /// </summary>
    internal void Fork(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, IReadOnlyList<Flow> flows)
    {
        var count = instance.Tokens.Count - 1 + flows.Count;
        if (count > options.MaxTokensPerInstance)
        {
            var point = map.Point(token.PointId);
            RaiseIncident(context, instance, token, IncidentCodes.TooManyTokens,
                $"{point.KindName} '{point.DisplayName}' would give the instance {count} tokens; the limit is {options.MaxTokensPerInstance} (MaxTokensPerInstance). The map probably loops back to the {point.KindName} without waiting.");
            return;
        }

        var index = instance.MutableTokens.FindIndex(t => t.Id == token.Id);
        if (index < 0)
        {
            index = instance.MutableTokens.Count;
        }
        else
        {
            instance.MutableTokens.RemoveAt(index);
        }

        var created = flows.Select(flow => new Token { Id = Ids.Next(), PointId = flow.TargetId, ArrivedViaFlowId = flow.Id }).ToList();
        instance.MutableTokens.InsertRange(index, created);
        foreach (var flow in flows)
        {
            RecordMove(context, instance, map, token.PointId, flow);
        }
    }

    /// <summary>
    /// Starts the child instance the activity waits for: a Nested process's (the latest published version of the map it
    /// calls, with its input mappings) or a sub-process's (the derived map of its scope, same version, with all the parent's
    /// variables). Whatever the child runs, it goes through here, so what applies to children applies to both.
    /// </summary>
    internal async Task StartNestedAsync(CommandContext context, ProcessInstance parent, CompiledRouteMap map, Token token, Point activity, CancellationToken cancellationToken)
    {
        if (await FindChildMapAsync(context, parent, token, activity, cancellationToken).ConfigureAwait(false) is not { } childMap ||
            !TryChildInput(context, parent, token, activity, parent.Variables, out var input))
        {
            return;
        }

        var waiting = token with { State = TokenState.Waiting, VariablesAtChildStart = activity is SubProcessPoint ? SubProcessVariables.Fingerprints(input) : null };
        Replace(parent, token, waiting);
        var child = await StartAsync(context, childMap, input, parent.Subject, parent.BusinessKey, parent, waiting.Id, cancellationToken).ConfigureAwait(false);
        if (parent.Tokens.FirstOrDefault(t => t.Id == waiting.Id) is { } stillWaiting)
        {
            Replace(parent, stillWaiting, stillWaiting with { ChildInstanceId = child.Id });
        }

        context.Record(parent, HistoryKind.ChildStarted, pointId: activity.Id, details: child.Id.ToString());
        if (child.Status == InstanceStatus.Completed)
        {
            CompleteNested(context, parent, map, child);
        }
    }

    /// <summary>
    /// The map a child instance of <paramref name="activity"/> runs: a sub-process's scope (the derived map of the same version)
    /// or the latest published version of the map a Nested process calls; null (an incident raised) when it would nest too deep
    /// or has no published version.
    /// </summary>
    internal async Task<CompiledRouteMap?> FindChildMapAsync(CommandContext context, ProcessInstance parent, Token token, Point activity, CancellationToken cancellationToken)
    {
        var depth = await DepthAsync(context, parent, cancellationToken).ConfigureAwait(false);
        if (depth >= options.MaxNestingDepth)
        {
            RaiseIncident(context, parent, token, IncidentCodes.NestingTooDeep, $"{activity.KindName} '{activity.DisplayName}' would nest deeper than {options.MaxNestingDepth} levels.");
            return null;
        }

        if (activity is SubProcessPoint subProcess)
        {
            return await catalog.GetAsync(RouteMap.ScopeKey(parent.MapKey, subProcess.Id), parent.MapVersion, cancellationToken).ConfigureAwait(false);
        }

        var calledMapKey = ((NestedProcessPoint)activity).CalledMapKey;
        var published = await catalog.FindLatestPublishedAsync(calledMapKey, cancellationToken).ConfigureAwait(false);
        if (published is null)
        {
            RaiseIncident(context, parent, token, IncidentCodes.NestedMapMissing, $"{activity.KindName} '{activity.DisplayName}' runs '{calledMapKey}', which has no published version.");
            return null;
        }

        return await catalog.GetAsync(published.Key, published.Version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The variables a child instance of <paramref name="activity"/> starts with: a Nested process's input mappings evaluated over
    /// <paramref name="variables"/> (all of them without mappings), a sub-process's all of them; false (an incident raised) when
    /// a mapping fails or the limits refuse them.
    /// </summary>
    internal bool TryChildInput(CommandContext context, ProcessInstance parent, Token token, Point activity, IReadOnlyDictionary<string, JsonElement> variables, out Dictionary<string, JsonElement> input)
    {
        IReadOnlyList<VariableMapping> inputs = activity is NestedProcessPoint nested ? nested.Inputs : [];
        if (inputs.Count == 0)
        {
            input = new Dictionary<string, JsonElement>(variables, StringComparer.Ordinal);
        }
        else if (!TryMap(context, parent, token, inputs, variables, out input))
        {
            return false;
        }

        if (limits.Find(Variables.None, input) is { } tooLarge)
        {
            RaiseIncident(context, parent, token, IncidentCodes.VariablesRefused, $"{activity.KindName} '{activity.DisplayName}' cannot start: {tooLarge.Message}");
            return false;
        }

        return true;
    }

    /// <summary>
    /// What a completed child of <paramref name="activity"/> gives back: a Nested process's output mappings evaluated over its
    /// variables, or the variables a sub-process set or changed; false (an incident raised) when a mapping fails.
    /// </summary>
    internal bool TryChildOutput(CommandContext context, ProcessInstance parent, Token token, Point activity, ProcessInstance child, out Dictionary<string, JsonElement> output)
    {
        if (activity is NestedProcessPoint nested)
        {
            return TryMap(context, parent, token, nested.Outputs, child.Variables, out output);
        }

        output = SubProcessVariables.Changed(child.Variables, token.VariablesAtChildStart);
        if (token.Loop is not null && activity is IMultiInstanceActivity { MultiInstance: { } multi })
        {
            // A run's item and counter are its own: they never go back to the parent.
            output.Remove(multi.ElementVariable);
            output.Remove(MultiInstanceItems.LoopCounter);
        }

        return true;
    }

    /// <summary>
    /// Takes a completed child's variables into the parent (a Nested process's outputs, or what a sub-process set or changed)
    /// and moves the parent's waiting token on; an event sub-process's token just ends there (it has no flows).
    /// </summary>
    public void CompleteNested(CommandContext context, ProcessInstance parent, CompiledRouteMap map, ProcessInstance child)
    {
        var token = parent.Tokens.FirstOrDefault(t => t.Id == child.ParentTokenId);
        if (token?.Loop is not null)
        {
            MultiInstance.ChildCompleted(context, parent, map, token, child);
            return;
        }

        if (token is null || token.State != TokenState.Waiting)
        {
            return;
        }

        var activity = map.Point(token.PointId);
        if (!TryChildOutput(context, parent, token, activity, child, out var output))
        {
            return;
        }

        if (limits.Find(parent.Variables, output) is { } tooLarge)
        {
            RaiseIncident(context, parent, token, IncidentCodes.VariablesRefused, $"The {(activity is NestedProcessPoint ? "outputs" : "variables")} of {activity.KindName.ToLowerInvariant()} '{activity.DisplayName}' were refused: {tooLarge.Message}");
            return;
        }

        parent.SetVariables(output);
        context.Record(parent, HistoryKind.ChildCompleted, pointId: activity.Id, details: child.Id.ToString());
        if (activity is SubProcessPoint { TriggeredByEvent: true })
        {
            parent.MutableTokens.Remove(token);
            return;
        }

        Leave(context, parent, map, token with { State = TokenState.Ready, ChildInstanceId = null, VariablesAtChildStart = null });
    }

    private async Task FinishIfDoneAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, CancellationToken cancellationToken)
    {
        if (instance.Status != InstanceStatus.Active || instance.Tokens.Count > 0)
        {
            return;
        }

        instance.Status = InstanceStatus.Completed;
        instance.EndedAt = context.Now;
        if (map.EventSubProcesses.Count > 0)
        {
            context.Session.RemoveTimersOfTask(instance.Id); // its event sub-processes stop listening with it
        }

        context.Record(instance, HistoryKind.InstanceCompleted, details: instance.Result);
        context.Events.Add(new InstanceCompleted(instance.Id, instance.MapKey, instance.Subject, context.Now, instance.Result));

        // A parent whose loop is running picks the result up itself (see StartNestedAsync).
        if (instance.ParentInstanceId is { } parentId && !context.Running.Contains(parentId))
        {
            var parent = await context.Session.GetInstanceAsync(parentId, cancellationToken).ConfigureAwait(false);
            if (parent is { IsRunning: true })
            {
                var parentMap = await catalog.GetAsync(parent.MapKey, parent.MapVersion, cancellationToken).ConfigureAwait(false);
                CompleteNested(context, parent, parentMap, instance);
                await RunAsync(context, parent, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> DepthAsync(CommandContext context, ProcessInstance instance, CancellationToken cancellationToken)
    {
        var depth = 0;
        var current = instance;
        while (current.ParentInstanceId is { } parentId && depth < 1000)
        {
            depth++;
            current = await context.Session.GetInstanceAsync(parentId, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                break;
            }
        }

        return depth;
    }

    private bool TryMap(CommandContext context, ProcessInstance owner, Token token, IReadOnlyList<VariableMapping> mappings, IReadOnlyDictionary<string, JsonElement> source, out Dictionary<string, JsonElement> result)
    {
        result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            try
            {
                result[mapping.Target] = expressions.Evaluate(mapping.Source, source);
            }
            catch (ExpressionException ex)
            {
                RaiseIncident(context, owner, token, IncidentCodes.MappingFailed, $"Mapping to '{mapping.Target}': {ex.Message}");
                return false;
            }
        }

        return true;
    }

    internal bool TryEvaluate(CommandContext context, ProcessInstance instance, Token token, string expression, out JsonElement value, string failureCode = IncidentCodes.ExpressionFailed)
    {
        try
        {
            value = expressions.Evaluate(expression, instance.Variables);
            return true;
        }
        catch (ExpressionException ex)
        {
            value = default;
            RaiseIncident(context, instance, token, failureCode, ex.Message);
            return false;
        }
    }

    internal static void Move(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, Flow flow)
    {
        Replace(instance, token, new Token { Id = Ids.Next(), PointId = flow.TargetId, ArrivedViaFlowId = flow.Id });
        RecordMove(context, instance, map, token.PointId, flow);
    }

    private static void RecordMove(CommandContext context, ProcessInstance instance, CompiledRouteMap map, string from, Flow flow)
    {
        context.Record(instance, HistoryKind.TokenMoved, pointId: flow.TargetId, fromPointId: from, flowId: flow.Id);
        var stage = (map.Point(flow.TargetId) as ActionPoint)?.Stage;
        context.Events.Add(new PointEntered(instance.Id, instance.MapKey, instance.Subject, context.Now, flow.TargetId, stage));
    }

    internal static void Replace(ProcessInstance instance, Token old, Token replacement)
    {
        var index = instance.MutableTokens.FindIndex(t => t.Id == old.Id);
        if (index < 0)
        {
            instance.MutableTokens.Add(replacement);
        }
        else
        {
            instance.MutableTokens[index] = replacement;
        }
    }
}
