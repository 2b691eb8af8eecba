using CrmBpm.Crm.Common;
using CrmBpm.Crm.Deals;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Testing.CrmSuites.Deals;

public abstract class correcting_a_deal : CrmScenario
{
    private static DealDetails Corrected(Deal deal) => deal.CurrentDetails with
    {
        PotentialAmount = 12_500.50m,
        ExpectedCloseDate = new DateOnly(2026, 12, 18),
        Description = "50 seats, 3-year term",
        Interest = "CRM + BPM",
        AdChannel = "Webinar",
        PrimaryDemand = "Licences and training",
    };

    [Fact]
    public async Task every_changed_detail_is_stored_and_logged_with_who_when_before_and_after()
    {
        var host = NewHost();
        var deal = await host.OpenDealAsync((await host.PartnerAsync()).Id, DealKind.ManualStages);
        host.Clock.Advance(TimeSpan.FromHours(2));

        await host.Deals.EditAsync(deal.Id, Corrected(deal) with { Interest = deal.Interest }, "boris", deal.Version);

        var stored = await host.Deals.GetAsync(deal.Id);
        (stored.PotentialAmount, stored.ExpectedCloseDate, stored.Description, stored.AdChannel, stored.PrimaryDemand)
            .ShouldBe((12_500.50m, (DateOnly?)new DateOnly(2026, 12, 18), "50 seats, 3-year term", "Webinar", "Licences and training"));
        stored.ChangeLog.Select(c => (c.Field, c.Before, c.After)).ShouldBe(
        [
            ("PotentialAmount", "10000", "12500.5"),
            ("ExpectedCloseDate", null, "2026-12-18"),
            ("Description", null, "50 seats, 3-year term"),
            ("PrimaryDemand", "Licences", "Licences and training"),
            ("AdChannel", "Trade fair", "Webinar"),
        ]);
        stored.ChangeLog.ShouldAllBe(c => c.By == "boris" && c.At == host.Clock.GetUtcNow());
    }

    [Fact]
    public async Task saving_unchanged_details_leaves_no_log_line()
    {
        var host = NewHost();
        var deal = await host.OpenDealAsync((await host.PartnerAsync()).Id, DealKind.NonProcess);

        await host.Deals.EditAsync(deal.Id, deal.CurrentDetails, "anna", deal.Version);

        (await host.Deals.GetAsync(deal.Id)).ChangeLog.ShouldBeEmpty();
    }

    [Fact]
    public async Task the_second_of_two_editors_of_the_same_version_is_refused_and_overwrites_nothing()
    {
        var host = NewHost();
        var deal = await host.OpenDealAsync((await host.PartnerAsync()).Id, DealKind.ManualStages);
        await host.Deals.EditAsync(deal.Id, deal.CurrentDetails with { PotentialAmount = 20_000m }, "anna", deal.Version);

        var error = await Should.ThrowAsync<StaleRecordException>(() =>
            host.Deals.EditAsync(deal.Id, deal.CurrentDetails with { PotentialAmount = 30_000m }, "boris", deal.Version));

        error.Code.ShouldBe("record.changed-meanwhile");
        (error.RecordType, error.RecordId).ShouldBe(("deal", deal.Id));
        error.Message.ShouldContain("deal '50 licences' was changed by someone else");
        error.Message.ShouldContain("PotentialAmount by anna");
        (await host.Deals.GetAsync(deal.Id)).PotentialAmount.ShouldBe(20_000m);
    }

    [Fact]
    public async Task a_closed_deal_cannot_be_corrected()
    {
        var host = NewHost();
        var deal = await host.OpenDealAsync((await host.PartnerAsync()).Id, DealKind.NonProcess);
        deal = await host.Deals.WinAsync(deal.Id, "anna");

        var error = await Should.ThrowAsync<CrmBpm.Engine.Errors.ConflictException>(() => host.Deals.EditAsync(deal.Id, Corrected(deal), "anna", deal.Version));

        error.Code.ShouldBe("deal.closed");
    }

    [Fact]
    public async Task reassigning_hands_the_process_tasks_held_by_the_old_manager_to_the_new_one_and_records_it()
    {
        var host = NewHost();
        await host.Maps.DeployAsync(CrmHost.TypicalSale());
        var deal = await host.OpenDealAsync((await host.PartnerAsync()).Id, DealKind.ProcessControlled, "typical-sale");
        var task = await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value);
        task.AssigneeId.ShouldBe("anna");

        var reassigned = await host.Deals.ReassignAsync(deal.Id, "boris", "helga", deal.Version);

        reassigned.ManagerId.ShouldBe("boris");
        (await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).AssigneeId.ShouldBe("boris");
        reassigned.ChangeLog.Select(c => (c.Field, c.Before, c.After, c.By)).ShouldBe(
        [
            ("Manager", "anna", "boris", "helga"),
            ($"Task '{task.Title}'", "anna", "boris", "helga"),
        ]);
        var history = await host.Engine.GetHistoryAsync(deal.ProcessInstanceId!.Value);
        history.ShouldContain(h => h.Kind == HistoryKind.TaskRedirected && h.Actor == "helga" && h.Details!.Contains("to boris"));
        var instance = await host.Engine.GetInstanceAsync(deal.ProcessInstanceId!.Value);
        instance.Variables["manager"].GetString().ShouldBe("boris");
    }

    [Fact]
    public async Task reassigning_leaves_pool_tasks_in_their_pool()
    {
        var host = NewHost();
        await host.Maps.DeployAsync(CrmHost.TypicalSale());
        var deal = await host.OpenDealAsync((await host.PartnerAsync()).Id, DealKind.ProcessControlled, "typical-sale");
        await host.Tasks.CompleteAsync((await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id, CrmHost.User("anna"));
        await host.Tasks.CompleteAsync((await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id, CrmHost.User("anna"));
        deal = await host.Deals.GetAsync(deal.Id);

        await host.Deals.ReassignAsync(deal.Id, "boris", "helga", deal.Version);

        var negotiate = await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value);
        (negotiate.AssigneeId, negotiate.PerformerRole).ShouldBe((null, "Head of sales"));
        (await host.Deals.GetAsync(deal.Id)).ChangeLog.ShouldHaveSingleItem().Field.ShouldBe("Manager");
    }
}
