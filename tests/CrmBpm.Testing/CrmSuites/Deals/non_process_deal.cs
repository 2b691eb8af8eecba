using CrmBpm.Crm.Deals;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Testing.CrmSuites.Deals;

public abstract class non_process_deal : CrmScenario
{
    [Fact]
    public async Task has_no_stages_so_a_stage_change_is_refused()
    {
        await using var host = NewHost();
        var partner = await host.PartnerAsync();
        var deal = await host.OpenDealAsync(partner.Id, DealKind.NonProcess);

        var error = await Should.ThrowAsync<ConflictException>(() => host.Deals.ChangeStageAsync(deal.Id, "Proposal", "anna"));

        error.Code.ShouldBe("deal.no-stages");
        deal.Stage.ShouldBeNull();
        deal.ProcessInstanceId.ShouldBeNull();
    }

    [Fact]
    public async Task cannot_be_opened_at_a_stage()
    {
        await using var host = NewHost();
        var partner = await host.PartnerAsync();

        var error = await Should.ThrowAsync<InputException>(() => host.OpenDealAsync(partner.Id, DealKind.NonProcess, stage: "Proposal"));

        error.Code.ShouldBe("deal.stage-not-allowed");
    }

    [Fact]
    public async Task only_goes_from_in_work_to_won()
    {
        await using var host = NewHost();
        var partner = await host.PartnerAsync();
        var deal = await host.OpenDealAsync(partner.Id, DealKind.NonProcess);

        deal.Status.ShouldBe(DealStatus.InWork);
        var won = await host.Deals.WinAsync(deal.Id, "anna", "Signed");

        won.Status.ShouldBe(DealStatus.Won);
        won.ResultDetails.ShouldBe("Signed");
        won.StageChanges.ShouldBeEmpty();
    }

    [Fact]
    public async Task only_goes_from_in_work_to_lost_with_a_reason()
    {
        await using var host = NewHost();
        var partner = await host.PartnerAsync();
        var deal = await host.OpenDealAsync(partner.Id, DealKind.NonProcess);

        var lost = await host.Deals.LoseAsync(deal.Id, "No budget", null, "anna");

        lost.Status.ShouldBe(DealStatus.Lost);
        await Should.ThrowAsync<ConflictException>(() => host.Deals.WinAsync(deal.Id, "anna"));
    }
}
