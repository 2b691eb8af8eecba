using System.Globalization;
using CrmBpm.Crm.DependencyInjection;
using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Partners;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Server.Components.Pages.Deals;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Deals;

/// <summary>
/// The deal edit form on a real in-memory CRM: a saved correction is reported and logged; a save on a deal someone
/// changed meanwhile is refused naming the deal and the change, and nothing is overwritten.
/// </summary>
public sealed class EditingADeal : BunitContext
{
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public EditingADeal()
    {
        Services.AddLocalization();
        Services.AddUserTime();
        Services.AddCrmBpm(bpm => bpm.UseInMemoryStore().AddCrm(crm => crm.UseInMemoryStore()));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    private DealService Deals => Services.GetRequiredService<DealService>();

    private async Task<Deal> OpenAsync()
    {
        var partner = await Services.GetRequiredService<PartnerService>().RegisterAsync(new RegisterPartner { Name = "Nordwind", RegisteredBy = "anna" });
        return await Deals.OpenAsync(new OpenDeal
        {
            Details = new DealDetails { Title = "Fleet tablets", PotentialAmount = 5_000m }, PartnerId = partner.Id, ManagerId = "anna", OpenedBy = "anna",
            Kind = DealKind.NonProcess,
        });
    }

    private IRenderedComponent<DealEditForm> RenderForm(Deal deal, Action<Deal>? changed = null) =>
        Render<DealEditForm>(p => p
            .Add(f => f.Deal, deal)
            .Add(f => f.UserId, "anna")
            .Add(f => f.Changed, EventCallback.Factory.Create<Deal>(this, d => changed?.Invoke(d))));

    [Fact]
    public async Task A_correction_is_saved_logged_and_reported()
    {
        var deal = await OpenAsync();
        Deal? reported = null;
        var form = RenderForm(deal, d => reported = d);

        form.Find("#edit-deal-amount").Change("7500");
        form.Find("#edit-deal-close").Change("2026-12-20");
        form.Find("#edit-deal-description").Change("30 rugged tablets");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => reported.ShouldNotBeNull());
        (reported!.PotentialAmount, reported.ExpectedCloseDate, reported.Description).ShouldBe((7_500m, (DateOnly?)new DateOnly(2026, 12, 20), "30 rugged tablets"));
        reported.ChangeLog.Select(c => c.Field).ShouldBe(["PotentialAmount", "ExpectedCloseDate", "Description"]);
    }

    [Fact]
    public async Task A_save_on_a_deal_changed_meanwhile_is_refused_and_overwrites_nothing()
    {
        var deal = await OpenAsync();
        var form = RenderForm(deal);
        await Deals.EditAsync(deal.Id, deal.CurrentDetails with { PotentialAmount = 9_000m }, "boris", deal.Version);

        form.Find("#edit-deal-amount").Change("6000");
        await form.Find("form").SubmitAsync();

        var error = form.WaitForElement("[data-testid=edit-deal-error]");
        error.TextContent.ShouldContain("deal 'Fleet tablets' was changed by someone else");
        error.TextContent.ShouldContain("PotentialAmount by boris");
        form.Find("[data-testid=edit-deal-reload]").ShouldNotBeNull();
        (await Deals.GetAsync(deal.Id)).PotentialAmount.ShouldBe(9_000m);
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentUICulture = _culture;
        base.Dispose(disposing);
    }
}
