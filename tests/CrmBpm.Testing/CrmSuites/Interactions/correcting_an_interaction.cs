using CrmBpm.Crm.Common;
using CrmBpm.Crm.Interactions;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Testing.CrmSuites.Interactions;

public abstract class correcting_an_interaction : CrmScenario
{
    [Fact]
    public async Task an_interaction_is_corrected_and_the_change_logged()
    {
        var host = NewHost();
        var at = new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);
        var call = await host.Interactions.RecordAsync(InteractionKind.Call, "Price", "Asked for 10 %", null, null, new SubjectReference("deal", Guid.NewGuid().ToString()), "anna", at);

        await host.Interactions.EditAsync(call.Id, InteractionKind.Meeting, "Price", "Agreed on 7 %", at.AddHours(1), "anna", call.Version);

        var stored = await host.Interactions.GetAsync(call.Id);
        (stored.Kind, stored.Content, stored.At).ShouldBe((InteractionKind.Meeting, "Agreed on 7 %", at.AddHours(1)));
        stored.ChangeLog.Select(c => (c.Field, c.Before, c.After)).ShouldBe(
            [("Kind", "Call", "Meeting"), ("Content", "Asked for 10 %", "Agreed on 7 %"), ("At", "2026-11-03 10:00 +00:00", "2026-11-03 11:00 +00:00")]);
        await Should.ThrowAsync<StaleRecordException>(() => host.Interactions.EditAsync(call.Id, InteractionKind.Call, "Price", null, at, "boris", call.Version));
    }
}
