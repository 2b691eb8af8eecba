using System.Text.Json;
using CrmBpm.Crm.Common;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Crm.Claims;

/// <summary>
/// Mirrors claim processes into <see cref="Claim"/>s: plan-item tasks created, completed, cancelled; the decision. Only the
/// claim's own processes count: the claim-handling instance attached to it, and for an item added late its own task, so
/// an instance someone else started naming the claim changes nothing.
/// </summary>
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
        if (await session.Claims.FindAsync(claimId, cancellationToken).ConfigureAwait(false) is { } claim && Follows(claim, engineEvent))
        {
            change(claim);
        }
    }

    /// <summary>True when the event comes from a process of the claim itself.</summary>
    private static bool Follows(Claim claim, EngineEvent engineEvent)
    {
        if (engineEvent.MapKey == ClaimRouteMaps.HandlingKey)
        {
            var ours = engineEvent is InstanceStarted ? claim.ProcessInstanceId is null || claim.ProcessInstanceId == engineEvent.InstanceId : claim.ProcessInstanceId == engineEvent.InstanceId;
            return ours && (PlanItemOf(claim, engineEvent) is not { } early || !early.AddedLate);
        }

        // A late plan item's one-item process: the item was added late, and its task is the one the item knows (or its first).
        return PlanItemOf(claim, engineEvent) is { AddedLate: true } item && engineEvent switch
        {
            TaskCreated => item.TaskId is null,
            TaskCompleted completed => item.TaskId == completed.Task.Id,
            TaskCancelled cancelled => item.TaskId == cancelled.Task.Id,
            _ => false,
        };
    }

    private static ClaimPlanItem? PlanItemOf(Claim claim, EngineEvent engineEvent) =>
        engineEvent switch
        {
            TaskCreated { Task: var task } when ItemId(task) is { } id => claim.PlanItems.FirstOrDefault(i => i.Id == id),
            TaskCompleted { Task: var task } when ItemId(task) is { } id => claim.PlanItems.FirstOrDefault(i => i.Id == id),
            TaskCancelled { Task: var task } when ItemId(task) is { } id => claim.PlanItems.FirstOrDefault(i => i.Id == id),
            _ => null,
        };

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
