using CrmBpm.Crm.Deals;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing.CrmSuites;

namespace CrmBpm.EntityFrameworkCore.Tests.Crm;

/// <summary>
/// A completed task and the deal stage it moves are one transaction (DESIGN §3): when the database refuses the deal's write,
/// the completion is not written either, so the deal and its process never disagree. Before, the CRM followed the engine in
/// a transaction of its own after the engine had committed, and a failure there left the process a stage ahead of its deal.
/// </summary>
public sealed class A_process_step_and_its_deal_commit_together : IAsyncLifetime
{
    private readonly SqliteTestFile _file = new();

    [Fact]
    public async Task A_deal_write_the_database_refuses_undoes_the_completion_that_moved_it()
    {
        await using var host = new CrmHost(_file);
        await host.Maps.DeployAsync(CrmHost.TypicalSale());
        var partner = await host.PartnerAsync();
        var deal = await host.OpenDealAsync(partner.Id, DealKind.ProcessControlled, "typical-sale");
        var qualify = await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value);

        // The database refuses to move any deal to Proposal, as a full disk or a constraint would.
        await ExecuteAsync("CREATE TRIGGER refuse_proposal BEFORE UPDATE ON crm_deals WHEN NEW.stage = 'proposal' BEGIN SELECT RAISE(ABORT, 'no room for the proposal'); END");
        await Should.ThrowAsync<Exception>(() => host.Tasks.CompleteAsync(qualify.Id, CrmHost.User("anna")));

        (await host.Tasks.GetAsync(qualify.Id)).Status.ShouldNotBe(WorkTaskStatus.Completed);
        (await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id.ShouldBe(qualify.Id);
        (await host.Engine.GetInstanceAsync(deal.ProcessInstanceId!.Value)).Tokens.ShouldHaveSingleItem().PointId.ShouldBe("qualify");
        (await host.Deals.GetAsync(deal.Id)).Stage.ShouldBe("qualification");

        // Once the database takes the write again, the same completion moves both.
        await ExecuteAsync("DROP TRIGGER refuse_proposal");
        await host.Tasks.CompleteAsync(qualify.Id, CrmHost.User("anna"));
        (await host.Engine.GetInstanceAsync(deal.ProcessInstanceId!.Value)).Tokens.ShouldHaveSingleItem().PointId.ShouldBe("propose");
        (await host.Deals.GetAsync(deal.Id)).Stage.ShouldBe("proposal");
    }

    public Task InitializeAsync() => _file.CreateAsync();

    public async Task DisposeAsync() => await _file.DisposeAsync();

    private Task ExecuteAsync(string sql) => _file.ExecuteAsync(sql);
}
