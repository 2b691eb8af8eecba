using CrmBpm.Engine;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Components.Pages.Tasks;
using CrmBpm.Server.Identity;
using CrmBpm.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Tasks;

/// <summary>
/// The Unassigned page for a Head: the tasks of Actions without any performer with their route map, point, subject, creation
/// and deadline, and handing one to a person or a pool, after which it leaves the list.
/// </summary>
public sealed class TheUnassignedList : TaskPagesContext
{
    public TheUnassignedList() => SignInAs("helga", AppRoles.Head, "Sales");

    private async Task<ProcessInstance> StartUnaddressedAsync(string customer, TimeSpan dueIn, SubjectReference? subject = null)
    {
        var maps = Services.GetRequiredService<IRouteMapService>();
        if (await maps.GetLatestPublishedAsync("imported") is null)
        {
            await maps.DeployAsync(new MapBuilder("imported", "Imported call back").Start()
                .Add(new ActionPoint { Id = "call", Name = "Call the customer", TitleTemplate = "Call {customer}", Deadline = Deadline.FromExpression("due") })
                .End().Flow("start", "call", "end").Build());
        }

        return await Engine.StartAsync("imported", new StartOptions
        {
            Subject = subject,
            Variables = new Dictionary<string, object?> { ["customer"] = customer, ["due"] = (Clock.GetUtcNow() + dueIn).ToString("O") },
        });
    }

    [Fact]
    public async Task Lists_the_tasks_without_a_performer_with_map_point_subject_created_and_deadline()
    {
        await AddUsersAsync(("anna", "Anna Petrova", AppRoles.Manager, "Sales"));
        var deal = await DealAsync("Nordwind: fleet software");
        await StartUnaddressedAsync("Romashka", TimeSpan.FromDays(2));
        await StartUnaddressedAsync("Nordwind", TimeSpan.FromHours(-3), deal);
        await DeployMapsAsync();
        await CallBackAsync("Pooled Ltd", TimeSpan.FromDays(1)); // in a pool: not unassigned

        var page = Render<UnassignedTasks>();

        var rows = page.WaitForElements("[data-testid=unassigned-list] tbody tr");
        rows.Select(r => r.QuerySelector("td.title")!.TextContent.Trim()).ShouldBe(["Call Nordwind", "Call Romashka"], "by deadline");
        rows[0].ClassList.ShouldContain("overdue");
        Cell(rows[0], "Route map").ShouldBe("Imported call back");
        Cell(rows[0], "Point").ShouldBe("Call the customer");
        rows[0].QuerySelector("td[data-label=Subject] a")!.TextContent.ShouldBe("Nordwind: fleet software");
        Cell(rows[1], "Subject").ShouldBe("—");
        Cell(rows[0], "Created").ShouldNotBeEmpty();
        Cell(rows[0], "Deadline").ShouldContain("overdue by 3 h");
        page.Find("[data-testid=unassigned-total]").TextContent.ShouldBe("Page 1 of 1 (2 tasks)");
    }

    [Fact]
    public async Task Handing_a_task_to_a_person_puts_it_in_their_my_tasks_and_takes_it_off_the_list()
    {
        await AddUsersAsync(("anna", "Anna Petrova", AppRoles.Manager, "Sales"));
        var instance = await StartUnaddressedAsync("Romashka", TimeSpan.FromDays(2));
        var page = Render<UnassignedTasks>();
        page.WaitForElement("[data-testid=unassigned-list] tbody tr");

        page.Find("[data-testid=hand-over-target]").Change("user:anna");
        page.Find("[data-testid=hand-over-comment]").Change("Yours, please");
        page.Find("[data-testid=hand-over]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=hand-over-message]").TextContent.ShouldBe("“Call Romashka” is now with Anna Petrova."));
        page.WaitForElement("[data-testid=unassigned-empty]");
        var task = (await TaskService.MyTasksAsync(new TaskQuery { Actor = Anna })).Items.ShouldHaveSingleItem();
        task.InstanceId.ShouldBe(instance.Id);
        task.Comment.ShouldBe("Yours, please");
    }

    [Fact]
    public async Task Handing_a_task_to_a_pool_offers_the_pools_people_are_in()
    {
        await AddUsersAsync(("anna", "Anna Petrova", AppRoles.Manager, "Sales"));
        await AddPoolAsync("anna", "Sales manager");
        await StartUnaddressedAsync("Romashka", TimeSpan.FromDays(2));
        var page = Render<UnassignedTasks>();
        page.WaitForElement("[data-testid=unassigned-list] tbody tr");

        page.FindAll("[data-testid=hand-over-target] optgroup")[1].TextContent.ShouldContain("Sales manager");
        page.Find("[data-testid=hand-over]").HasAttribute("disabled").ShouldBeTrue("nothing chosen yet");
        page.Find("[data-testid=hand-over-target]").Change("pool:Sales manager\n");
        page.Find("[data-testid=hand-over]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=hand-over-message]").TextContent.ShouldBe("“Call Romashka” is now in the pool of Sales manager."));
        (await TaskService.MyTasksAsync(new TaskQuery { Actor = Anna })).Items.ShouldHaveSingleItem().PerformerRole.ShouldBe("Sales manager");
    }

    [Fact]
    public async Task A_manager_is_told_the_list_is_for_heads_and_administrators()
    {
        SignInAs("anna", AppRoles.Manager, "Sales", "Sales manager");
        await StartUnaddressedAsync("Romashka", TimeSpan.FromDays(2));

        var page = Render<UnassignedTasks>();

        page.WaitForElement("[data-testid=hand-over-error]").TextContent.ShouldContain("Only a Head or an Administrator");
        page.FindAll("[data-testid=unassigned-list]").ShouldBeEmpty();
    }

    private async Task AddPoolAsync(string userName, string pool)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CrmBpmUser>>();
        var user = (await users.FindByNameAsync(userName)).ShouldNotBeNull();
        await users.AddClaimAsync(user, new System.Security.Claims.Claim(CrmBpmClaims.Pool, pool));
    }

    private static string Cell(AngleSharp.Dom.IElement row, string label) => row.QuerySelector($"td[data-label='{label}']")!.TextContent.Trim();
}
