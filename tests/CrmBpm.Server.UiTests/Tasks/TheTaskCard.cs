using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Components.Pages.Tasks;
using CrmBpm.Server.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Tasks;

/// <summary>
/// The task card on the real engine: what to do and about what, the process's history as sentences, the actions the
/// task's state allows, and the engine's refusals as a sentence on the card.
/// </summary>
public sealed class TheTaskCard : TaskPagesContext
{
    private static readonly Actor Helga = new("helga", [new RoleMembership("Sales manager")]);

    [Fact]
    public async Task Shows_what_to_do_about_what_by_when_and_the_history_newest_last()
    {
        await AddUsersAsync(("anna", "Anna Petrova", "Manager", "Sales"));
        await DeployMapsAsync();
        var deal = await DealAsync("Nordwind: fleet software");
        var instance = await CallBackAsync("Nordwind", TimeSpan.FromHours(-2), deal);
        var task = await OnlyTaskAsync();
        await TaskService.AcceptAsync(task.Id, Anna);

        var card = Render<TaskCard>(p => p.Add(c => c.Id, task.Id));

        card.WaitForElement("h1").TextContent.ShouldBe("Call Nordwind");
        card.Find("[data-testid=task-state]").TextContent.ShouldContain("Accepted by me");
        card.Markup.ShouldContain("Call the customer back.");
        card.Find("[data-testid=task-subject] a").GetAttribute("href").ShouldBe($"deals/{deal.Id}");
        card.Find("[data-testid=overdue]").TextContent.ShouldContain("overdue by 2 h");
        card.Find("[data-testid=instance-link]").GetAttribute("href").ShouldBe($"instances/{instance.Id}");
        var lines = card.FindAll("[data-testid=history] li .what").Select(l => l.TextContent).ToList();
        lines[0].ShouldBe("The process started.");
        lines.ShouldContain("Task “Call Nordwind” was created for pool Sales manager.");
        lines[^1].ShouldBe("Anna Petrova accepted “Call Nordwind”.");
        card.FindAll(".outcomes button").Select(b => b.TextContent).ShouldBe(["Reached", "Not reached"]);
        card.FindAll("[data-testid=return-to-pool]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Completing_returns_to_my_tasks_and_says_what_happened()
    {
        await AddUsersAsync(("anna", "Anna Petrova", "Manager", "Sales"));
        await DeployMapsAsync();
        await CallBackAsync("Nordwind", TimeSpan.FromHours(2));
        var task = await OnlyTaskAsync();
        var card = Render<TaskCard>(p => p.Add(c => c.Id, task.Id));

        card.WaitForElements(".outcomes button")[0].Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        card.WaitForAssertion(() => navigation.Uri.ShouldEndWith("/tasks"));
        (await TaskService.GetAsync(task.Id)).Outcome.ShouldBe("Reached");
        var notice = Services.GetRequiredService<TaskNotices>().Take().ShouldNotBeNull();
        notice.Message.ShouldBe("Completed “Call Nordwind” with “Reached”.");
        notice.InstanceId.ShouldBe(task.InstanceId);
    }

    [Fact]
    public async Task A_task_a_colleague_completed_meanwhile_is_refused_in_a_sentence_and_shown_as_it_is_now()
    {
        await AddUsersAsync(("anna", "Anna Petrova", "Manager", "Sales"), ("helga", "Helga Schmidt", "Head", "Sales"));
        await DeployMapsAsync();
        await CallBackAsync("Nordwind", TimeSpan.FromHours(2));
        var task = await OnlyTaskAsync();
        var card = Render<TaskCard>(p => p.Add(c => c.Id, task.Id));
        card.WaitForElements(".outcomes button");

        await TaskService.CompleteAsync(task.Id, Helga, new TaskCompletion { Outcome = "Not reached" });
        card.FindAll(".outcomes button")[0].Click();

        var refusal = card.WaitForElement("[data-testid=refusal]");
        refusal.TextContent.ShouldStartWith("Not done: Helga Schmidt already completed this task at");
        card.Find("[data-testid=task-closed]").TextContent.ShouldContain("with “Not reached”");
        card.FindAll(".outcomes button").ShouldBeEmpty();
    }

    [Fact]
    public async Task Someone_elses_task_is_not_shown()
    {
        await AddUsersAsync(("anna", "Anna Petrova", "Manager", "Sales"));
        await DeployMapsAsync();
        await CallBackAsync("Nordwind", TimeSpan.FromHours(2));
        var task = await OnlyTaskAsync();
        await TaskService.AcceptAsync(task.Id, Helga);

        var card = Render<TaskCard>(p => p.Add(c => c.Id, task.Id));

        card.WaitForElement("[data-testid=refusal]").TextContent.ShouldBe("This task is neither yours nor in one of your pools, so it is not shown.");
        card.Markup.ShouldNotContain("Call Nordwind");
    }

    [Fact]
    public async Task Redirecting_needs_a_person_and_hands_the_task_over()
    {
        await AddUsersAsync(("anna", "Anna Petrova", "Manager", "Sales"), ("boris", "Boris Nowak", "Manager", "Sales"), ("carl", "Carl Jensen", "Consultant", null));
        await DeployMapsAsync();
        await FollowUpAsync("Baltic Timber");
        var task = await OnlyTaskAsync();
        var card = Render<TaskCard>(p => p.Add(c => c.Id, task.Id));

        card.WaitForElement("#redirect-to").QuerySelectorAll("option").Select(o => o.TextContent).ShouldBe(["— choose a person —", "Boris Nowak"]);
        card.Find("[data-testid=redirect-form]").Submit();
        card.Markup.ShouldContain("Choose whom to redirect the task to.");

        card.Find("#redirect-to").Change("boris");
        card.Find("#redirect-comment").Change("You know them better.");
        card.Find("[data-testid=redirect-form]").Submit();

        card.WaitForAssertion(() => Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith("/tasks"));
        var redirected = await TaskService.GetAsync(task.Id);
        redirected.AssigneeId.ShouldBe("boris");
        redirected.Comment.ShouldBe("You know them better.");
    }

    [Fact]
    public async Task The_history_names_people_by_their_display_names_a_redirect_s_target_too_and_says_who_brought_a_task_back()
    {
        await AddUsersAsync(("anna", "Anna Petrova", "Manager", "Sales"), ("boris", "Boris Nowak", "Manager", "Sales"));
        await DeployMapsAsync();
        await FollowUpAsync("Baltic Timber");
        var task = await OnlyTaskAsync();
        await TaskService.PostponeAsync(task.Id, Anna, Now.AddDays(1));
        await TaskService.BringBackAsync(task.Id, Anna);
        await TaskService.RedirectAsync(task.Id, Anna, "boris", "You know them better.");

        var card = Render<TaskCard>(p => p.Add(c => c.Id, task.Id));

        card.WaitForElement("[data-testid=history]");
        var lines = card.FindAll("[data-testid=history] li .what").Select(l => l.TextContent).ToList();
        lines.ShouldContain("Anna Petrova brought “Send the offer to Baltic Timber” back before its postponement ended.");
        lines[^1].ShouldBe("Anna Petrova redirected “Send the offer to Baltic Timber” to Boris Nowak. Comment: You know them better.");
        card.Find("[data-testid=task-state]").TextContent.ShouldNotContain("boris");
    }

    private async Task<WorkTask> OnlyTaskAsync() => (await TaskService.MyTasksAsync(new TaskQuery { Actor = Anna })).Items.ShouldHaveSingleItem();
}
