using System.Globalization;
using CrmBpm.Crm.DependencyInjection;
using CrmBpm.Crm.Partners;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Server.Components.Pages.Partners;
using CrmBpm.Server.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Partners;

/// <summary>
/// The partner edit form on a real in-memory CRM: phone rows are added and saved as E.164, a bad row shows the CRM's
/// message at that row, a save on an outdated copy is refused with an offer to reload, and the change log lists the edit.
/// </summary>
public sealed class EditingAPartner : BunitContext
{
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public EditingAPartner()
    {
        Services.AddLocalization();
        Services.AddUserTime();
        Services.AddCrmBpm(bpm => bpm.UseInMemoryStore().AddCrm(crm => crm.UseInMemoryStore().Configure(o => o.DefaultPhoneCountry = "DE")));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    private PartnerService Partners => Services.GetRequiredService<PartnerService>();

    private IRenderedComponent<PartnerEditForm> RenderForm(Partner partner, Action<Partner>? saved = null) =>
        Render<PartnerEditForm>(p => p
            .Add(f => f.Partner, partner)
            .Add(f => f.UserId, "anna")
            .Add(f => f.OnSaved, EventCallback.Factory.Create<Partner>(this, s => saved?.Invoke(s))));

    [Fact]
    public async Task A_second_phone_is_saved_in_e164_and_the_saved_partner_is_reported()
    {
        var partner = await Partners.RegisterAsync(new RegisterPartner { Name = "Nordwind", Phone = "030 1234567", RegisteredBy = "boris" });
        Partner? reported = null;
        var form = RenderForm(partner, s => reported = s);

        form.Find("[data-testid=edit-partner-add-phone]").Click();
        form.Find("#edit-partner-phone-kind-1").Change(PhoneKind.Mobile.ToString());
        form.Find("#edit-partner-phone-1").Change("0171 2345678");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => reported.ShouldNotBeNull());
        reported!.Phones.ShouldBe([new ContactPhone(PhoneKind.Work, "+49301234567"), new ContactPhone(PhoneKind.Mobile, "+491712345678")]);
        (await Partners.GetAsync(partner.Id)).ChangeLog.ShouldHaveSingleItem().Field.ShouldBe("Phones");
    }

    [Fact]
    public async Task A_bad_phone_shows_the_crms_message_at_its_row_and_keeps_the_input()
    {
        var partner = await Partners.RegisterAsync(new RegisterPartner { Name = "Baltic Amber", RegisteredBy = "boris" });
        var form = RenderForm(partner);

        form.Find("[data-testid=edit-partner-add-phone]").Click();
        form.Find("#edit-partner-phone-0").Change("030 12ab");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => form.Find("#edit-partner-phone-0-problem").TextContent.ShouldNotBeNullOrWhiteSpace());
        form.Find("#edit-partner-phone-0").GetAttribute("aria-invalid").ShouldBe("true");
        form.Find("#edit-partner-phone-0").GetAttribute("value").ShouldBe("030 12ab");
        (await Partners.GetAsync(partner.Id)).ChangeLog.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_save_on_an_outdated_copy_is_refused_naming_the_partner_and_offers_to_reload()
    {
        var partner = await Partners.RegisterAsync(new RegisterPartner { Name = "Helios", RegisteredBy = "boris" });
        var form = RenderForm(partner);
        await Partners.EditAsync(partner.Id, new EditPartner { Name = "Helios Energie", EditedBy = "boris", ExpectedVersion = partner.Version });

        form.Find("#edit-partner-name").Change("Helios Solar");
        await form.Find("form").SubmitAsync();

        var error = form.WaitForElement("[data-testid=edit-partner-error]");
        error.TextContent.ShouldContain("partner 'Helios Energie' was changed by someone else");
        form.Find("[data-testid=edit-partner-reload]").Click();
        form.WaitForAssertion(() => form.Find("#edit-partner-name").GetAttribute("value").ShouldBe("Helios Energie"));
        (await Partners.GetAsync(partner.Id)).Name.ShouldBe("Helios Energie");
    }

    [Fact]
    public async Task The_change_log_lists_the_newest_change_first_with_before_and_after()
    {
        var partner = await Partners.RegisterAsync(new RegisterPartner { Name = "Helios", RegisteredBy = "boris" });
        partner = await Partners.EditAsync(partner.Id, new EditPartner { Name = "Helios Energie", EditedBy = "boris", ExpectedVersion = partner.Version });
        partner = await Partners.EditAsync(partner.Id, new EditPartner { Name = "Helios Solar", EditedBy = "anna", ExpectedVersion = partner.Version });

        var log = Render<ChangeLogTable>(p => p.Add(t => t.Changes, partner.ChangeLog));

        var rows = log.FindAll("[data-testid=change-log] tbody tr");
        rows.Count.ShouldBe(2);
        rows[0].QuerySelector(".before")!.TextContent.ShouldBe("Helios Energie");
        rows[0].QuerySelector(".after")!.TextContent.ShouldBe("Helios Solar");
        rows[0].TextContent.ShouldContain("anna");
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentUICulture = _culture;
        base.Dispose(disposing);
    }
}
