using CrmBpm.Crm.Common;
using CrmBpm.Crm.Duplicates;
using CrmBpm.Crm.Partners;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Testing.CrmSuites.Partners;

public abstract class correcting_partners_and_contacts : CrmScenario
{
    private static EditPartner EditOf(Partner partner, ContactChannels channels, string? name = null) => new()
    {
        Name = name ?? partner.Name, Kind = partner.Kind, Relations = partner.Relations, HoldingId = partner.HoldingId,
        Channels = channels, ExpectedVersion = partner.Version, EditedBy = "boris",
    };

    [Fact]
    public async Task a_partner_keeps_several_phones_emails_and_addresses_each_with_a_kind_and_phones_in_e164()
    {
        var host = NewHost();
        var partner = await host.PartnerAsync(phone: "+49 30 1234567", email: "info@acme.example");

        await host.Partners.EditAsync(partner.Id, EditOf(partner, new ContactChannels
        {
            Phones = [new(PhoneKind.Work, "030 1234567"), new(PhoneKind.Mobile, "0171 2345678")],
            Emails = [new(EmailKind.Work, "sales@acme.example"), new(EmailKind.Billing, "invoices@acme.example")],
            Addresses = [new(AddressKind.Legal, "Hauptstr. 1, 10115 Berlin"), new(AddressKind.Delivery, "Lager 7, 14469 Potsdam")],
        }, name: "ACME Europe GmbH"));

        var stored = await host.Partners.GetAsync(partner.Id);
        stored.Phones.ShouldBe([new ContactPhone(PhoneKind.Work, "+49301234567"), new ContactPhone(PhoneKind.Mobile, "+491712345678")]);
        stored.Emails.Select(e => (e.Kind, e.Address)).ShouldBe([(EmailKind.Work, "sales@acme.example"), (EmailKind.Billing, "invoices@acme.example")]);
        stored.Addresses.Select(a => a.Kind).ShouldBe([AddressKind.Legal, AddressKind.Delivery]);
        (stored.Name, stored.Phone, stored.Email).ShouldBe(("ACME Europe GmbH", "+49301234567", "sales@acme.example"));
        stored.ChangeLog.Select(c => c.Field).ShouldBe(["Name", "Phones", "Emails", "Addresses"]);
        stored.ChangeLog[0].ShouldBe(new FieldChange("Name", "ACME GmbH", "ACME Europe GmbH", "boris", host.Clock.GetUtcNow()));
        stored.ChangeLog[1].Before.ShouldBe("Work: +49301234567");
        stored.ChangeLog[1].After.ShouldBe("Work: +49301234567; Mobile: +491712345678");
    }

    [Fact]
    public async Task a_bad_phone_is_refused_naming_its_line()
    {
        var host = NewHost();
        var partner = await host.PartnerAsync();

        var error = await Should.ThrowAsync<InputException>(() => host.Partners.EditAsync(partner.Id, EditOf(partner, new ContactChannels
        {
            Phones = [new(PhoneKind.Work, "030 1234567"), new(PhoneKind.Fax, "12")],
            Emails = [new(EmailKind.Work, "not-an-address")],
        })));

        error.Problems.Select(p => p.Field).ShouldBe(["phones[1].number", "emails[0].address"]);
        (await host.Partners.GetAsync(partner.Id)).ChangeLog.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_new_phone_of_another_partner_is_refused_as_a_duplicate_unless_allowed()
    {
        var host = NewHost();
        var other = await host.PartnerAsync("Initech", phone: "+49 40 555000");
        var partner = await host.PartnerAsync();
        var channels = new ContactChannels { Phones = [new(PhoneKind.Work, "040 555000")] };

        var error = await Should.ThrowAsync<DuplicateRecordException>(() => host.Partners.EditAsync(partner.Id, EditOf(partner, channels)));

        error.Result.Matches.ShouldHaveSingleItem().ShouldBe(new DuplicateMatch("partner", other.Id, "Initech", DuplicateField.Phone, "+4940555000", other.Id));
        await host.Partners.EditAsync(partner.Id, EditOf(partner, channels) with { AllowDuplicates = true });
        (await host.Partners.GetAsync(partner.Id)).Phone.ShouldBe("+4940555000");
    }

    [Fact]
    public async Task the_duplicate_check_on_an_edit_leaves_out_the_record_itself_and_its_own_contacts()
    {
        var host = NewHost();
        var partner = await host.PartnerAsync(phone: "+49 30 1234567", email: "info@acme.example");
        await host.Partners.AddContactAsync(partner.Id, new AddContact { Name = "Jane Roe", Phone = "+49 30 7654321", AllowDuplicates = true });

        await host.Partners.EditAsync(partner.Id, EditOf(partner, new ContactChannels
        {
            Phones = [new(PhoneKind.Work, "+49 30 1234567"), new(PhoneKind.Other, "+49 30 7654321")],
            Emails = [new(EmailKind.Work, "INFO@acme.example")],
        }, name: "Acme"));

        (await host.Partners.GetAsync(partner.Id)).Phones.Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_partner_edited_meanwhile_refuses_the_stale_edit()
    {
        var host = NewHost();
        var partner = await host.PartnerAsync();
        await host.Partners.EditAsync(partner.Id, EditOf(partner, new ContactChannels(), name: "ACME One"));

        var error = await Should.ThrowAsync<StaleRecordException>(() => host.Partners.EditAsync(partner.Id, EditOf(partner, new ContactChannels(), name: "ACME Two")));

        (error.RecordType, error.RecordId, error.CurrentVersion).ShouldBe(("partner", partner.Id, partner.Version + 1));
        (await host.Partners.GetAsync(partner.Id)).Name.ShouldBe("ACME One");
    }

    [Fact]
    public async Task a_contact_is_corrected_with_its_channels_and_checked_against_other_records()
    {
        var host = NewHost();
        var other = await host.PartnerAsync("Initech", email: "bob@initech.example");
        var partner = await host.PartnerAsync();
        var contact = await host.Partners.AddContactAsync(partner.Id, new AddContact { Name = "Jane Roe", Phone = "+49 30 7654321" });
        var edit = new EditContact
        {
            Name = "Jane Doe", Position = "Head of purchasing", ExpectedVersion = contact.Version, EditedBy = "anna",
            Channels = new ContactChannels
            {
                Phones = [new(PhoneKind.Mobile, "0171 9999999")],
                Emails = [new(EmailKind.Work, "bob@initech.example")],
                Addresses = [new(AddressKind.Home, "Am See 3, Potsdam")],
            },
        };

        var error = await Should.ThrowAsync<DuplicateRecordException>(() => host.Partners.EditContactAsync(contact.Id, edit));
        error.Result.Matches.ShouldHaveSingleItem().RecordId.ShouldBe(other.Id);
        await host.Partners.EditContactAsync(contact.Id, edit with { Channels = edit.Channels with { Emails = [new(EmailKind.Work, "jane@acme.example")] } });

        var stored = await host.Partners.GetContactAsync(contact.Id);
        (stored.Name, stored.Position, stored.Phone, stored.Email).ShouldBe(("Jane Doe", "Head of purchasing", "+491719999999", "jane@acme.example"));
        stored.Addresses.ShouldHaveSingleItem().ShouldBe(new ContactAddress(AddressKind.Home, "Am See 3, Potsdam"));
        stored.ChangeLog.Select(c => (c.Field, c.By)).ShouldBe([("Name", "anna"), ("Position", "anna"), ("Phones", "anna"), ("Emails", "anna"), ("Addresses", "anna")]);
    }

    [Fact]
    public async Task every_listed_phone_counts_in_the_duplicate_check_of_a_registration()
    {
        var host = NewHost();
        var partner = await host.PartnerAsync();
        await host.Partners.EditAsync(partner.Id, EditOf(partner, new ContactChannels { Phones = [new(PhoneKind.Work, "030 1111111"), new(PhoneKind.Mobile, "0171 2222222")] }));

        var result = await host.Partners.CheckDuplicatesAsync(null, null, "+49 171 2222222", null);

        result.Matches.ShouldHaveSingleItem().RecordId.ShouldBe(partner.Id);
    }
}
