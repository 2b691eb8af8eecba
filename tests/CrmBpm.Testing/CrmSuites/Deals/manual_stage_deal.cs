using CrmBpm.Crm.Deals;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Testing.CrmSuites.Deals;

public abstract class manual_stage_deal : CrmScenario
{
    [Fact]
    public async Task skips_and_steps_back_are_allowed_and_each_change_is_recorded_with_who_and_when()
    {
        await using var host = NewHost();
        var partner = await host.PartnerAsync();
        var deal = await host.OpenDealAsync(partner.Id, DealKind.ManualStages, stage: "Qualification");
        var opened = host.Clock.GetUtcNow();

        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.Deals.ChangeStageAsync(deal.Id, "Negotiation", "anna");
        host.Clock.Advance(TimeSpan.FromHours(1));
        var moved = await host.Deals.ChangeStageAsync(deal.Id, "proposal", "boris");

        moved.Stage.ShouldBe("proposal");
        moved.StageChanges.Select(c => (c.FromStage, c.ToStage, c.By, c.At, c.Source)).ShouldBe(
        [
            (null, "qualification", "anna", opened, StageChangeSource.Manual),
            ("qualification", "negotiation", "anna", opened.AddHours(1), StageChangeSource.Manual),
            ("negotiation", "proposal", "boris", opened.AddHours(2), StageChangeSource.Manual),
        ]);
        moved.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_stage_that_is_not_in_the_catalogue_is_refused_listing_the_stages()
    {
        await using var host = NewHost();
        var partner = await host.PartnerAsync();
        var deal = await host.OpenDealAsync(partner.Id, DealKind.ManualStages);

        var error = await Should.ThrowAsync<InputException>(() => host.Deals.ChangeStageAsync(deal.Id, "Dreaming", "anna"));

        error.Problems.ShouldHaveSingleItem().Field.ShouldBe("stage");
        error.Message.ShouldContain("'Dreaming' is not a sales stage; choose one of Qualification, Needs analysis, Proposal, Negotiation, Contract, Shipment");
    }

    [Fact]
    public async Task losing_needs_a_loss_reason_from_the_catalogue()
    {
        await using var host = NewHost();
        var partner = await host.PartnerAsync();
        var deal = await host.OpenDealAsync(partner.Id, DealKind.ManualStages);

        var missing = await Should.ThrowAsync<InputException>(() => host.Deals.LoseAsync(deal.Id, null, null, "anna"));
        var lost = await host.Deals.LoseAsync(deal.Id, "price-too-high", "15 % too expensive", "anna");

        missing.Problems.ShouldHaveSingleItem().Field.ShouldBe("lossReason");
        lost.Status.ShouldBe(DealStatus.Lost);
        lost.LossReasonId.ShouldNotBeNull();
        lost.ResultDetails.ShouldBe("15 % too expensive");
    }

    [Fact]
    public async Task a_finished_deal_does_not_change_any_more()
    {
        await using var host = NewHost();
        var partner = await host.PartnerAsync();
        var deal = await host.OpenDealAsync(partner.Id, DealKind.ManualStages);
        await host.Deals.WinAsync(deal.Id, "anna");

        var error = await Should.ThrowAsync<ConflictException>(() => host.Deals.ChangeStageAsync(deal.Id, "Contract", "anna"));

        error.Code.ShouldBe("deal.closed");
    }

    [Fact]
    public void the_aggregate_raises_events_for_its_transitions()
    {
        var deal = new Deal(new DealDetails { Title = "Pilot" }, Guid.NewGuid(), null, "anna", DealKind.ManualStages, null, null, "anna", DateTimeOffset.UnixEpoch);

        deal.ChangeStage("proposal", "Proposal", "anna", DateTimeOffset.UnixEpoch);
        deal.Win("anna", DateTimeOffset.UnixEpoch);

        deal.DomainEvents.Select(e => e.GetType()).ShouldBe([typeof(DealOpened), typeof(DealStageChanged), typeof(DealWon)]);
    }
}
