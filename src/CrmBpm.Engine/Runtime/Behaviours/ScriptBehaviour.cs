using System.Text.Json;
using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>
/// A Script step runs inside the command (sandboxed, like a condition): its value goes to the result variable and the
/// token leaves; a failing script, or a value the variable limits refuse, is an incident naming the step.
/// </summary>
internal sealed class ScriptBehaviour(InstanceExecutor executor, VariableLimits limits) : PointBehaviour<ScriptPoint>
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, ScriptPoint point, CancellationToken cancellationToken)
    {
        Run(context, instance, map, token, point);
        return Task.CompletedTask;
    }

    private void Run(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, ScriptPoint script)
    {
        if (!executor.TryEvaluate(context, instance, token, script.Script, out var value, IncidentCodes.ScriptFailed))
        {
            return;
        }

        if (script.ResultVariable is { } name)
        {
            var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [name] = value };
            if (limits.Find(instance.Variables, result) is { } tooLarge)
            {
                InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.VariablesRefused, $"Script '{script.DisplayName}': its value for '{name}' was refused: {tooLarge.Message}");
                return;
            }

            instance.SetVariables(result);
        }

        context.Record(instance, HistoryKind.ScriptRun, pointId: script.Id, details: script.ResultVariable);
        executor.Leave(context, instance, map, token);
    }
}
