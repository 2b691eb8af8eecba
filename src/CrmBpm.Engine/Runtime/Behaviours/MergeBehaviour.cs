using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>
/// A Merge (BPMN's parallel join): the token waits, Merging, until every incoming flow holds at least one; then exactly one
/// per flow is consumed and one token moves along the Merge's only outgoing flow.
/// </summary>
internal sealed class MergeBehaviour : PointBehaviour<MergePoint>
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, MergePoint point, CancellationToken cancellationToken)
    {
        Merge(context, instance, map, token, point);
        return Task.CompletedTask;
    }

    private static void Merge(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, MergePoint merge)
    {
        var waiting = token with { State = TokenState.Merging };
        InstanceExecutor.Replace(instance, token, waiting);

        // BPMN join: fire when every incoming flow holds at least one token; consume exactly one per flow.
        var consumed = new List<Token>();
        foreach (var incoming in map.Incoming(merge.Id))
        {
            var arrived = instance.Tokens.FirstOrDefault(t => t.PointId == merge.Id && t.State == TokenState.Merging && t.ArrivedViaFlowId == incoming.Id);
            if (arrived is null)
            {
                return;
            }

            consumed.Add(arrived);
        }

        var index = instance.MutableTokens.IndexOf(waiting);
        foreach (var t in consumed)
        {
            instance.MutableTokens.Remove(t);
        }

        var outgoing = map.Outgoing(merge.Id);
        var merged = new Token { Id = Ids.Next(), PointId = merge.Id, State = TokenState.Ready };
        instance.MutableTokens.Insert(Math.Min(index, instance.MutableTokens.Count), merged);
        if (outgoing.Count != 1)
        {
            InstanceExecutor.RaiseIncident(context, instance, merged, IncidentCodes.PointNotExecutable, $"Merge '{merge.DisplayName}' has {outgoing.Count} outgoing flows; it needs exactly one.");
            return;
        }

        InstanceExecutor.Move(context, instance, map, merged, outgoing[0]);
    }
}
