using System.Text.Json;
using CrmBpm.Crm.Common;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Crm.Claims;

/// <summary>Mirrors claim processes into <see cref="Claim"/>s: plan-item tasks created, completed, cancelled; the decision.</summary>
internal sealed class ClaimTracker : IProcessFollower
{
    public async Task FollowAsync(ProcessFollowing following, EngineEvent engineEvent, CancellationToken cancellationToken)
    {
        if (engineEvent.MapKey is not (ClaimRouteMaps.HandlingKey or ClaimRouteMaps.LatePlanItemKey) ||
            engineEvent.Subject is not { Type: ClaimService.SubjectType } subject || !Guid.TryParse(subject.Id, out var claimId))
        {
            return;
        }

        Action<Claim>? change = engineEvent switch
        {
            InstanceStarted { MapKey: ClaimRouteMaps.HandlingKey } started => c => c.AttachProcess(started.InstanceId),
            TaskCreated { Task.PointId: ClaimRouteMaps.PlanPointId } created when ItemId(created.Task) is { } itemId =>
                c => c.PlanItemTaskCreated(itemId, created.Task.Id),
            TaskCompleted { Task.PointId: ClaimRouteMaps.PlanPointId } completed when ItemId(completed.Task) is { } itemId =>
                c => c.PlanItemCompleted(itemId, completed.Task.CompletedBy ?? "", completed.At),
            TaskCancelled { Task.PointId: ClaimRouteMaps.PlanPointId } cancelled when ItemId(cancelled.Task) is { } itemId =>
                c => c.PlanItemCancelled(itemId),
            TaskCompleted { Task.PointId: ClaimRouteMaps.DecidePointId } decided => await DecisionAsync(following, decided, cancellationToken).ConfigureAwait(false),
            _ => null,
        };
        if (change is null)
        {
            return;
        }

        var session = await following.SessionAsync(cancellationToken).ConfigureAwait(false);
        if (await session.Claims.FindAsync(claimId, cancellationToken).ConfigureAwait(false) is { } claim)
        {
            change(claim);
        }
    }

    private static async Task<Action<Claim>> DecisionAsync(ProcessFollowing following, TaskCompleted decided, CancellationToken cancellationToken)
    {
        var instance = await following.InstanceAsync(decided.InstanceId, cancellationToken).ConfigureAwait(false);
        var details = instance.Variables.TryGetValue("resultDetails", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var result = decided.Task.Outcome == ClaimRouteMaps.Satisfied ? ClaimResult.Satisfied : ClaimResult.NotSatisfied;
        return c => c.Decide(result, details, decided.Task.CompletedBy ?? c.ResponsibleId, decided.At);
    }

    private static Guid? ItemId(WorkTask task) =>
        task.Item is { ValueKind: JsonValueKind.Object } item && item.TryGetProperty("id", out var id) && Guid.TryParse(id.GetString(), out var itemId)
            ? itemId
            : null;
}
