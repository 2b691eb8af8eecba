using CrmBpm.Crm.Deals;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Tasks;
using CrmBpm.Testing;

namespace CrmBpm.Testing.CrmSuites.Deals;

public abstract class deal_kind_changes : CrmScenario
{
    [Fact]
    public async Task manual_to_process_starts_the_map_at_the_action_of_the_current_stage()
    {
        await using var host = NewHost();
        await host.Maps.DeployAsync(CrmHost.TypicalSale());
        var partner = await host.PartnerAsync();
        var deal = await host.OpenDealAsync(partner.Id, DealKind.ManualStages, stage: "Proposal");

        var controlled = await host.Deals.ChangeKindAsync(deal.Id, DealKind.ProcessControlled, "typical-sale", "anna");

        controlled.Kind.ShouldBe(DealKind.ProcessControlled);
        controlled.Stage.ShouldBe("proposal");
        var task = await host.SingleOpenTaskAsync(controlled.ProcessInstanceId!.Value);
        task.PointId.ShouldBe("propose");
        await Should.ThrowAsync<DealControlledByProcessException>(() => host.Deals.ChangeStageAsync(deal.Id, "Contract", "anna"));

        await host.Tasks.CompleteAsync(task.Id, CrmHost.User("anna"));
        (await host.Deals.GetAsync(deal.Id)).Stage.ShouldBe("negotiation");
    }

    [Fact]
    public async Task manual_to_process_is_refused_when_the_map_has_no_action_for_the_current_stage()
    {
        await using var host = NewHost();
        await host.Maps.DeployAsync(CrmHost.TypicalSale());
        var partner = await host.PartnerAsync();
        var deal = await host.OpenDealAsync(partner.Id, DealKind.ManualStages, stage: "Contract");

        var error = await Should.ThrowAsync<ConflictException>(() => host.Deals.ChangeKindAsync(deal.Id, DealKind.ProcessControlled, "typical-sale", "anna"));

        error.Code.ShouldBe("deal.stage-not-in-map");
        error.Message.ShouldContain("is at stage 'Contract'");
        error.Message.ShouldContain("Its stages are: Qualification, Proposal, Negotiation");
        var unchanged = await host.Deals.GetAsync(deal.Id);
        unchanged.Kind.ShouldBe(DealKind.ManualStages);
        unchanged.ProcessInstanceId.ShouldBeNull();
    }

    [Fact]
    public async Task a_non_process_deal_put_under_a_process_starts_from_the_beginning()
    {
        await using var host = NewHost();
        await host.Maps.DeployAsync(CrmHost.TypicalSale());
        var partner = await host.PartnerAsync();
        var deal = await host.OpenDealAsync(partner.Id, DealKind.NonProcess);

        var controlled = await host.Deals.ChangeKindAsync(deal.Id, DealKind.ProcessControlled, "typical-sale", "anna");

        controlled.Stage.ShouldBe("qualification");
        (await host.SingleOpenTaskAsync(controlled.ProcessInstanceId!.Value)).PointId.ShouldBe("qualify");
    }

    [Fact]
    public async Task process_to_manual_terminates_the_process_cancels_its_tasks_and_keeps_the_stage()
    {
        await using var host = NewHost();
        await host.Maps.DeployAsync(CrmHost.TypicalSale());
        var partner = await host.PartnerAsync();
        var deal = await host.OpenDealAsync(partner.Id, DealKind.ProcessControlled, "typical-sale");
        var instanceId = deal.ProcessInstanceId!.Value;
        await host.Tasks.CompleteAsync((await host.SingleOpenTaskAsync(instanceId)).Id, CrmHost.User("anna"));

        var manual = await host.Deals.ChangeKindAsync(deal.Id, DealKind.ManualStages, null, "anna");

        manual.Kind.ShouldBe(DealKind.ManualStages);
        manual.Stage.ShouldBe("proposal");
        manual.ProcessInstanceId.ShouldBeNull();
        (await host.Engine.GetInstanceAsync(instanceId)).Status.ShouldBe(Engine.Runtime.InstanceStatus.Terminated);
        (await host.Tasks.GetTasksOfInstanceAsync(instanceId)).Last().Status.ShouldBe(WorkTaskStatus.Cancelled);
        (await host.Deals.ChangeStageAsync(deal.Id, "Contract", "anna")).Stage.ShouldBe("contract");
    }

    [Fact]
    public async Task a_stage_named_differently_in_the_map_is_matched_through_the_catalogue()
    {
        await using var host = NewHost();
        await host.Maps.DeployAsync(new MapBuilder("short-sale")
            .Start()
            .Action("offer", "anna", a => a with { Stage = "needs-analysis" })
            .End()
            .Flow("start", "offer", "end")
            .Build());
        var partner = await host.PartnerAsync();
        var deal = await host.OpenDealAsync(partner.Id, DealKind.ManualStages, stage: "Needs analysis");

        var controlled = await host.Deals.ChangeKindAsync(deal.Id, DealKind.ProcessControlled, "short-sale", "anna");

        (await host.SingleOpenTaskAsync(controlled.ProcessInstanceId!.Value)).PointId.ShouldBe("offer");
    }
}
