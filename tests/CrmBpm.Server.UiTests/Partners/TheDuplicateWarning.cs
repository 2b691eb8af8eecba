using CrmBpm.Crm.Duplicates;
using CrmBpm.Server.Components.Pages.Partners;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Partners;

/// <summary>The duplicate warning names every colliding record and what it shares, and links to where it is read.</summary>
public sealed class TheDuplicateWarning : BunitContext
{
    private static readonly Guid Nordwind = Guid.NewGuid();
    private static readonly Guid NordwindGmbh = Guid.NewGuid();
    private static readonly Guid HeliosLead = Guid.NewGuid();

    public TheDuplicateWarning() => Services.AddLocalization();

    [Fact]
    public void Lists_each_collision_with_its_field_and_links_to_the_partner_or_the_lead()
    {
        var warning = Render<DuplicateWarning>(p => p.Add(w => w.Matches, [
            new DuplicateMatch("partner", Nordwind, "Nordwind", DuplicateField.Name, "Nordwind", Nordwind),
            new DuplicateMatch("counterparty", NordwindGmbh, "Nordwind GmbH", DuplicateField.TaxId, "DE123456789", Nordwind),
            new DuplicateMatch("lead", HeliosLead, "Helios Solar", DuplicateField.Phone, "+49897654321"),
        ]));

        var items = warning.FindAll("[data-testid=duplicate-match]");
        items.Count.ShouldBe(3);
        items[0].TextContent.ShouldContain("Partner");
        items[0].TextContent.ShouldContain("has the same name (Nordwind)");
        items[1].TextContent.ShouldContain("Counterparty");
        items[1].TextContent.ShouldContain("has the same tax id DE123456789");
        items[1].QuerySelector("a")!.GetAttribute("href").ShouldBe($"partners/{Nordwind}");
        items[2].TextContent.ShouldContain("has the same phone +49897654321");
        items[2].QuerySelector("a")!.GetAttribute("href").ShouldBe($"leads/{HeliosLead}");
    }

    [Fact]
    public void Offers_to_open_the_existing_record_when_every_collision_is_the_same_partner()
    {
        var warning = Render<DuplicateWarning>(p => p.Add(w => w.Matches, [
            new DuplicateMatch("partner", Nordwind, "Nordwind", DuplicateField.Name, "Nordwind", Nordwind),
            new DuplicateMatch("counterparty", NordwindGmbh, "Nordwind GmbH", DuplicateField.TaxId, "DE123456789", Nordwind),
        ]));

        warning.Find("a.open").GetAttribute("href").ShouldBe($"partners/{Nordwind}");
        warning.FindAll("button").ShouldBeEmpty();
    }

    [Fact]
    public void Registers_anyway_only_through_the_callback_it_is_given()
    {
        var confirmed = false;
        var warning = Render<DuplicateWarning>(p => p
            .Add(w => w.Matches, [new DuplicateMatch("lead", HeliosLead, "Helios Solar", DuplicateField.Email, "a@b.example")])
            .Add(w => w.ConfirmText, "Register anyway")
            .Add(w => w.OnConfirm, EventCallback.Factory.Create(this, () => confirmed = true)));

        warning.Find("button.anyway").TextContent.ShouldBe("Register anyway");
        warning.Find("button.anyway").Click();

        confirmed.ShouldBeTrue();
    }
}
