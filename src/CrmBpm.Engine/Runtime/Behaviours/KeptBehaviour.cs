using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Runtime.Behaviours;

/// <summary>
/// A kept element of another modeler's file never runs: validation refuses every map holding one. Should a token reach one
/// all the same, it is an incident at the point, never a token passed on silently.
/// </summary>
internal sealed class KeptBehaviour : PointBehaviour<KeptPoint>
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CommandContext context, ProcessInstance instance, CompiledRouteMap map, Token token, KeptPoint point, CancellationToken cancellationToken)
    {
        InstanceExecutor.RaiseIncident(context, instance, token, IncidentCodes.PointNotExecutable, $"Points of kind {point.GetType().Name} cannot be executed.");
        return Task.CompletedTask;
    }
}
