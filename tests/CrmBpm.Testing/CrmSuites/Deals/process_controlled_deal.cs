using CrmBpm.Crm.Catalogues;
using CrmBpm.Crm.Deals;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Testing.CrmSuites.Deals;

public abstract class process_controlled_deal : CrmScenario
{
    private static readonly Actor Anna = CrmHost.User("anna");
    private static readonly Actor Head = new("hugo", [new RoleMembership("Head of sales")]);

    private async Task<(CrmHost Host, Deal Deal)> OpenAsync()
    {
        var host = NewHost();
        await host.Maps.DeployAsync(CrmHost.TypicalSale());
        var partner = await host.PartnerAsync();
        var deal = await host.OpenDealAsync(partner.Id, DealKind.ProcessControlled, "typical-sale");
        return (host, deal);
    }

    [Fact]
    public async Task opening_the_deal_starts_its_process_about_the_deal_and_takes_the_first_stage()
    {
        var (host, deal) = await OpenAsync();
        await using var _ = host;

        deal.ProcessInstanceId.ShouldNotBeNull();
        var instance = await host.Engine.GetInstanceAsync(deal.ProcessInstanceId.Value);
        instance.Subject.ShouldBe(new SubjectReference("deal", deal.Id.ToString()));
        deal.Stage.ShouldBe("qualification");
        deal.StageName.ShouldBe("Qualification");
        deal.StageChanges.ShouldHaveSingleItem().Source.ShouldBe(StageChangeSource.Process);
    }

    [Fact]
    public async Task the_stage_moves_as_the_tasks_are_completed()
    {
        var (host, deal) = await OpenAsync();
        await using var _ = host;

        await host.Tasks.CompleteAsync((await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id, Anna);
        (await host.Deals.GetAsync(deal.Id)).Stage.ShouldBe("proposal");

        await host.Tasks.CompleteAsync((await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id, Anna);
        var moved = await host.Deals.GetAsync(deal.Id);

        moved.Stage.ShouldBe("negotiation");
        moved.StageChanges.Select(c => (c.FromStage, c.ToStage, c.By)).ShouldBe(
            [(null, "qualification", "process"), ("qualification", "proposal", "process"), ("proposal", "negotiation", "process")]);
    }

    [Fact]
    public async Task a_direct_stage_change_is_refused_naming_the_current_stage_and_the_task_to_complete()
    {
        var (host, deal) = await OpenAsync();
        await using var _ = host;
        await host.Tasks.CompleteAsync((await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id, Anna);

        var error = await Should.ThrowAsync<DealControlledByProcessException>(() => host.Deals.ChangeStageAsync(deal.Id, "Contract", "anna"));

        error.Code.ShouldBe("deal.stage-controlled-by-process");
        error.CurrentStage.ShouldBe("proposal");
        error.Message.ShouldContain("is at stage 'Proposal'");
        error.Message.ShouldContain("complete the task 'Prepare proposal for 50 licences' (held by anna)");
        error.Tasks.ShouldHaveSingleItem().Title.ShouldBe("Prepare proposal for 50 licences");
        (await host.Deals.GetAsync(deal.Id)).Stage.ShouldBe("proposal");
    }

    [Fact]
    public async Task the_refusal_names_a_pool_task_by_its_role()
    {
        var (host, deal) = await OpenAsync();
        await using var _ = host;
        await host.Tasks.CompleteAsync((await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id, Anna);
        await host.Tasks.CompleteAsync((await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id, Anna);

        var error = await Should.ThrowAsync<DealControlledByProcessException>(() => host.Deals.ChangeStageAsync(deal.Id, "Qualification", "anna"));

        error.Message.ShouldContain("is at stage 'Negotiation'");
        error.Message.ShouldContain("'Negotiate' (in the pool of Head of sales)");
    }

    [Fact]
    public async Task the_deal_cannot_be_won_or_lost_directly_while_the_process_controls_it()
    {
        var (host, deal) = await OpenAsync();
        await using var _ = host;

        var won = await Should.ThrowAsync<DealControlledByProcessException>(() => host.Deals.WinAsync(deal.Id, "anna"));
        var lost = await Should.ThrowAsync<DealControlledByProcessException>(() => host.Deals.LoseAsync(deal.Id, "Price too high", null, "anna"));

        won.Code.ShouldBe("deal.status-controlled-by-process");
        lost.Message.ShouldContain("'Qualify the customer' (held by anna)");
    }

    [Fact]
    public async Task the_process_reaching_the_won_end_closes_the_deal_as_won()
    {
        var (host, deal) = await OpenAsync();
        await using var _ = host;
        await host.Tasks.CompleteAsync((await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id, Anna);
        await host.Tasks.CompleteAsync((await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id, Anna);

        await host.Tasks.CompleteAsync((await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id, Head, new TaskCompletion { Outcome = "Won" });

        var won = await host.Deals.GetAsync(deal.Id);
        won.Status.ShouldBe(DealStatus.Won);
        won.ClosedBy.ShouldBe(Deal.ProcessActor);
        won.ClosedAt.ShouldBe(host.Clock.GetUtcNow());
    }

    [Fact]
    public async Task the_process_reaching_the_lost_end_closes_the_deal_with_the_loss_reason_of_the_process()
    {
        var (host, deal) = await OpenAsync();
        await using var _ = host;
        await host.Tasks.CompleteAsync((await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id, Anna);
        await host.Tasks.CompleteAsync((await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id, Anna);

        await host.Tasks.CompleteAsync((await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id, Head,
            new TaskCompletion { Outcome = "Lost", Variables = new Dictionary<string, object?> { ["lossReason"] = "Chose a competitor" } });

        var lost = await host.Deals.GetAsync(deal.Id);
        var reasons = await host.Catalogues.ListAsync(CatalogueKind.LossReason);
        lost.Status.ShouldBe(DealStatus.Lost);
        lost.LossReasonId.ShouldBe(reasons.Single(r => r.Name == "Chose a competitor").Id);
    }

    [Fact]
    public async Task a_lost_end_without_a_known_loss_reason_uses_the_default_one_and_keeps_the_text()
    {
        var (host, deal) = await OpenAsync();
        await using var _ = host;
        await host.Tasks.CompleteAsync((await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id, Anna);
        await host.Tasks.CompleteAsync((await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id, Anna);

        await host.Tasks.CompleteAsync((await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id, Head,
            new TaskCompletion { Outcome = "Lost", Variables = new Dictionary<string, object?> { ["lossReason"] = "Customer went bankrupt" } });

        var lost = await host.Deals.GetAsync(deal.Id);
        lost.LossReasonId.ShouldBe((await host.Catalogues.FindDefaultAsync(CatalogueKind.LossReason))!.Id);
        lost.ResultDetails.ShouldBe("Customer went bankrupt");
    }

    [Fact]
    public async Task a_deal_cannot_follow_an_unpublished_route_map()
    {
        await using var host = NewHost();
        var partner = await host.PartnerAsync();

        var error = await Should.ThrowAsync<InputException>(() => host.OpenDealAsync(partner.Id, DealKind.ProcessControlled, "nowhere"));

        error.Code.ShouldBe("deal.route-map-not-published");
        (await host.Deals.ListAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task terminating_the_process_from_outside_hands_the_deal_over_to_manual_stages()
    {
        var (host, deal) = await OpenAsync();
        await using var _ = host;

        await host.Engine.TerminateAsync(deal.ProcessInstanceId!.Value, "operator");

        var released = await host.Deals.GetAsync(deal.Id);
        released.Kind.ShouldBe(DealKind.ManualStages);
        released.Stage.ShouldBe("qualification");
        released.ProcessInstanceId.ShouldBeNull();
    }
}
