using AngleSharp.Dom;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Components.Layout;
using CrmBpm.Server.Components.Pages.Tasks;
using CrmBpm.Server.Live;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Tasks;

/// <summary>
/// My tasks on the real engine: mine and my pools' tasks by deadline, overdue ones in red with how long, the subject
/// linked, filters by subject text, route map and deadline, pages, an empty state, and live: tasks come and go
/// without a reload, the navigation's counter with them.
/// </summary>
public sealed class TheMyTasksList : TaskPagesContext
{
    [Fact]
    public async Task Lists_my_and_my_pools_tasks_by_deadline_with_the_overdue_ones_marked_and_how_long()
    {
        await DeployMapsAsync();
        await CallBackAsync("Romashka", TimeSpan.FromDays(1));
        await FollowUpAsync("Baltic Timber");
        await CallBackAsync("Nordwind", TimeSpan.FromHours(-26));

        var page = Render<MyTasks>();

        var rows = page.WaitForElements("[data-testid=task-list] tbody tr");
        rows.Select(Title).ShouldBe(["Call Nordwind", "Call Romashka", "Send the offer to Baltic Timber"], "by deadline, none last");
        rows[0].ClassList.ShouldContain("overdue");
        rows[0].QuerySelector("[data-testid=overdue]")!.TextContent.ShouldContain("overdue by 1 d 2 h");
        rows[1].QuerySelector("[data-testid=overdue]").ShouldBeNull();
        rows[1].TextContent.ShouldContain("in 1 d");
        rows[2].TextContent.ShouldContain("no deadline");
        Cell(rows[0], "Performer").ShouldBe("pool Sales manager");
        Cell(rows[0], "Status").ShouldBe("Open · in the pool");
        Cell(rows[0], "Route map").ShouldBe("Call back");
        Cell(rows[2], "Performer").ShouldBe("me");
        rows[0].QuerySelector("td.title a")!.GetAttribute("href").ShouldStartWith("tasks/");
    }

    [Fact]
    public async Task Names_and_links_the_deal_a_task_is_about_and_marks_a_task_i_accepted()
    {
        await DeployMapsAsync();
        var deal = await DealAsync("Nordwind: fleet software");
        await CallBackAsync("Nordwind", TimeSpan.FromDays(2), deal);
        var task = (await TaskService.MyTasksAsync(new TaskQuery { Actor = Anna })).Items.ShouldHaveSingleItem();
        await TaskService.AcceptAsync(task.Id, Anna);

        var page = Render<MyTasks>();

        var row = page.WaitForElement("[data-testid=task-list] tbody tr");
        var link = row.QuerySelector("td[data-label=Subject] a")!;
        link.TextContent.ShouldBe("Nordwind: fleet software");
        link.GetAttribute("href").ShouldBe($"deals/{deal.Id}");
        Cell(row, "Subject").ShouldStartWith("Deal");
        Cell(row, "Status").ShouldBe("Accepted by me");
        Cell(row, "Performer").ShouldBe("me");
    }

    [Fact]
    public async Task Filters_by_route_map_and_by_deadline()
    {
        await DeployMapsAsync();
        await CallBackAsync("Overdue Ltd", TimeSpan.FromHours(-1));
        await CallBackAsync("Tonight Ltd", TimeSpan.FromHours(8));
        await CallBackAsync("Friday Ltd", TimeSpan.FromDays(4));
        await CallBackAsync("Next week Ltd", TimeSpan.FromDays(8));
        await FollowUpAsync("Someday Ltd");
        var page = Render<MyTasks>();
        page.WaitForElements("[data-testid=task-list] tbody tr").Count.ShouldBe(5);

        page.Find("#task-map").Change("follow-up");
        page.WaitForAssertion(() => Titles(page).ShouldBe(["Send the offer to Someday Ltd"]));

        page.Find("#task-map").Change("");
        page.Find("#task-due").Change("Overdue");
        page.WaitForAssertion(() => Titles(page).ShouldBe(["Call Overdue Ltd"]));

        page.Find("#task-due").Change("Today");
        page.WaitForAssertion(() => Titles(page).ShouldBe(["Call Overdue Ltd", "Call Tonight Ltd"], "due by the end of today, overdue included"));

        page.Find("#task-due").Change("ThisWeek");
        page.WaitForAssertion(() => Titles(page).ShouldBe(["Call Overdue Ltd", "Call Tonight Ltd", "Call Friday Ltd"]));
    }

    [Fact]
    public async Task Searches_the_subjects_names_and_the_tasks_titles_in_any_case()
    {
        await DeployMapsAsync();
        await CallBackAsync("Mr Becker", TimeSpan.FromDays(1), await DealAsync("Nordwind: fleet software"));
        await CallBackAsync("Ms Ivanova", TimeSpan.FromDays(2), await DealAsync("Romashka: CRM rollout"));
        await FollowUpAsync("Baltic Timber");
        var page = Render<MyTasks>();
        page.WaitForElements("[data-testid=task-list] tbody tr").Count.ShouldBe(3);

        page.Find("#task-search").Input("FLEET");
        page.WaitForAssertion(() => Titles(page).ShouldBe(["Call Mr Becker"], "by the deal's title"));

        page.Find("#task-search").Input("baltic");
        page.WaitForAssertion(() => Titles(page).ShouldBe(["Send the offer to Baltic Timber"], "by the task's title"));
    }

    [Fact]
    public async Task Says_when_nothing_waits_and_when_the_filters_hide_everything()
    {
        await DeployMapsAsync();
        var page = Render<MyTasks>();
        page.WaitForElement("[data-testid=tasks-empty]").TextContent.ShouldContain("No tasks — nothing is waiting for you or your pools.");

        await FollowUpAsync("Baltic Timber");
        page.WaitForElements("[data-testid=task-list] tbody tr");
        page.Find("#task-due").Change("Overdue");

        var empty = page.WaitForElement("[data-testid=tasks-empty]");
        empty.TextContent.ShouldContain("No tasks match these filters.");
        empty.QuerySelector("button")!.Click();
        page.WaitForAssertion(() => Titles(page).ShouldBe(["Send the offer to Baltic Timber"]));
    }

    [Fact]
    public async Task Pages_through_a_long_list()
    {
        await DeployMapsAsync();
        for (var i = 1; i <= 23; i++)
        {
            await CallBackAsync($"Customer {i:00}", TimeSpan.FromHours(i));
        }

        var page = Render<MyTasks>();

        page.WaitForElements("[data-testid=task-list] tbody tr").Count.ShouldBe(20);
        page.Find("[data-testid=tasks-total]").TextContent.ShouldBe("Page 1 of 2 (23 tasks)");
        page.FindAll(".pager button")[1].Click();
        page.WaitForAssertion(() => Titles(page).ShouldBe(["Call Customer 21", "Call Customer 22", "Call Customer 23"]));
        page.Find("[data-testid=tasks-total]").TextContent.ShouldBe("Page 2 of 2 (23 tasks)");
    }

    [Fact]
    public async Task A_task_any_process_creates_appears_without_a_reload_and_a_completed_one_goes()
    {
        await DeployMapsAsync();
        await FollowUpAsync("Baltic Timber");
        var page = Render<MyTasks>();
        page.WaitForElements("[data-testid=task-list] tbody tr").Count.ShouldBe(1);

        await CallBackAsync("Nordwind", TimeSpan.FromHours(3));
        page.WaitForAssertion(() => Titles(page).ShouldBe(["Call Nordwind", "Send the offer to Baltic Timber"]));

        var send = (await TaskService.MyTasksAsync(new TaskQuery { Actor = Anna, MapKey = "follow-up" })).Items.Single();
        await TaskService.CompleteAsync(send.Id, Anna);
        page.WaitForAssertion(() => Titles(page).ShouldBe(["Call Nordwind"]));
    }

    [Fact]
    public async Task The_navigation_counter_counts_open_tasks_and_follows_them_live()
    {
        await DeployMapsAsync();
        await FollowUpAsync("Baltic Timber");
        var counter = Render<TaskCounter>();
        counter.WaitForAssertion(() => counter.Find("[data-testid=task-counter]").TextContent.ShouldBe("1"));

        await CallBackAsync("Nordwind", TimeSpan.FromHours(3));
        counter.WaitForAssertion(() => counter.Find("[data-testid=task-counter]").TextContent.ShouldBe("2"));
        counter.Find(".visually-hidden").TextContent.ShouldBe("2 open tasks", "what a screen reader says after the link's name");
    }

    [Fact]
    public async Task Pages_and_counters_unsubscribe_when_they_go()
    {
        await DeployMapsAsync();
        var feed = Services.GetRequiredService<TaskFeed>();
        var page = Render<MyTasks>();
        var counter = Render<TaskCounter>();
        page.WaitForElement("[data-testid=tasks-empty]");
        counter.WaitForAssertion(() => feed.SubscriberCount.ShouldBe(2));

        await DisposeComponentsAsync();

        feed.SubscriberCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_head_switches_to_the_team_and_sees_who_holds_each_task()
    {
        await AddUsersAsync(("helga", "Helga Schmidt", "Head", "Sales"), ("anna", "Anna Petrova", "Manager", "Sales"), ("carl", "Carl Jensen", "Consultant", null));
        SignInAs("helga", "Head", "Sales", "Accountant");
        await DeployMapsAsync();
        await FollowUpAsync("Baltic Timber");
        var page = Render<MyTasks>();
        page.WaitForElement("[data-testid=tasks-empty]");

        page.Find("[data-testid=team-scope]").Click();

        var row = page.WaitForElement("[data-testid=task-list] tbody tr");
        Title(row).ShouldBe("Send the offer to Baltic Timber");
        Cell(row, "Performer").ShouldBe("Anna Petrova");
    }

    [Fact]
    public async Task A_manager_is_not_offered_the_team()
    {
        await DeployMapsAsync();
        var page = Render<MyTasks>();
        page.WaitForElement("[data-testid=tasks-empty]");
        page.FindAll("[data-testid=team-scope]").ShouldBeEmpty();
    }

    private static string Title(IElement row) => row.QuerySelector("td.title")!.TextContent.Trim();

    private static string Cell(IElement row, string label) =>
        string.Join(' ', row.QuerySelector($"td[data-label='{label}']")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static List<string> Titles(IRenderedComponent<MyTasks> page) => [.. page.FindAll("[data-testid=task-list] tbody tr").Select(Title)];
}
