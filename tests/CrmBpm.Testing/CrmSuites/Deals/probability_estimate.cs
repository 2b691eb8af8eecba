using CrmBpm.Crm.Deals;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Testing.CrmSuites.Deals;

public abstract class probability_estimate : CrmScenario
{
    private static async Task<Deal> ClosedAsync(CrmHost host, Guid partnerId, string manager, bool won, params string[] stages)
    {
        var deal = await host.OpenDealAsync(partnerId, DealKind.ManualStages, manager: manager);
        foreach (var stage in stages)
        {
            await host.Deals.ChangeStageAsync(deal.Id, stage, manager);
        }

        return won ? await host.Deals.WinAsync(deal.Id, manager) : await host.Deals.LoseAsync(deal.Id, "Other", null, manager);
    }

    [Fact]
    public async Task is_the_share_won_among_closed_deals_that_reached_the_stage_with_the_sample_size()
    {
        await using var host = NewHost();
        var acme = await host.PartnerAsync("ACME GmbH");
        await ClosedAsync(host, acme.Id, "anna", won: true, "Qualification", "Proposal");
        await ClosedAsync(host, acme.Id, "anna", won: true, "Proposal", "Qualification");
        await ClosedAsync(host, acme.Id, "boris", won: false, "Qualification", "Proposal");
        await ClosedAsync(host, acme.Id, "boris", won: false, "Qualification");
        await ClosedAsync(host, acme.Id, "boris", won: true);
        var current = await host.OpenDealAsync(acme.Id, DealKind.ManualStages, stage: "Proposal");

        var estimate = await host.Deals.EstimateProbabilityAsync(current.Id);

        estimate.Stage.ShouldBe("proposal");
        estimate.SampleSize.ShouldBe(3);
        estimate.WonCount.ShouldBe(2);
        estimate.Probability.ShouldBe(66.7m);
    }

    [Fact]
    public async Task can_be_narrowed_to_the_same_manager_partner_and_kind()
    {
        await using var host = NewHost();
        var acme = await host.PartnerAsync("ACME GmbH");
        var globex = await host.PartnerAsync("Globex");
        await ClosedAsync(host, acme.Id, "anna", won: true, "Proposal");
        await ClosedAsync(host, acme.Id, "boris", won: false, "Proposal");
        await ClosedAsync(host, globex.Id, "anna", won: false, "Proposal");
        var current = await host.OpenDealAsync(acme.Id, DealKind.ManualStages, stage: "Proposal", manager: "anna");

        var byManager = await host.Deals.EstimateProbabilityAsync(current.Id, sameManager: true);
        var byManagerAndPartner = await host.Deals.EstimateProbabilityAsync(current.Id, sameManager: true, samePartner: true, sameKind: true);

        (byManager.Probability, byManager.SampleSize).ShouldBe((50m, 2));
        (byManagerAndPartner.Probability, byManagerAndPartner.SampleSize).ShouldBe((100m, 1));
        byManagerAndPartner.Filter.ManagerId.ShouldBe("anna");
        byManagerAndPartner.Filter.PartnerId.ShouldBe(acme.Id);
        byManagerAndPartner.Filter.Kind.ShouldBe(DealKind.ManualStages);
    }

    [Fact]
    public async Task is_stored_on_the_deal_as_estimated_with_its_sample()
    {
        await using var host = NewHost();
        var acme = await host.PartnerAsync();
        await ClosedAsync(host, acme.Id, "anna", won: true, "Proposal");
        await ClosedAsync(host, acme.Id, "anna", won: false, "Proposal");
        var current = await host.OpenDealAsync(acme.Id, DealKind.ManualStages, stage: "Proposal");

        var estimated = await host.Deals.ApplyEstimatedProbabilityAsync(current.Id);
        var manual = await host.Deals.SetProbabilityAsync(current.Id, 80m);

        (estimated.Probability, estimated.ProbabilityIsEstimated, estimated.ProbabilitySampleSize).ShouldBe((50m, true, (int?)2));
        (manual.Probability, manual.ProbabilityIsEstimated, manual.ProbabilitySampleSize).ShouldBe((80m, false, (int?)null));
    }

    [Fact]
    public async Task without_history_says_so_instead_of_guessing()
    {
        await using var host = NewHost();
        var acme = await host.PartnerAsync();
        var current = await host.OpenDealAsync(acme.Id, DealKind.ManualStages, stage: "Contract");

        var estimate = await host.Deals.EstimateProbabilityAsync(current.Id);
        var error = await Should.ThrowAsync<ConflictException>(() => host.Deals.ApplyEstimatedProbabilityAsync(current.Id));

        (estimate.Probability, estimate.SampleSize).ShouldBe(((decimal?)null, 0));
        error.Code.ShouldBe("deal.no-history");
    }

    [Fact]
    public async Task a_manual_probability_outside_0_to_100_is_refused()
    {
        await using var host = NewHost();
        var acme = await host.PartnerAsync();
        var deal = await host.OpenDealAsync(acme.Id, DealKind.NonProcess);

        var error = await Should.ThrowAsync<InputException>(() => host.Deals.SetProbabilityAsync(deal.Id, 120m));

        error.Problems.ShouldHaveSingleItem().Field.ShouldBe("probability");
    }
}
