using CrmBpm.Crm.DependencyInjection;
using CrmBpm.Crm.Partners;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Server.Components.Pages.Partners;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Partners;

/// <summary>
/// The registration form on a real in-memory CRM: the duplicate check's refusal keeps everything typed and names the
/// colliding partner; a bad phone number shows the CRM's message at the phone field.
/// </summary>
public sealed class RegisteringAPartner : BunitContext
{
    public RegisteringAPartner()
    {
        Services.AddLocalization();
        Services.AddUserTime();
        Services.AddCrmBpm(bpm => bpm.UseInMemoryStore().AddCrm(crm => crm.UseInMemoryStore().Configure(o => o.DefaultPhoneCountry = "DE")));
        AddAuthorization().SetAuthorized("anna").SetRoles("Manager");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private PartnerService Partners => Services.GetRequiredService<PartnerService>();

    [Fact]
    public async Task A_tax_id_already_registered_shows_the_existing_partner_and_keeps_the_input()
    {
        var existing = await Partners.RegisterAsync(new RegisterPartner { Name = "Nordwind Logistik", TaxId = "DE 123 456 789", RegisteredBy = "boris" });
        var form = Render<PartnerRegistration>();

        form.Find("#partner-name").Change("Nordwind Transport");
        form.Find("#partner-phone").Change("030 7654321");
        form.Find("#partner-tax-id").Change("DE123456789");
        await form.Find("form").SubmitAsync();

        var match = form.WaitForElement("[data-testid=duplicate-match]");
        match.TextContent.ShouldContain("has the same tax id DE123456789");
        match.QuerySelector("a")!.GetAttribute("href").ShouldBe($"partners/{existing.Id}");
        form.Find("#partner-name").GetAttribute("value").ShouldBe("Nordwind Transport");
        form.Find("#partner-phone").GetAttribute("value").ShouldBe("030 7654321");
        form.Find("#partner-tax-id").GetAttribute("value").ShouldBe("DE123456789");
        (await Partners.SearchAsync("Nordwind Transport")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Registering_anyway_keeps_both_and_opens_the_new_card()
    {
        await Partners.RegisterAsync(new RegisterPartner { Name = "Helios", Email = "info@helios.example", RegisteredBy = "boris" });
        var form = Render<PartnerRegistration>();
        form.Find("#partner-name").Change("Helios Energie");
        form.Find("#partner-email").Change("INFO@helios.example");
        await form.Find("form").SubmitAsync();

        form.WaitForElement("[data-testid=duplicate-match]").TextContent.ShouldContain("has the same e-mail info@helios.example");
        form.Find("button.anyway").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        form.WaitForAssertion(() => navigation.Uri.ShouldContain("/partners/"));
        var created = (await Partners.SearchAsync("Helios Energie")).ShouldHaveSingleItem();
        created.CreatedBy.ShouldBe("anna");
        navigation.Uri.ShouldEndWith($"partners/{created.Id}");
    }

    [Fact]
    public void The_prerendered_form_takes_no_input_until_the_circuit_is_up()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        Render<PartnerRegistration>().Find("fieldset.live").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task A_bad_phone_number_shows_the_crms_message_at_the_phone_field()
    {
        var form = Render<PartnerRegistration>();
        form.Find("#partner-name").Change("Baltic Amber");
        form.Find("#partner-phone").Change("030 12ab");
        await form.Find("form").SubmitAsync();

        form.Find("#partner-phone-problem").TextContent.ShouldContain("contains 'a'");
        form.Find("#partner-phone").GetAttribute("aria-invalid").ShouldBe("true");
        form.Find("#partner-name").GetAttribute("value").ShouldBe("Baltic Amber");
        form.FindAll("[data-testid=duplicate-warning]").ShouldBeEmpty();
    }
}
