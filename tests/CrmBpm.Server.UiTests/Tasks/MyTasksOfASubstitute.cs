using System.Security.Claims;
using AngleSharp.Dom;
using CrmBpm.Server.Absences;
using CrmBpm.Server.Components.Pages.Tasks;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Tasks;

/// <summary>
/// My tasks of a substitute: while Anna Petrova is absent, Boris sees her held and pool tasks marked "for Anna Petrova",
/// a banner says whom he stands in for, and a filter separates his own from hers; once the absence is over they are gone.
/// </summary>
public sealed class MyTasksOfASubstitute : TaskPagesContext
{
    public MyTasksOfASubstitute() => SignInAs("boris", AppRoles.Manager, "Sales", "Accountant");

    private async Task AnnaAbsentAsync(TimeSpan startsIn, TimeSpan lasts, params string[] roles)
    {
        await AddUsersAsync(("anna", "Anna Petrova", AppRoles.Manager, "Sales"), ("boris", "Boris Ivanov", AppRoles.Manager, "Sales"));
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmBpmUser>>();
        await users.AddClaimAsync((await users.FindByNameAsync("anna"))!, new Claim(CrmBpmClaims.Pool, "Sales manager"));
        var db = scope.ServiceProvider.GetRequiredService<CrmBpmIdentityDbContext>();
        db.Absences.Add(new Absence
        {
            AbsentUserId = "anna", SubstituteUserId = "boris", From = Now + startsIn, To = Now + startsIn + lasts,
            PerformerRoles = Absence.JoinRoles(roles), RecordedBy = "anna", RecordedAt = Now,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Marks_the_absent_persons_tasks_for_her_and_says_whom_he_stands_in_for()
    {
        await DeployMapsAsync();
        await CallBackAsync("Nordwind", TimeSpan.FromDays(1));
        await FollowUpAsync("Baltic Timber");
        await AnnaAbsentAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(2));

        var page = Render<MyTasks>();

        var rows = page.WaitForElements("[data-testid=task-list] tbody tr");
        rows.Select(LinkText).ShouldBe(["Call Nordwind", "Send the offer to Baltic Timber"]);
        rows.Select(r => r.QuerySelector("[data-testid=on-behalf]")?.TextContent).ShouldBe(["for Anna Petrova", "for Anna Petrova"]);
        page.Find("[data-testid=substituting]").TextContent.ShouldContain("Anna Petrova");
    }

    [Fact]
    public async Task Filters_own_tasks_from_substituted_ones()
    {
        await DeployMapsAsync();
        await FollowUpAsync("Baltic Timber");
        await AnnaAbsentAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(2));
        var page = Render<MyTasks>();
        page.WaitForElements("[data-testid=task-list] tbody tr").Count.ShouldBe(1);

        page.Find("#task-whose").Change("Own");
        page.WaitForElement("[data-testid=tasks-empty]");

        page.Find("#task-whose").Change("OnBehalf");
        page.WaitForAssertion(() => page.FindAll("[data-testid=on-behalf]").Count.ShouldBe(1));
    }

    [Fact]
    public async Task Shows_nothing_of_hers_before_the_absence_and_nothing_after_it()
    {
        await DeployMapsAsync();
        await FollowUpAsync("Baltic Timber");
        await AnnaAbsentAsync(TimeSpan.FromHours(1), TimeSpan.FromHours(2));

        var before = Render<MyTasks>();
        before.WaitForElement("[data-testid=tasks-empty]");
        before.FindAll("[data-testid=substituting]").ShouldBeEmpty();

        Clock.Advance(TimeSpan.FromHours(2));
        var during = Render<MyTasks>();
        during.WaitForElements("[data-testid=on-behalf]").Count.ShouldBe(1);

        Clock.Advance(TimeSpan.FromHours(2));
        var after = Render<MyTasks>();
        after.WaitForElement("[data-testid=tasks-empty]");
    }

    [Fact]
    public async Task A_role_limited_absence_marks_only_tasks_of_that_role()
    {
        await DeployMapsAsync();
        await CallBackAsync("Nordwind", TimeSpan.FromDays(1));
        await FollowUpAsync("Baltic Timber");
        await AnnaAbsentAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(2), "Sales manager");

        var page = Render<MyTasks>();

        page.WaitForElements("[data-testid=task-list] tbody tr").Select(LinkText).ShouldBe(["Call Nordwind"]);
        page.Find("[data-testid=substituting]").TextContent.ShouldContain("Sales manager");
    }

    [Fact]
    public async Task The_card_of_a_task_he_completed_for_her_names_both()
    {
        await DeployMapsAsync();
        await CallBackAsync("Nordwind", TimeSpan.FromDays(1));
        await AnnaAbsentAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(2));
        var task = (await TaskService.MyTasksAsync(new CrmBpm.Engine.Tasks.TaskQuery { Actor = Anna })).Items.ShouldHaveSingleItem();
        using (var scope = Services.CreateScope())
        {
            var boris = await scope.ServiceProvider.GetRequiredService<WorkScope>().ActorAsync();
            await TaskService.CompleteAsync(task.Id, boris, new CrmBpm.Engine.Tasks.TaskCompletion { Outcome = "Not reached" });
        }

        var card = Render<TaskCard>(p => p.Add(c => c.Id, task.Id));

        card.WaitForElement("[data-testid=task-closed]").TextContent.ShouldStartWith("Completed by Boris Ivanov on behalf of Anna Petrova at");
    }

    private static string LinkText(IElement row) => row.QuerySelector("td.title a")!.TextContent.Trim();
}
