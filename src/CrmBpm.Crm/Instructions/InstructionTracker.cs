using System.Text.Json;
using CrmBpm.Crm.Common;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Crm.Instructions;

/// <summary>
/// Mirrors Instruction processes into <see cref="Instruction"/>s (found through the process variable <c>instructionId</c>),
/// but only the process attached to the instruction: another instance naming the same instruction changes nothing.
/// </summary>
internal sealed class InstructionTracker : IProcessFollower
{
    public async Task FollowAsync(ProcessFollowing following, EngineEvent engineEvent, CancellationToken cancellationToken)
    {
        if (engineEvent.MapKey != InstructionRouteMap.Key)
        {
            return;
        }

        var instance = await following.InstanceAsync(engineEvent.InstanceId, cancellationToken).ConfigureAwait(false);
        if (!instance.Variables.TryGetValue("instructionId", out var idValue) || !Guid.TryParse(Variables.ToText(idValue), out var instructionId))
        {
            return;
        }

        Action<Instruction>? change = engineEvent switch
        {
            InstanceStarted => i => i.AttachProcess(instance.Id),
            TaskCreated { Task.PointId: InstructionRouteMap.ExecutePointId } created => i => i.ExecutionStarted(created.Task.Id),
            TaskCreated { Task.PointId: InstructionRouteMap.VerifyPointId } created => i => i.VerificationStarted(created.Task.Id),
            TaskCompleted { Task.PointId: InstructionRouteMap.ExecutePointId } => i => i.Executed(Text(instance, "report")),
            TaskCompleted { Task.PointId: InstructionRouteMap.VerifyPointId, Task.Outcome: InstructionRouteMap.Return } completed =>
                i => i.Returned(Text(instance, "returnComment") ?? "", completed.Task.CompletedBy ?? i.AuthorId, completed.At),
            InstanceCompleted completed => i => i.Complete(completed.At),
            InstanceTerminated terminated => i => i.Cancel(terminated.At),
            _ => null,
        };
        if (change is null)
        {
            return;
        }

        var session = await following.SessionAsync(cancellationToken).ConfigureAwait(false);
        if (await session.Instructions.FindAsync(instructionId, cancellationToken).ConfigureAwait(false) is { } instruction &&
            (instruction.ProcessInstanceId == instance.Id || (engineEvent is InstanceStarted && instruction.ProcessInstanceId is null)))
        {
            change(instruction);
        }
    }

    private static string? Text(ProcessInstance instance, string variable) =>
        instance.Variables.TryGetValue(variable, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? Variables.ToText(value)
            : null;
}
