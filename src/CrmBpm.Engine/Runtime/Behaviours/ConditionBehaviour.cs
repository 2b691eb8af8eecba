using System.Text.Json;
using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>A Condition: its expression answers true or false, and the token moves along the Yes or the No flow.</summary>
internal sealed class ConditionBehaviour(InstanceExecutor executor) : PointBehaviour<ConditionPoint>
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, ConditionPoint point, CancellationToken cancellationToken)
    {
        Decide(context, instance, map, token, point);
        return Task.CompletedTask;
    }

    private void Decide(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, ConditionPoint condition)
    {
        if (!executor.TryEvaluate(context, instance, token, condition.Expression, out var value))
        {
            return;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.ConditionNotBoolean, $"Condition '{condition.DisplayName}' must give true or false, but '{condition.Expression}' gave {value.GetRawText()}.");
            return;
        }

        var branch = value.ValueKind == JsonValueKind.True ? ConditionBranch.Yes : ConditionBranch.No;
        var flow = map.Outgoing(condition.Id).FirstOrDefault(f => f.Branch == branch);
        if (flow is null)
        {
            InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.NoFlowMatched, $"Condition '{condition.DisplayName}' answered {branch} but has no {branch} flow.");
            return;
        }

        InstanceExecutor.Move(context, instance, map, token, flow);
    }
}
