using System.Globalization;
using CrmBpm.Crm.Claims;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Claims;
using CrmBpm.Server.Components.Pages.Claims;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Claims;

/// <summary>
/// A claim's action plan on its page: each item's task open, accepted (by whom) or done (by whom), overdue items in
/// red, and the whole plan's progress counting only the items still meant to be done.
/// </summary>
public sealed class TheActionPlan : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public TheActionPlan()
    {
        Services.AddLocalization();
        Services.AddUserTime();
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }

    [Fact]
    public void Shows_each_items_progress_and_the_plans_progress_without_cancelled_items()
    {
        var claim = new Claim(Guid.NewGuid(), Guid.NewGuid(), null, "helga", "Late delivery", "anna", Now.AddDays(-5));
        var done = claim.AddPlanItem("Call the customer", "anna", Now.AddDays(1), Now);
        var accepted = claim.AddPlanItem("Check the carrier", "boris", Now.AddDays(2), Now);
        var late = claim.AddPlanItem("Offer a discount", "anna", Now.AddDays(-1), Now);
        var cancelled = claim.AddPlanItem("Send flowers", "boris", Now.AddDays(3), Now);
        var doneTask = TaskFor(claim, done);
        var acceptedTask = WorkTask.Restore(TaskFor(claim, accepted), new WorkTaskState("boris", WorkTaskStatus.Accepted, null, Now.AddHours(-2), null, null, null, null));
        var lateTask = TaskFor(claim, late);
        TaskFor(claim, cancelled);
        claim.PlanItemCompleted(done.Id, "anna", Now.AddHours(-1));
        claim.PlanItemCancelled(cancelled.Id);

        var plan = Render<ActionPlan>(p => p.Add(a => a.Items, claim.PlanItems.Select(i => PlanItemProgress.Of(i,
            i.Id == done.Id ? doneTask : i.Id == accepted.Id ? acceptedTask : i.Id == late.Id ? lateTask : null, Now)).ToList()));

        plan.Find("[data-testid=plan-progress] span").TextContent.ShouldBe("1 of 3 done (33%)");
        plan.Find("progress").GetAttribute("value").ShouldBe("1");
        plan.Find("[data-testid=plan-overdue]").TextContent.ShouldBe("1 overdue");
        var rows = plan.FindAll("[data-testid=plan-item]");
        rows.Select(r => r.QuerySelector("[data-testid=plan-item-state]")!.TextContent).ShouldBe([
            $"Done by anna on {When(Now.AddHours(-1))}",
            $"Accepted by boris on {When(Now.AddHours(-2))}",
            "Open: not yet accepted",
            "Cancelled",
        ]);
        rows.Select(r => r.ClassList.Contains("overdue")).ShouldBe([false, false, true, false]);
        rows[0].QuerySelector("a")!.GetAttribute("href").ShouldBe($"tasks/{doneTask.Id}");
    }

    [Fact]
    public void An_empty_plan_says_what_to_do()
    {
        var plan = Render<ActionPlan>(p => p.Add(a => a.Items, []));

        plan.Find("[data-testid=plan-empty]").TextContent.ShouldContain("each item becomes a task");
        plan.FindAll("[data-testid=plan-progress]").ShouldBeEmpty();
    }

    [Fact]
    public void A_done_item_is_never_overdue_even_after_its_deadline()
    {
        var claim = new Claim(Guid.NewGuid(), Guid.NewGuid(), null, "helga", "Late delivery", "anna", Now.AddDays(-5));
        var item = claim.AddPlanItem("Call the customer", "anna", Now.AddDays(-2), Now.AddDays(-5));
        claim.PlanItemCompleted(item.Id, "anna", Now.AddDays(-1));

        PlanItemProgress.Of(claim.PlanItems[0], null, Now).IsOverdue.ShouldBeFalse();
        PlanProgress.Of([PlanItemProgress.Of(claim.PlanItems[0], null, Now)]).Percent.ShouldBe(100);
    }

    private static WorkTask TaskFor(Claim claim, ClaimPlanItem item)
    {
        var task = new WorkTask
        {
            InstanceId = Guid.NewGuid(), RootInstanceId = Guid.NewGuid(), MapKey = ClaimRouteMaps.HandlingKey, MapVersion = 1, PointId = ClaimRouteMaps.PlanPointId,
            TokenId = Guid.NewGuid(), Title = item.Title, PerformerUserId = item.PerformerId, CreatedAt = Now.AddDays(-1), DueAt = item.Deadline,
        };
        claim.PlanItemTaskCreated(item.Id, task.Id);
        return task;
    }

    private static string When(DateTimeOffset at) => at.ToLocalTime().ToString("g", CultureInfo.CurrentCulture);
}
