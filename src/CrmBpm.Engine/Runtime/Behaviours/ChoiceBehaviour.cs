using System.Text.Json;
using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>A Choice: its cases are tried in flow order, the first true one takes the token, else the default flow.</summary>
internal sealed class ChoiceBehaviour(InstanceExecutor executor) : PointBehaviour<ChoicePoint>
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, ChoicePoint point, CancellationToken cancellationToken)
    {
        Decide(context, instance, map, token, point);
        return Task.CompletedTask;
    }

    private void Decide(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, ChoicePoint choice)
    {
        foreach (var flow in map.Outgoing(choice.Id).Where(f => f.Id != choice.DefaultFlowId))
        {
            if (string.IsNullOrWhiteSpace(flow.Condition))
            {
                continue;
            }

            if (!executor.TryEvaluate(context, instance, token, flow.Condition, out var value))
            {
                return;
            }

            if (value.ValueKind == JsonValueKind.True)
            {
                InstanceExecutor.Move(context, instance, map, token, flow);
                return;
            }

            if (value.ValueKind != JsonValueKind.False)
            {
                InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.ConditionNotBoolean, $"The case '{flow.Condition}' of Choice '{choice.DisplayName}' must give true or false, but gave {value.GetRawText()}.");
                return;
            }
        }

        var fallback = choice.DefaultFlowId is null ? null : map.Outgoing(choice.Id).FirstOrDefault(f => f.Id == choice.DefaultFlowId);
        if (fallback is null)
        {
            InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.NoFlowMatched, $"No case of Choice '{choice.DisplayName}' matched and it has no default flow.");
            return;
        }

        InstanceExecutor.Move(context, instance, map, token, fallback);
    }
}
