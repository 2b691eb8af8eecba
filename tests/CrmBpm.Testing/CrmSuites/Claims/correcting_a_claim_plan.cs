using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Common;
using CrmBpm.Crm.Partners;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Testing.CrmSuites.Claims;

public abstract class correcting_a_claim_plan : CrmScenario
{
    private static readonly DateTimeOffset Due = new(2026, 11, 10, 17, 0, 0, TimeSpan.Zero);

    private async Task<(CrmHost Host, Claim Claim)> RegisterAsync(params PlanItemRequest[] plan)
    {
        var host = NewHost();
        var supplier = await host.Partners.RegisterAsync(new RegisterPartner { Name = "Steel Supply AG", Relations = PartnerRelations.Supplier, RegisteredBy = "quinn" });
        var claim = await host.Claims.RegisterAsync(new RegisterClaim
        {
            PartnerId = supplier.Id, Reason = "Product quality", ResponsibleId = "quinn", Description = "Batch 42 arrived rusty.", Plan = plan, RegisteredBy = "quinn",
        });
        return (host, claim);
    }

    private static async Task<IReadOnlyList<WorkTask>> OpenTasksOfAsync(CrmHost host, Guid claimId, string user) =>
        (await host.Tasks.MyTasksAsync(new TaskQuery { Actor = CrmHost.User(user), SubjectType = ClaimService.SubjectType, SubjectId = claimId.ToString() })).Items;

    [Fact]
    public async Task a_new_performer_gets_the_items_task_redirected()
    {
        var (host, claim) = await RegisterAsync(new PlanItemRequest("Inspect batch 42", "ivan", Due));
        var item = claim.PlanItems.Single();
        var task = (await OpenTasksOfAsync(host, claim.Id, "ivan")).ShouldHaveSingleItem();

        var edited = await host.Claims.EditPlanItemAsync(claim.Id, item.Id, new PlanItemRequest("Inspect batch 42", "olga", Due), "quinn", claim.Version);

        (await OpenTasksOfAsync(host, claim.Id, "ivan")).ShouldBeEmpty();
        (await OpenTasksOfAsync(host, claim.Id, "olga")).ShouldHaveSingleItem().Id.ShouldBe(task.Id);
        (edited.PerformerId, edited.TaskId, edited.Status).ShouldBe(("olga", (Guid?)task.Id, PlanItemStatus.InProgress));
        var stored = await host.Claims.GetAsync(claim.Id);
        stored.ChangeLog.ShouldHaveSingleItem().ShouldBe(new FieldChange("Plan item 'Inspect batch 42': performer", "ivan", "olga", "quinn", host.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task a_new_title_or_deadline_replaces_the_task_and_the_decision_waits_for_the_new_one()
    {
        var (host, claim) = await RegisterAsync(new PlanItemRequest("Inspect batch 42", "ivan", Due), new PlanItemRequest("Order a replacement", "olga", Due));
        var inspect = claim.PlanItems[0];
        var old = (await OpenTasksOfAsync(host, claim.Id, "ivan")).ShouldHaveSingleItem();

        var edited = await host.Claims.EditPlanItemAsync(claim.Id, inspect.Id, new PlanItemRequest("Inspect batches 42 and 43", "ivan", Due.AddDays(1)), "quinn", claim.Version);

        (await host.Tasks.GetAsync(old.Id)).Status.ShouldBe(WorkTaskStatus.Cancelled);
        var replacement = (await OpenTasksOfAsync(host, claim.Id, "ivan")).ShouldHaveSingleItem();
        (replacement.Title, replacement.DueAt).ShouldBe(("Inspect batches 42 and 43", (DateTimeOffset?)Due.AddDays(1)));
        (edited.TaskId, edited.Status).ShouldBe(((Guid?)replacement.Id, PlanItemStatus.InProgress));

        await host.Tasks.CompleteAsync((await OpenTasksOfAsync(host, claim.Id, "olga")).Single().Id, CrmHost.User("olga"));
        (await Should.ThrowAsync<ConflictException>(() => host.Claims.DecideAsync(claim.Id, CrmHost.User("quinn"), ClaimResult.Satisfied, null))).Code.ShouldBe("claim.plan-open");
        await host.Tasks.CompleteAsync(replacement.Id, CrmHost.User("ivan"));
        var decided = await host.Claims.DecideAsync(claim.Id, CrmHost.User("quinn"), ClaimResult.Satisfied, null);
        decided.PlanItems.Select(i => (i.Title, i.Status)).ShouldBe([("Inspect batches 42 and 43", PlanItemStatus.Done), ("Order a replacement", PlanItemStatus.Done)]);
        decided.ChangeLog.Select(c => c.Field).ShouldBe(["Plan item 'Inspect batch 42': title", "Plan item 'Inspect batch 42': deadline"]);
    }

    [Fact]
    public async Task an_item_replaced_twice_still_ends_with_one_open_task()
    {
        var (host, claim) = await RegisterAsync(new PlanItemRequest("Inspect batch 42", "ivan", Due));
        var item = claim.PlanItems.Single();
        await host.Claims.EditPlanItemAsync(claim.Id, item.Id, new PlanItemRequest("Inspect again", "ivan", Due), "quinn", null);

        var edited = await host.Claims.EditPlanItemAsync(claim.Id, item.Id, new PlanItemRequest("Inspect once more", "ivan", Due.AddDays(3)), "quinn", null);

        var open = (await OpenTasksOfAsync(host, claim.Id, "ivan")).ShouldHaveSingleItem();
        (open.Title, open.Id).ShouldBe(("Inspect once more", edited.TaskId!.Value));
    }

    [Fact]
    public async Task a_removed_item_has_its_task_cancelled_and_no_longer_holds_the_decision_back()
    {
        var (host, claim) = await RegisterAsync(new PlanItemRequest("Inspect batch 42", "ivan", Due), new PlanItemRequest("Visit the plant", "olga", Due));
        var visit = claim.PlanItems[1];
        var visitTask = (await OpenTasksOfAsync(host, claim.Id, "olga")).ShouldHaveSingleItem();

        var changed = await host.Claims.RemovePlanItemAsync(claim.Id, visit.Id, "quinn", claim.Version);

        changed.PlanItems[1].Status.ShouldBe(PlanItemStatus.Cancelled);
        (await host.Tasks.GetAsync(visitTask.Id)).Status.ShouldBe(WorkTaskStatus.Cancelled);
        changed.ChangeLog.ShouldHaveSingleItem().ShouldBe(new FieldChange("Plan item 'Visit the plant'", "olga, due 2026-11-10 17:00 +00:00", "removed", "quinn", host.Clock.GetUtcNow()));
        var history = await host.Engine.GetHistoryAsync(changed.ProcessInstanceId!.Value);
        history.ShouldContain(h => h.Kind == HistoryKind.TaskCancelled && h.TaskId == visitTask.Id && h.Actor == "quinn");

        await host.Tasks.CompleteAsync((await OpenTasksOfAsync(host, claim.Id, "ivan")).Single().Id, CrmHost.User("ivan"));
        (await OpenTasksOfAsync(host, claim.Id, "quinn")).ShouldHaveSingleItem().Title.ShouldBe("Decide on the claim of Steel Supply AG");
        (await host.Claims.DecideAsync(claim.Id, CrmHost.User("quinn"), ClaimResult.Satisfied, null)).Status.ShouldBe(ClaimStatus.Closed);
    }

    [Fact]
    public async Task removing_every_item_moves_the_claim_on_to_the_decision()
    {
        var (host, claim) = await RegisterAsync(new PlanItemRequest("Inspect batch 42", "ivan", Due));

        await host.Claims.RemovePlanItemAsync(claim.Id, claim.PlanItems[0].Id, "quinn", null);

        (await OpenTasksOfAsync(host, claim.Id, "quinn")).ShouldHaveSingleItem().Title.ShouldBe("Decide on the claim of Steel Supply AG");
    }

    [Fact]
    public async Task done_items_and_closed_claims_cannot_be_changed()
    {
        var (host, claim) = await RegisterAsync(new PlanItemRequest("Inspect batch 42", "ivan", Due));
        var item = claim.PlanItems.Single();
        await host.Tasks.CompleteAsync((await OpenTasksOfAsync(host, claim.Id, "ivan")).Single().Id, CrmHost.User("ivan"));

        var done = await Should.ThrowAsync<ConflictException>(() => host.Claims.EditPlanItemAsync(claim.Id, item.Id, new PlanItemRequest("Again", "ivan", Due), "quinn", null));
        await host.Claims.DecideAsync(claim.Id, CrmHost.User("quinn"), ClaimResult.Satisfied, null);
        var closed = await Should.ThrowAsync<ConflictException>(() => host.Claims.RemovePlanItemAsync(claim.Id, item.Id, "quinn", null));

        done.Code.ShouldBe("claim.plan-item-finished");
        closed.Code.ShouldBe("claim.closed");
    }

    [Fact]
    public async Task an_edit_on_an_outdated_claim_is_refused()
    {
        var (host, claim) = await RegisterAsync(new PlanItemRequest("Inspect batch 42", "ivan", Due));
        var item = claim.PlanItems.Single();
        var current = await host.Claims.GetAsync(claim.Id);
        await host.Claims.EditPlanItemAsync(claim.Id, item.Id, new PlanItemRequest("Inspect batch 42", "olga", Due), "quinn", current.Version);

        var error = await Should.ThrowAsync<StaleRecordException>(() =>
            host.Claims.EditPlanItemAsync(claim.Id, item.Id, new PlanItemRequest("Inspect batch 42", "ivan", Due), "boris", current.Version));

        error.RecordType.ShouldBe("claim");
        (await host.Claims.GetAsync(claim.Id)).PlanItems.Single().PerformerId.ShouldBe("olga");
    }
}
