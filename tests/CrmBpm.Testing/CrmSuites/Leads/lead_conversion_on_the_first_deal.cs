using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Duplicates;
using CrmBpm.Crm.Leads;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Testing.CrmSuites.Leads;

public abstract class lead_conversion_on_the_first_deal : CrmScenario
{
    private static Task<Lead> LeadAsync(CrmHost host, string company = "Initech") => host.Leads.RegisterAsync(new RegisterLead
    {
        CompanyName = company,
        ContactName = "Peter Gibbons",
        Phone = "0171 2345678",
        Email = "peter@initech.com",
        TaxId = "DE 999 888 777",
        AdChannel = "Web form",
        OwnerId = "anna",
    });

    private static Task<Deal> DealForLeadAsync(CrmHost host, Guid leadId, Guid? partnerId = null) => host.Deals.OpenAsync(new OpenDeal
    {
        Details = new DealDetails { Title = "TPS reports", PotentialAmount = 5000m },
        LeadId = leadId,
        PartnerId = partnerId,
        ManagerId = "anna",
        Kind = DealKind.NonProcess,
        OpenedBy = "anna",
    });

    [Fact]
    public async Task the_first_deal_creates_the_partner_counterparty_and_contact_from_the_lead()
    {
        await using var host = NewHost();
        var lead = await LeadAsync(host);
        lead.Phone.ShouldBe("+491712345678");

        var deal = await DealForLeadAsync(host, lead.Id);

        var converted = await host.Leads.GetAsync(lead.Id);
        converted.Status.ShouldBe(LeadStatus.Converted);
        converted.FirstDealId.ShouldBe(deal.Id);
        converted.PartnerId.ShouldBe(deal.PartnerId);
        var partner = await host.Partners.GetAsync(deal.PartnerId);
        (partner.Name, partner.Phone, partner.Email, partner.SourceLeadId).ShouldBe(("Initech", "+491712345678", "peter@initech.com", (Guid?)lead.Id));
        var contact = (await host.Partners.ContactsAsync(partner.Id)).ShouldHaveSingleItem();
        (contact.Id, contact.Name).ShouldBe((deal.ContactId!.Value, "Peter Gibbons"));
        (await host.Partners.CounterpartiesAsync(partner.Id)).ShouldHaveSingleItem().TaxId.ShouldBe("DE999888777");
        deal.LeadId.ShouldBe(lead.Id);
    }

    [Fact]
    public async Task later_deals_of_a_converted_lead_go_to_the_same_partner()
    {
        await using var host = NewHost();
        var lead = await LeadAsync(host);
        var first = await DealForLeadAsync(host, lead.Id);

        var second = await DealForLeadAsync(host, lead.Id);

        second.PartnerId.ShouldBe(first.PartnerId);
        (await host.Partners.ListAsync()).ShouldHaveSingleItem();
        (await host.Leads.GetAsync(lead.Id)).FirstDealId.ShouldBe(first.Id);
    }

    [Fact]
    public async Task conversion_refuses_to_create_a_duplicate_partner_and_can_attach_the_lead_to_the_existing_one()
    {
        await using var host = NewHost();
        var lead = await LeadAsync(host);
        var existing = await host.Partners.RegisterAsync(new CrmBpm.Crm.Partners.RegisterPartner { Name = "Initech LLC", AllowDuplicates = true, RegisteredBy = "boris" });

        var error = await Should.ThrowAsync<DuplicateRecordException>(() => DealForLeadAsync(host, lead.Id));
        var deal = await DealForLeadAsync(host, lead.Id, existing.Id);

        error.Result.Matches.ShouldHaveSingleItem().RecordId.ShouldBe(existing.Id);
        (await host.Leads.GetAsync(lead.Id)).Status.ShouldBe(LeadStatus.Converted);
        deal.PartnerId.ShouldBe(existing.Id);
        (await host.Partners.ListAsync()).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task a_discarded_lead_gets_no_deal()
    {
        await using var host = NewHost();
        var lead = await LeadAsync(host);
        await host.Leads.DiscardAsync(lead.Id, "Student project");

        var error = await Should.ThrowAsync<ConflictException>(() => DealForLeadAsync(host, lead.Id));

        error.Code.ShouldBe("lead.discarded");
        (await host.Deals.ListAsync()).ShouldBeEmpty();
    }
}
