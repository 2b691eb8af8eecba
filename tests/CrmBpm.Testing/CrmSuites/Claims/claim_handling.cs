using CrmBpm.Crm.Catalogues;
using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Partners;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Testing.CrmSuites.Claims;

public abstract class claim_handling : CrmScenario
{
    private static readonly Actor Quality = CrmHost.User("quinn");

    private async Task<(CrmHost Host, Claim Claim)> RegisterAsync(params PlanItemRequest[] plan)
    {
        var host = NewHost();
        var supplier = await host.Partners.RegisterAsync(new RegisterPartner { Name = "Steel Supply AG", Relations = PartnerRelations.Supplier, RegisteredBy = "quinn" });
        var claim = await host.Claims.RegisterAsync(new RegisterClaim
        {
            PartnerId = supplier.Id,
            Reason = "Product quality",
            Department = "Quality",
            ResponsibleId = "quinn",
            Description = "Batch 42 arrived rusty.",
            Plan = plan,
            RegisteredBy = "quinn",
        });
        return (host, claim);
    }

    private static async Task<IReadOnlyList<WorkTask>> OpenTasksAboutAsync(CrmHost host, Guid claimId, string user) =>
        (await host.Tasks.MyTasksAsync(new TaskQuery { Actor = CrmHost.User(user), SubjectType = ClaimService.SubjectType, SubjectId = claimId.ToString() })).Items;

    [Fact]
    public async Task a_claim_can_come_from_any_partner_and_keeps_reason_department_and_attachments()
    {
        var (host, claim) = await RegisterAsync();
        await using var _ = host;

        var attachment = await host.Claims.AddAttachmentAsync(claim.Id, "rust.jpg", "image/jpeg", 123_456, "blobs/claims/rust.jpg", "quinn");

        var stored = await host.Claims.GetAsync(claim.Id);
        stored.ReasonId.ShouldBe((await host.Catalogues.ResolveAsync(CatalogueKind.ClaimReason, "product-quality", "reason")).Id);
        stored.DepartmentId.ShouldBe((await host.Catalogues.ResolveAsync(CatalogueKind.Department, "Quality", "department")).Id);
        stored.Attachments.ShouldHaveSingleItem().ShouldBe(attachment);
        (attachment.FileName, attachment.ContentType, attachment.Size, attachment.StorageKey).ShouldBe(("rust.jpg", "image/jpeg", 123_456L, "blobs/claims/rust.jpg"));
    }

    [Fact]
    public async Task each_plan_item_becomes_a_task_for_its_performer_with_its_deadline()
    {
        var due = new DateTimeOffset(2026, 11, 10, 17, 0, 0, TimeSpan.Zero);
        var (host, claim) = await RegisterAsync(new PlanItemRequest("Inspect batch 42", "ivan", due), new PlanItemRequest("Order a replacement", "olga", due.AddDays(2)));
        await using var _ = host;

        var inspect = (await OpenTasksAboutAsync(host, claim.Id, "ivan")).ShouldHaveSingleItem();
        var order = (await OpenTasksAboutAsync(host, claim.Id, "olga")).ShouldHaveSingleItem();

        (inspect.Title, inspect.DueAt).ShouldBe(("Inspect batch 42", (DateTimeOffset?)due));
        (order.Title, order.DueAt).ShouldBe(("Order a replacement", (DateTimeOffset?)due.AddDays(2)));
        var stored = await host.Claims.GetAsync(claim.Id);
        stored.PlanItems.Select(i => (i.Status, i.TaskId)).ShouldBe([(PlanItemStatus.InProgress, (Guid?)inspect.Id), (PlanItemStatus.InProgress, (Guid?)order.Id)]);
    }

    [Fact]
    public async Task a_plan_item_added_later_also_becomes_a_task_and_holds_the_decision_back()
    {
        var due = new DateTimeOffset(2026, 11, 10, 17, 0, 0, TimeSpan.Zero);
        var (host, claim) = await RegisterAsync(new PlanItemRequest("Inspect batch 42", "ivan", due));
        await using var _ = host;
        var inspect = (await OpenTasksAboutAsync(host, claim.Id, "ivan")).ShouldHaveSingleItem();

        var late = await host.Claims.AddPlanItemAsync(claim.Id, new PlanItemRequest("Visit the supplier's plant", "olga", due.AddDays(5)));

        late.AddedLate.ShouldBeTrue();
        late.Status.ShouldBe(PlanItemStatus.InProgress);
        var visit = (await OpenTasksAboutAsync(host, claim.Id, "olga")).ShouldHaveSingleItem();
        (visit.Id, visit.Title, visit.DueAt).ShouldBe((late.TaskId!.Value, "Visit the supplier's plant", (DateTimeOffset?)due.AddDays(5)));

        await host.Tasks.CompleteAsync(inspect.Id, CrmHost.User("ivan"));
        (await OpenTasksAboutAsync(host, claim.Id, "quinn")).ShouldHaveSingleItem().Title.ShouldBe("Decide on the claim of Steel Supply AG");
        var refused = await Should.ThrowAsync<ConflictException>(() => host.Claims.DecideAsync(claim.Id, Quality, ClaimResult.Satisfied, null));
        refused.Code.ShouldBe("claim.plan-open");
        refused.Message.ShouldContain("'Visit the supplier's plant' (olga, due 2026-11-15)");

        await host.Tasks.CompleteAsync(visit.Id, CrmHost.User("olga"));
        var decided = await host.Claims.DecideAsync(claim.Id, Quality, ClaimResult.Satisfied, "Replacement shipped");

        decided.Status.ShouldBe(ClaimStatus.Closed);
        decided.PlanItems.ShouldAllBe(i => i.Status == PlanItemStatus.Done);
        decided.PlanItems.Select(i => i.CompletedBy).ShouldBe(["ivan", "olga"]);
    }

    [Fact]
    public async Task the_claim_is_decided_as_satisfied_with_details()
    {
        var (host, claim) = await RegisterAsync();
        await using var _ = host;

        var decided = await host.Claims.DecideAsync(claim.Id, Quality, ClaimResult.Satisfied, "Credit note issued");

        (decided.Status, decided.Result, decided.ResultDetails, decided.ClosedBy).ShouldBe((ClaimStatus.Closed, (ClaimResult?)ClaimResult.Satisfied, "Credit note issued", "quinn"));
        (await host.Engine.GetInstanceAsync(decided.ProcessInstanceId!.Value)).Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task not_satisfied_needs_details_and_then_closes_the_claim()
    {
        var (host, claim) = await RegisterAsync();
        await using var _ = host;

        var missing = await Should.ThrowAsync<InputException>(() => host.Claims.DecideAsync(claim.Id, Quality, ClaimResult.NotSatisfied, null));
        var decided = await host.Claims.DecideAsync(claim.Id, Quality, ClaimResult.NotSatisfied, "Rust came from storage at the customer");

        missing.Problems.ShouldHaveSingleItem().Field.ShouldBe("resultDetails");
        decided.Result.ShouldBe(ClaimResult.NotSatisfied);
        var closed = await Should.ThrowAsync<ConflictException>(() => host.Claims.AddPlanItemAsync(claim.Id, new PlanItemRequest("Too late", "ivan", DateTimeOffset.UnixEpoch)));
        closed.Code.ShouldBe("claim.closed");
    }

    [Fact]
    public async Task an_unknown_claim_reason_is_refused_listing_the_reasons()
    {
        await using var host = NewHost();
        var partner = await host.PartnerAsync();

        var error = await Should.ThrowAsync<InputException>(() => host.Claims.RegisterAsync(new RegisterClaim
        {
            PartnerId = partner.Id, Reason = "Bad weather", ResponsibleId = "quinn", Description = "?", RegisteredBy = "quinn",
        }));

        error.Problems.ShouldHaveSingleItem().Field.ShouldBe("reason");
        error.Message.ShouldContain("Product quality");
    }
}
