using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Instructions;
using CrmBpm.Crm.Persistence;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing.Agreement;
using CrmBpm.Testing.CrmSuites;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.EntityFrameworkCore.Tests.CrashRounds;

/// <summary>
/// The checker the crash rounds rely on: silent while deals and instructions move with their processes, and naming the
/// record and what is wrong when a record was changed behind its process or never got one.
/// </summary>
public sealed class The_agreement_check_names_every_split : IAsyncLifetime
{
    private readonly SqliteTestFile _file = new();

    [Fact]
    public async Task Deals_and_instructions_moved_by_their_processes_agree()
    {
        await using var host = await HostAsync();
        var deal = await host.OpenDealAsync((await host.PartnerAsync()).Id, DealKind.ProcessControlled, "typical-sale");
        await host.Tasks.CompleteAsync((await host.SingleOpenTaskAsync(deal.ProcessInstanceId!.Value)).Id, CrmHost.User("anna"));
        await host.Instructions.GiveAsync(new GiveInstruction { Title = "Call back", AuthorId = "anna", PerformerId = "boris" });

        var report = await RootInstances.Agreement(host.Services).CheckAsync();

        report.Disagreements.ShouldBeEmpty();
        report.Deals.ShouldBe(1);
        report.Instructions.ShouldBe(1);
    }

    [Fact]
    public async Task A_deal_stage_changed_behind_its_process_is_a_split_naming_both_stages()
    {
        await using var host = await HostAsync();
        var deal = await host.OpenDealAsync((await host.PartnerAsync()).Id, DealKind.ProcessControlled, "typical-sale");
        await ExecuteAsync($"UPDATE crm_deals SET stage = 'negotiation'");

        var split = (await RootInstances.Agreement(host.Services).CheckAsync()).Splits.ShouldHaveSingleItem();

        split.Kind.ShouldBe(DisagreementKind.DealStageDiffers);
        split.Record.ShouldContain(deal.Id.ToString());
        split.Sentence.ShouldContain("'negotiation'");
        split.Sentence.ShouldContain("'qualification'");
    }

    [Fact]
    public async Task A_process_controlled_deal_whose_process_never_started_is_a_split()
    {
        await using var host = await HostAsync();
        var partner = await host.PartnerAsync();
        var store = host.Services.GetRequiredService<ICrmStore>();
        await using (var session = await store.OpenSessionAsync())
        {
            session.Deals.Add(new Deal(new DealDetails { Title = "Half opened" }, partner.Id, null, "anna", DealKind.ProcessControlled, "typical-sale", null, "anna", DateTimeOffset.UtcNow));
            await session.CommitAsync();
        }

        var report = await RootInstances.Agreement(host.Services).CheckAsync();

        report.Splits.ShouldHaveSingleItem().Kind.ShouldBe(DisagreementKind.RecordWithoutProcess);
    }

    [Fact]
    public async Task An_instruction_whose_state_was_changed_behind_its_process_is_a_split()
    {
        await using var host = await HostAsync();
        var instruction = await host.Instructions.GiveAsync(new GiveInstruction { Title = "Call back", AuthorId = "anna", PerformerId = "boris" });
        await ExecuteAsync($"UPDATE crm_instructions SET status = '{nameof(InstructionStatus.Verifying)}'");

        var split = (await RootInstances.Agreement(host.Services).CheckAsync()).Splits.ShouldHaveSingleItem();

        split.Kind.ShouldBe(DisagreementKind.InstructionStateDiffers);
        split.Record.ShouldContain(instruction.Id.ToString());
    }

    public Task InitializeAsync() => _file.CreateAsync();

    public async Task DisposeAsync() => await _file.DisposeAsync();

    private async Task<CrmHost> HostAsync()
    {
        var host = new CrmHost(_file);
        await host.Maps.DeployAsync(CrmHost.TypicalSale());
        return host;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(_file.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        (await command.ExecuteNonQueryAsync()).ShouldBe(1, sql);
    }
}
