using AngleSharp.Dom;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Components.Pages.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Tasks;

/// <summary>
/// The views of My tasks (Open, Postponed, Done) and its sorting, kept in the URL: a postponed task is found with its date
/// and brought back, a completed one is in Done with its outcome and when; a header sorts by its column and says so.
/// </summary>
public sealed class MyTaskViews : TaskPagesContext
{
    [Fact]
    public async Task A_postponed_task_is_in_postponed_with_its_date_and_bring_back_puts_it_in_open_again()
    {
        await DeployMapsAsync();
        await CallBackAsync("Nordwind", TimeSpan.FromDays(1));
        await CallBackAsync("Romashka", TimeSpan.FromDays(2));
        var nordwind = (await TaskService.MyTasksAsync(new TaskQuery { Actor = Anna })).Items.First(t => t.Title == "Call Nordwind");
        await TaskService.PostponeAsync(nordwind.Id, Anna, Now.AddDays(3));
        Navigation.NavigateTo("tasks?view=postponed");

        var page = Render<MyTasks>();

        var row = page.WaitForElement("[data-testid=task-list] tbody tr");
        Title(row).ShouldBe("Call Nordwind");
        row.QuerySelector("[data-testid=postponed-until]")!.TextContent.ShouldBe(When(Now.AddDays(3)));
        page.Find("[data-testid=task-views] a[aria-current=page]").TextContent.ShouldBe("Postponed");

        page.Find("[data-testid=bring-back]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=task-notice]").TextContent.ShouldContain("“Call Nordwind” is back in your open tasks."));
        page.WaitForElement("[data-testid=tasks-empty]");
        (await TaskService.GetAsync(nordwind.Id)).PostponedUntil.ShouldBeNull();
        Navigation.NavigateTo("tasks");
        page.WaitForAssertion(() => Titles(page).ShouldBe(["Call Nordwind", "Call Romashka"]));
        page.Find("[data-testid=task-views] a[aria-current=page]").TextContent.ShouldBe("Open");
    }

    [Fact]
    public async Task Done_lists_what_i_completed_newest_first_with_the_outcome_and_when()
    {
        await DeployMapsAsync();
        await CallBackAsync("Nordwind", TimeSpan.FromDays(1));
        await CallBackAsync("Romashka", TimeSpan.FromDays(2));
        var tasks = (await TaskService.MyTasksAsync(new TaskQuery { Actor = Anna })).Items;
        await TaskService.CompleteAsync(tasks[0].Id, Anna, new TaskCompletion { Outcome = "Reached" });
        Clock.Advance(TimeSpan.FromMinutes(30));
        await TaskService.CompleteAsync(tasks[1].Id, Anna, new TaskCompletion { Outcome = "Not reached" });
        Navigation.NavigateTo("tasks?view=done");

        var page = Render<MyTasks>();

        var rows = page.WaitForElements("[data-testid=task-list] tbody tr");
        rows.Select(Title).ShouldBe(["Call Romashka", "Call Nordwind"]);
        rows[0].QuerySelector("[data-testid=outcome]")!.TextContent.ShouldBe("Not reached");
        rows[0].QuerySelector("[data-testid=completed-at]")!.TextContent.ShouldBe(When(Now.AddMinutes(30)));
        rows[1].QuerySelector("[data-testid=completed-at]")!.TextContent.ShouldBe(When(Now));
        page.FindAll("#task-search").ShouldBeEmpty("the filters of open tasks do not apply to what is done");
    }

    [Fact]
    public async Task A_header_sorts_by_its_column_and_a_second_click_reverses_it_the_url_keeping_both()
    {
        await DeployMapsAsync();
        await CallBackAsync("Baltic", TimeSpan.FromDays(3));
        await CallBackAsync("Zenith", TimeSpan.FromDays(1));
        await CallBackAsync("Arcadia", TimeSpan.FromDays(2));
        Navigation.NavigateTo("tasks");
        var page = Render<MyTasks>();
        page.WaitForAssertion(() => Titles(page).ShouldBe(["Call Zenith", "Call Arcadia", "Call Baltic"]));
        Header(page, "deadline").GetAttribute("aria-sort").ShouldBe("ascending");
        Header(page, "title").GetAttribute("aria-sort").ShouldBe("none");

        Navigation.NavigateTo(Header(page, "title").QuerySelector("a")!.GetAttribute("href")!);

        page.WaitForAssertion(() => Titles(page).ShouldBe(["Call Arcadia", "Call Baltic", "Call Zenith"]));
        Navigation.Uri.ShouldEndWith("tasks?sort=title");
        Header(page, "title").GetAttribute("aria-sort").ShouldBe("ascending");
        Header(page, "title").TextContent.ShouldContain("▲");
        Header(page, "deadline").GetAttribute("aria-sort").ShouldBe("none");

        Navigation.NavigateTo(Header(page, "title").QuerySelector("a")!.GetAttribute("href")!);

        page.WaitForAssertion(() => Titles(page).ShouldBe(["Call Zenith", "Call Baltic", "Call Arcadia"]));
        Navigation.Uri.ShouldEndWith("tasks?sort=title&order=desc");
        Header(page, "title").GetAttribute("aria-sort").ShouldBe("descending");
        Header(page, "title").TextContent.ShouldContain("▼");
        page.Find("[data-testid=task-views] a[data-view=postponed]").GetAttribute("href")!.ShouldEndWith("tasks?sort=title&order=desc&view=postponed");
    }

    [Fact]
    public async Task Tabs_and_headers_speak_russian_in_russian()
    {
        await DeployMapsAsync();
        await CallBackAsync("Nordwind", TimeSpan.FromDays(1));
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("ru");
        try
        {
            var page = Render<MyTasks>();

            page.WaitForElement("[data-testid=task-list]");
            page.FindAll("[data-testid=task-views] a").Select(a => a.TextContent).ShouldBe(["Открытые", "Отложенные", "Выполненные"]);
            Header(page, "created").TextContent.ShouldContain("Создана");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    private static string When(DateTimeOffset moment) => moment.ToString("g", System.Globalization.CultureInfo.CurrentCulture);

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private static IElement Header(IRenderedComponent<MyTasks> page, string sort) => page.Find($"th[data-sort={sort}]");

    private static string Title(IElement row) => row.QuerySelector("td.title")!.TextContent.Trim();

    private static List<string> Titles(IRenderedComponent<MyTasks> page) => [.. page.FindAll("[data-testid=task-list] tbody tr").Select(Title)];
}
