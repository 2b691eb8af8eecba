using System.Text.Json;
using CrmBpm.Crm.Catalogues;
using CrmBpm.Crm.Common;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Crm.Deals;

/// <summary>
/// Keeps process-controlled deals in step with their processes, from engine events about subject <c>("deal", id)</c>:
/// the started instance is attached, the stage follows every Action (and point) carrying a Stage, an End with result
/// Won / Lost closes the deal (Lost takes its reason from the process variable <c>lossReason</c> — catalogue id, code
/// or name — or the default loss reason), any other end or an outside termination releases the deal to manual stages.
/// </summary>
internal sealed class DealProcessTracker(CatalogueService catalogues) : IProcessFollower
{
    public async Task FollowAsync(ProcessFollowing following, EngineEvent engineEvent, CancellationToken cancellationToken)
    {
        if (engineEvent.Subject is not { Type: DealService.SubjectType } subject || !Guid.TryParse(subject.Id, out var dealId))
        {
            return;
        }

        switch (engineEvent)
        {
            case InstanceStarted { ParentInstanceId: null } started:
                await ChangeAsync(following, dealId, deal => deal.AttachProcess(started.InstanceId, started.MapKey), cancellationToken).ConfigureAwait(false);
                break;
            case PointEntered { Stage: { Length: > 0 } stage } entered:
                await FollowStageAsync(following, dealId, entered.InstanceId, stage, entered.At, cancellationToken).ConfigureAwait(false);
                break;
            case TaskCreated { Task.Stage: { Length: > 0 } stage } created:
                await FollowStageAsync(following, dealId, created.Task.RootInstanceId, stage, created.At, cancellationToken).ConfigureAwait(false);
                break;
            case InstanceCompleted completed:
                await CompletedAsync(following, dealId, completed, cancellationToken).ConfigureAwait(false);
                break;
            case InstanceTerminated terminated:
                await ChangeAsync(following, dealId, deal => deal.ProcessTerminated(terminated.InstanceId, terminated.At), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task FollowStageAsync(ProcessFollowing following, Guid dealId, Guid instanceId, string stage, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var stages = await catalogues.ListAsync(CatalogueKind.SalesStage, includeArchived: true, cancellationToken).ConfigureAwait(false);
        var item = stages.FirstOrDefault(s => s.Matches(stage));
        await ChangeAsync(following, dealId, deal => deal.FollowProcess(instanceId, item?.Code ?? CatalogueItem.NormalizeCode(stage), item?.Name ?? stage, at), cancellationToken).ConfigureAwait(false);
    }

    private async Task CompletedAsync(ProcessFollowing following, Guid dealId, InstanceCompleted completed, CancellationToken cancellationToken)
    {
        Guid? lossReasonId = null;
        string? details = null;
        if (string.Equals(completed.Result, nameof(DealStatus.Lost), StringComparison.OrdinalIgnoreCase))
        {
            var instance = await following.InstanceAsync(completed.InstanceId, cancellationToken).ConfigureAwait(false);
            var given = Text(instance, "lossReason");
            details = Text(instance, "lossDetails");
            var reasons = await catalogues.ListAsync(CatalogueKind.LossReason, includeArchived: true, cancellationToken).ConfigureAwait(false);
            var reason = reasons.FirstOrDefault(r => r.Matches(given)) ?? reasons.FirstOrDefault(r => r.IsDefault) ?? reasons.FirstOrDefault();
            lossReasonId = reason?.Id;
            if (given is not null && reason is not null && !reason.Matches(given))
            {
                details = string.IsNullOrWhiteSpace(details) ? given : $"{given}: {details}";
            }
        }

        await ChangeAsync(following, dealId, deal => deal.ProcessCompleted(completed.InstanceId, completed.Result, lossReasonId, details, completed.At), cancellationToken).ConfigureAwait(false);
    }

    private static string? Text(ProcessInstance instance, string variable) =>
        instance.Variables.TryGetValue(variable, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? Variables.ToText(value)
            : null;

    private static async Task ChangeAsync(ProcessFollowing following, Guid dealId, Func<Deal, bool> change, CancellationToken cancellationToken)
    {
        var session = await following.SessionAsync(cancellationToken).ConfigureAwait(false);
        if (await session.Deals.FindAsync(dealId, cancellationToken).ConfigureAwait(false) is { } deal)
        {
            change(deal);
        }
    }
}
