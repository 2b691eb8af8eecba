using CrmBpm.Crm.Interactions;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Testing.CrmSuites.Interactions;

public abstract class interactions_form_chains_by_subject : CrmScenario
{
    [Fact]
    public async Task interactions_about_a_deal_are_listed_as_a_chain_and_in_the_calendar()
    {
        await using var host = NewHost();
        var partner = await host.PartnerAsync();
        var deal = new SubjectReference("deal", Guid.NewGuid().ToString());
        var now = host.Clock.GetUtcNow();
        var call = await host.Interactions.RecordAsync(InteractionKind.Call, "First call", "Interested in 50 licences", partner.Id, null, deal, "anna", now);
        await host.Interactions.RecordAsync(InteractionKind.Email, "Offer sent", null, partner.Id, null, deal, "anna", now.AddHours(2), call.Id);
        await host.Interactions.RecordAsync(InteractionKind.PlannedInteraction, "Follow up", null, partner.Id, null, deal, "anna", now.AddDays(3));
        await host.Interactions.RecordAsync(InteractionKind.Meeting, "Unrelated", null, partner.Id, null, null, "boris", now.AddHours(1));

        var chain = await host.Interactions.ChainAsync(deal);
        var today = await host.Interactions.CalendarAsync(now, now.AddDays(1), "anna");

        chain.Select(i => i.Kind).ShouldBe([InteractionKind.Call, InteractionKind.Email, InteractionKind.PlannedInteraction]);
        chain[1].PreviousId.ShouldBe(call.Id);
        today.Select(i => i.Topic).ShouldBe(["First call", "Offer sent"]);
    }
}
