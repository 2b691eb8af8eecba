using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Instructions;
using CrmBpm.Crm.Leads;
using CrmBpm.Engine.Runtime;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing.CrmSuites;

namespace CrmBpm.EntityFrameworkCore.Tests.Crm;

/// <summary>
/// A record and the process started or stopped for it are one transaction (DESIGN §3): opening a process-controlled
/// deal, putting a deal under a process, giving an instruction and registering a claim write the record inside the
/// process's start command, and releasing a deal from its process writes it inside the termination. When the database
/// refuses the engine's write, the record is not written either. Before, the record was committed first and the engine
/// called in a second transaction, so a crash (or a refused write) in between left a deal, instruction or claim without
/// its process, or a released deal whose process still ran.
/// </summary>
public sealed class A_record_and_the_process_started_for_it_commit_together : IAsyncLifetime
{
    private const string RefuseStarts = "CREATE TRIGGER refuse_starts BEFORE INSERT ON instances BEGIN SELECT RAISE(ABORT, 'no room for a new process'); END";
    private readonly SqliteTestFile _file = new();

    [Fact]
    public async Task A_process_controlled_deal_whose_process_cannot_start_is_not_opened()
    {
        await using var host = await HostAsync();
        var partner = await host.PartnerAsync();
        await ExecuteAsync(RefuseStarts);

        await Should.ThrowAsync<Exception>(() => host.OpenDealAsync(partner.Id, DealKind.ProcessControlled, "typical-sale"));

        (await host.Deals.ListAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_lead_is_not_converted_by_a_deal_whose_process_cannot_start()
    {
        await using var host = await HostAsync();
        var lead = await host.Leads.RegisterAsync(new RegisterLead { CompanyName = "Nordwind AG", ContactName = "Eva Berg", OwnerId = "anna" });
        await ExecuteAsync(RefuseStarts);

        await Should.ThrowAsync<Exception>(() => host.Deals.OpenAsync(new OpenDeal
        {
            Details = new DealDetails { Title = "Pilot" }, LeadId = lead.Id, ManagerId = "anna", Kind = DealKind.ProcessControlled,
            RouteMapKey = "typical-sale", OpenedBy = "anna",
        }));

        (await host.Deals.ListAsync()).ShouldBeEmpty();
        (await host.Leads.GetAsync(lead.Id)).Status.ShouldBe(LeadStatus.Open);
        (await host.Partners.ListAsync()).ShouldNotContain(p => p.Name == "Nordwind AG");
    }

    [Fact]
    public async Task A_lead_converted_by_a_process_controlled_deal_commits_with_its_process()
    {
        await using var host = await HostAsync();
        var lead = await host.Leads.RegisterAsync(new RegisterLead { CompanyName = "Nordwind AG", ContactName = "Eva Berg", OwnerId = "anna" });

        var deal = await host.Deals.OpenAsync(new OpenDeal
        {
            Details = new DealDetails { Title = "Pilot" }, LeadId = lead.Id, ManagerId = "anna", Kind = DealKind.ProcessControlled,
            RouteMapKey = "typical-sale", OpenedBy = "anna",
        });

        deal.ProcessInstanceId.ShouldNotBeNull();
        deal.Stage.ShouldBe("qualification");
        var converted = await host.Leads.GetAsync(lead.Id);
        converted.Status.ShouldBe(LeadStatus.Converted);
        converted.PartnerId.ShouldBe(deal.PartnerId);
        converted.FirstDealId.ShouldBe(deal.Id);
        (await host.Engine.GetInstanceAsync(deal.ProcessInstanceId!.Value)).Variables["partnerId"].GetString().ShouldBe(deal.PartnerId.ToString());
    }

    [Fact]
    public async Task A_deal_stays_manual_when_the_process_it_is_put_under_cannot_start()
    {
        await using var host = await HostAsync();
        var partner = await host.PartnerAsync();
        var deal = await host.OpenDealAsync(partner.Id, DealKind.ManualStages);
        await ExecuteAsync(RefuseStarts);

        await Should.ThrowAsync<Exception>(() => host.Deals.ChangeKindAsync(deal.Id, DealKind.ProcessControlled, "typical-sale", "anna"));

        var unchanged = await host.Deals.GetAsync(deal.Id);
        unchanged.Kind.ShouldBe(DealKind.ManualStages);
        unchanged.RouteMapKey.ShouldBeNull();
    }

    [Fact]
    public async Task A_deal_stays_under_its_process_when_the_process_cannot_be_terminated()
    {
        await using var host = await HostAsync();
        var partner = await host.PartnerAsync();
        var deal = await host.OpenDealAsync(partner.Id, DealKind.ProcessControlled, "typical-sale");
        await ExecuteAsync("CREATE TRIGGER refuse_termination BEFORE UPDATE ON instances WHEN NEW.status = 'Terminated' BEGIN SELECT RAISE(ABORT, 'no room'); END");

        await Should.ThrowAsync<Exception>(() => host.Deals.ChangeKindAsync(deal.Id, DealKind.ManualStages, null, "anna"));

        var unchanged = await host.Deals.GetAsync(deal.Id);
        unchanged.Kind.ShouldBe(DealKind.ProcessControlled);
        unchanged.ProcessInstanceId.ShouldBe(deal.ProcessInstanceId);
        (await host.Engine.GetInstanceAsync(deal.ProcessInstanceId!.Value)).Status.ShouldBe(InstanceStatus.Active);

        await ExecuteAsync("DROP TRIGGER refuse_termination");
        var released = await host.Deals.ChangeKindAsync(deal.Id, DealKind.ManualStages, null, "anna");
        released.Kind.ShouldBe(DealKind.ManualStages);
        released.Stage.ShouldBe("qualification");
        (await host.Engine.GetInstanceAsync(deal.ProcessInstanceId!.Value)).Status.ShouldBe(InstanceStatus.Terminated);
    }

    [Fact]
    public async Task An_instruction_whose_process_cannot_start_is_not_given()
    {
        await using var host = await HostAsync();
        await ExecuteAsync(RefuseStarts);

        await Should.ThrowAsync<Exception>(() => host.Instructions.GiveAsync(new GiveInstruction { Title = "Call back", AuthorId = "anna", PerformerId = "boris" }));

        await ExecuteAsync("DROP TRIGGER refuse_starts");
        (await CountAsync("crm_instructions")).ShouldBe(0);
    }

    [Fact]
    public async Task A_claim_whose_handling_cannot_start_is_not_registered()
    {
        await using var host = await HostAsync();
        var partner = await host.PartnerAsync();
        await host.Claims.EnsureMapsDeployedAsync();
        await ExecuteAsync(RefuseStarts);

        await Should.ThrowAsync<Exception>(() => host.Claims.RegisterAsync(new RegisterClaim
        {
            PartnerId = partner.Id, Reason = "Delivery delay", ResponsibleId = "anna", Description = "Late again", RegisteredBy = "anna",
            Plan = [new PlanItemRequest("Call the customer", "anna", DateTimeOffset.UtcNow.AddDays(2))],
        }));

        (await CountAsync("crm_claims")).ShouldBe(0);
    }

    public Task InitializeAsync() => _file.CreateAsync();

    public async Task DisposeAsync() => await _file.DisposeAsync();

    private async Task<CrmHost> HostAsync()
    {
        var host = new CrmHost(_file);
        await host.Maps.DeployAsync(CrmHost.TypicalSale());
        await host.Instructions.EnsureMapDeployedAsync();
        return host;
    }

    private Task<long> CountAsync(string table) => _file.ScalarAsync($"SELECT COUNT(*) FROM {table}");

    private Task ExecuteAsync(string sql) => _file.ExecuteAsync(sql);
}
