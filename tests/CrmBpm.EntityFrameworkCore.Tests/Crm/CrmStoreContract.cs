using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Leads;
using CrmBpm.Crm.Partners;
using CrmBpm.Crm.Persistence;
using CrmBpm.Engine.Errors;
using CrmBpm.Testing.CrmSuites;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.EntityFrameworkCore.Tests.Crm;

/// <summary>What every database CRM store guarantees beyond the domain suites: the unit of work of <see cref="InMemoryCrmStore"/>, and data that outlives the process.</summary>
public abstract class CrmStoreContract : CrmScenario
{
    private static Partner NewPartner(string name = "ACME") =>
        new(name, PartnerKind.Company, PartnerRelations.Customer | PartnerRelations.Supplier, "+4930123456", "info@acme.example", null, "anna", DateTimeOffset.UnixEpoch);

    private static async Task<Guid> AddAsync(ICrmStore store, Partner partner)
    {
        await using var session = await store.OpenSessionAsync();
        session.Partners.Add(partner);
        await session.CommitAsync();
        return partner.Id;
    }

    [Fact]
    public async Task Of_two_units_of_work_saving_the_same_aggregate_the_second_is_refused_as_a_concurrency_conflict()
    {
        var store = NewHost().Services.GetRequiredService<ICrmStore>();
        var id = await AddAsync(store, NewPartner());
        await using var first = await store.OpenSessionAsync();
        await using var second = await store.OpenSessionAsync();
        (await first.Partners.FindAsync(id))!.Rename("First");
        var stale = (await second.Partners.FindAsync(id))!;
        stale.Rename("Second");

        await first.CommitAsync();
        await Should.ThrowAsync<ConcurrencyException>(() => second.CommitAsync());

        stale.Version.ShouldBe(1L);
        await using var reader = await store.OpenSessionAsync();
        var stored = (await reader.Partners.FindAsync(id))!;
        (stored.Name, stored.Version, stored.Relations).ShouldBe(("First", 2L, PartnerRelations.Customer | PartnerRelations.Supplier));
    }

    [Fact]
    public async Task A_failed_unit_of_work_writes_nothing_and_keeps_its_events()
    {
        var store = NewHost().Services.GetRequiredService<ICrmStore>();
        var id = await AddAsync(store, NewPartner());
        var lead = new Lead("Initech", null, null, null, null, null, null, "anna", DateTimeOffset.UnixEpoch);
        await using (var failing = await store.OpenSessionAsync())
        {
            failing.Leads.Add(lead);
            (await failing.Partners.FindAsync(id))!.Rename("Never stored");
            await using (var other = await store.OpenSessionAsync())
            {
                (await other.Partners.FindAsync(id))!.Rename("Other");
                await other.CommitAsync();
            }

            await Should.ThrowAsync<ConcurrencyException>(() => failing.CommitAsync());
        }

        lead.DomainEvents.ShouldNotBeEmpty();
        await using var reader = await store.OpenSessionAsync();
        (await reader.Leads.FindAsync(lead.Id)).ShouldBeNull();
        (await reader.Partners.FindAsync(id))!.Name.ShouldBe("Other");
    }

    [Fact]
    public async Task A_commit_returns_the_events_and_writes_only_changed_aggregates()
    {
        var store = NewHost().Services.GetRequiredService<ICrmStore>();
        var id = await AddAsync(store, NewPartner());
        var lead = new Lead("Initech", null, null, null, null, null, null, "anna", DateTimeOffset.UnixEpoch);
        IReadOnlyList<CrmBpm.Crm.Common.IDomainEvent> events;
        await using (var session = await store.OpenSessionAsync())
        {
            (await session.Partners.ListAsync()).ShouldHaveSingleItem();
            session.Leads.Add(lead);
            (await session.Leads.ListAsync(l => l.Status == LeadStatus.Open)).ShouldBe([lead]);
            events = await session.CommitAsync();
        }

        events.ShouldHaveSingleItem().ShouldBeOfType<LeadRegistered>();
        lead.DomainEvents.ShouldBeEmpty();
        await using var reader = await store.OpenSessionAsync();
        (await reader.Partners.FindAsync(id))!.Version.ShouldBe(1L);
        (await reader.Leads.FindAsync(lead.Id))!.Version.ShouldBe(1L);
    }

    [Fact]
    public async Task A_new_host_on_the_same_database_finds_partners_and_deals_with_their_stage_history_and_goes_on()
    {
        Guid dealId;
        await using (var before = NewHost())
        {
            await before.Maps.DeployAsync(CrmHost.TypicalSale());
            var partner = await before.PartnerAsync();
            var deal = await before.OpenDealAsync(partner.Id, DealKind.ProcessControlled, "typical-sale");
            await before.Tasks.CompleteAsync((await before.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id, CrmHost.User("anna"));
            dealId = deal.Id;
        }

        await using var after = NewHost();
        var reloaded = await after.Deals.GetAsync(dealId);
        reloaded.Stage.ShouldBe("proposal");
        reloaded.StageChanges.Select(c => (c.FromStage, c.ToStage, c.Source)).ShouldBe(
            [(null, "qualification", StageChangeSource.Process), ("qualification", "proposal", StageChangeSource.Process)]);
        (await after.Partners.ListAsync()).ShouldHaveSingleItem().Name.ShouldBe("ACME GmbH");

        await after.Tasks.CompleteAsync((await after.SingleOpenTaskAsync(reloaded.ProcessInstanceId!.Value)).Id, CrmHost.User("anna"));
        (await after.Deals.GetAsync(dealId)).Stage.ShouldBe("negotiation");
    }
}
