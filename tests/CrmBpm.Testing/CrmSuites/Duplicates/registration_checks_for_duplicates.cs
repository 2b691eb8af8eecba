using CrmBpm.Crm.Duplicates;
using CrmBpm.Crm.Leads;
using CrmBpm.Crm.Partners;

namespace CrmBpm.Testing.CrmSuites.Duplicates;

public abstract class registration_checks_for_duplicates : CrmScenario
{
    [Theory]
    [InlineData("ACME GmbH", "acme")]
    [InlineData("Acme", "acme")]
    [InlineData("A.C.M.E. Ltd.", "acme")]
    [InlineData("ООО «Ромашка»", "ромашка")]
    [InlineData("Müller & Söhne GmbH & Co. KG", "muller sohne")]
    public void company_names_are_compared_without_case_punctuation_and_legal_form(string name, string normalized) =>
        CompanyNames.Normalize(name).ShouldBe(normalized);

    [Fact]
    public async Task the_same_name_in_another_legal_form_is_reported_with_the_existing_partner()
    {
        await using var host = NewHost();
        var acme = await host.PartnerAsync("ACME GmbH");

        var error = await Should.ThrowAsync<DuplicateRecordException>(() => host.PartnerAsync("Acme"));

        error.Code.ShouldBe("duplicate.found");
        var match = error.Result.Matches.ShouldHaveSingleItem();
        (match.RecordType, match.RecordId, match.Field).ShouldBe(("partner", acme.Id, DuplicateField.Name));
        error.Message.ShouldContain("partner 'ACME GmbH' has the same name");
    }

    [Fact]
    public async Task the_same_tax_id_written_differently_is_reported_with_the_counterparty()
    {
        await using var host = NewHost();
        await host.PartnerAsync("Alpha AG", taxId: "DE 123 456 789");

        var error = await Should.ThrowAsync<DuplicateRecordException>(() => host.PartnerAsync("Beta GmbH", taxId: "de123456789"));

        var match = error.Result.Matches.ShouldHaveSingleItem();
        (match.RecordType, match.RecordName, match.Field, match.Value).ShouldBe(("counterparty", "Alpha AG", DuplicateField.TaxId, "DE123456789"));
    }

    [Fact]
    public async Task the_same_phone_in_another_notation_is_reported()
    {
        await using var host = NewHost();
        var alpha = await host.PartnerAsync("Alpha AG", phone: "+49 30 1234567");

        var result = await host.Partners.CheckDuplicatesAsync("Beta GmbH", null, "030 123 45 67", null);

        var match = result.Matches.ShouldHaveSingleItem();
        (match.RecordId, match.Field, match.Value).ShouldBe((alpha.Id, DuplicateField.Phone, "+49301234567"));
    }

    [Fact]
    public async Task the_same_email_in_another_case_is_reported_from_a_contact()
    {
        await using var host = NewHost();
        var alpha = await host.PartnerAsync("Alpha AG");
        var contact = await host.Partners.AddContactAsync(alpha.Id, new AddContact { Name = "Eva Klein", Email = "Eva.Klein@Alpha.de" });

        var error = await Should.ThrowAsync<DuplicateRecordException>(() => host.PartnerAsync("Beta GmbH", email: "eva.klein@alpha.DE"));

        var match = error.Result.Matches.ShouldHaveSingleItem();
        (match.RecordType, match.RecordId, match.Field).ShouldBe(("contact", contact.Id, DuplicateField.Email));
    }

    [Fact]
    public async Task a_lead_is_checked_against_partners_and_open_leads()
    {
        await using var host = NewHost();
        var acme = await host.PartnerAsync("ACME GmbH");
        var lead = await host.Leads.RegisterAsync(new RegisterLead { CompanyName = "Globex", Email = "info@globex.com", OwnerId = "anna" });

        var error = await Should.ThrowAsync<DuplicateRecordException>(() =>
            host.Leads.RegisterAsync(new RegisterLead { CompanyName = "Acme Inc.", Email = "INFO@globex.com", OwnerId = "boris" }));

        error.Result.Matches.Select(m => (m.RecordType, m.RecordId, m.Field)).ShouldBe(
            [("partner", acme.Id, DuplicateField.Name), ("lead", lead.Id, DuplicateField.Email)], ignoreOrder: true);
    }

    [Fact]
    public async Task a_duplicate_can_be_registered_on_purpose()
    {
        await using var host = NewHost();
        await host.PartnerAsync("ACME GmbH");

        var second = await host.Partners.RegisterAsync(new RegisterPartner { Name = "Acme", AllowDuplicates = true, RegisteredBy = "anna" });

        second.NormalizedName.ShouldBe("acme");
        (await host.Partners.ListAsync()).Count.ShouldBe(2);
    }
}
