using CrmBpm.Crm.Instructions;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Components.Pages.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Tasks;

/// <summary>
/// The task card of an instruction: its verify task says "Take into work" and "Accept the result", never "Accept" twice;
/// the task returned from verification shows the return's comment first, by the author's name; and every action button
/// is busy while its command runs, so a second click sends nothing.
/// </summary>
public sealed class VerifyReturnedAndBusyTasks : TaskPagesContext
{
    private static readonly Actor Boris = new("boris");
    private readonly GatedTaskService.Gate _gate;

    public VerifyReturnedAndBusyTasks()
        : this(new GatedTaskService.Gate())
    {
    }

    private VerifyReturnedAndBusyTasks(GatedTaskService.Gate gate)
        : base(tasks => new GatedTaskService(tasks, gate)) => _gate = gate;

    [Fact]
    public async Task The_verify_task_offers_take_into_work_and_accept_the_result_in_different_words()
    {
        await AddUsersAsync(("anna", "Anna Petrova", "Manager", "Sales"), ("boris", "Boris Nowak", "Manager", "Sales"));
        var instruction = await ReportedAsync();
        var verify = (await TaskService.MyTasksAsync(new TaskQuery { Actor = Anna })).Items.Single(t => t.PointId == InstructionRouteMap.VerifyPointId);

        var card = Render<TaskCard>(p => p.Add(c => c.Id, verify.Id));

        card.WaitForElement("[data-testid=accept]").TextContent.Trim().ShouldBe("Take into work");
        card.FindAll(".outcomes button").Select(b => b.TextContent.Trim()).ShouldBe(["Accept the result", "Return for rework"]);
        card.FindAll(".outcomes button").Select(b => b.GetAttribute("data-outcome")).ShouldBe([InstructionRouteMap.Accept, InstructionRouteMap.Return]);
        instruction.PerformerId.ShouldBe("boris");
    }

    [Fact]
    public async Task The_task_returned_from_verification_shows_the_comment_first_by_the_author_s_name()
    {
        await AddUsersAsync(("anna", "Anna Petrova", "Manager", "Sales"), ("boris", "Boris Nowak", "Manager", "Sales"));
        SignInAs("boris", "Manager", "Sales");
        var instruction = await ReportedAsync();
        await Services.GetRequiredService<InstructionService>().ReturnAsync(instruction.Id, Anna, "Add the March figures.");
        var again = (await TaskService.MyTasksAsync(new TaskQuery { Actor = Boris })).Items.Single(t => t.PointId == InstructionRouteMap.ExecutePointId);

        var card = Render<TaskCard>(p => p.Add(c => c.Id, again.Id));

        var note = card.WaitForElement("[data-testid=return-note]");
        note.TextContent.ShouldContain("Returned for rework by Anna Petrova");
        note.QuerySelector("p")!.TextContent.ShouldBe("Add the March figures.");
        card.Find("[data-testid=accept]").TextContent.Trim().ShouldBe("Take into work");
    }

    [Fact]
    public async Task While_completing_the_button_says_saving_every_button_is_disabled_and_a_second_click_sends_nothing()
    {
        await AddUsersAsync(("anna", "Anna Petrova", "Manager", "Sales"));
        await DeployMapsAsync();
        await CallBackAsync("Nordwind", TimeSpan.FromHours(2));
        var task = (await TaskService.MyTasksAsync(new TaskQuery { Actor = Anna })).Items.Single();
        var card = Render<TaskCard>(p => p.Add(c => c.Id, task.Id));
        var reached = card.WaitForElement("button[data-outcome=Reached]");
        _gate.Close();

        reached.Click();

        card.WaitForAssertion(() => card.Find("button[data-outcome=Reached]").TextContent.Trim().ShouldBe("Saving…"));
        card.Find("button[data-outcome=Reached]").GetAttribute("aria-busy").ShouldBe("true");
        card.Find("button[data-outcome=Reached] .spinner").ShouldNotBeNull();
        card.FindAll("section.actions button").ShouldAllBe(b => b.HasAttribute("disabled"));
        card.Find("button[data-outcome=Reached]").Click();
        _gate.Open();

        card.WaitForAssertion(() => _gate.Completions.ShouldBe(1));
        (await TaskService.GetAsync(task.Id)).Outcome.ShouldBe("Reached");
    }

    [Fact]
    public async Task While_accepting_the_take_button_says_saving()
    {
        await AddUsersAsync(("anna", "Anna Petrova", "Manager", "Sales"));
        await DeployMapsAsync();
        await CallBackAsync("Nordwind", TimeSpan.FromHours(2));
        var task = (await TaskService.MyTasksAsync(new TaskQuery { Actor = Anna })).Items.Single();
        var card = Render<TaskCard>(p => p.Add(c => c.Id, task.Id));
        var take = card.WaitForElement("[data-testid=accept]");
        take.TextContent.Trim().ShouldBe("Take from the pool");
        _gate.Close();

        take.Click();

        card.WaitForAssertion(() => card.Find("[data-testid=accept]").TextContent.Trim().ShouldBe("Saving…"));
        card.Find("[data-testid=accept]").HasAttribute("disabled").ShouldBeTrue();
        _gate.Open();
        card.WaitForAssertion(() => card.Find("[data-testid=task-message]").TextContent.ShouldContain("You took the task into work"));
    }

    /// <summary>Anna gives Boris an instruction; he takes it into work and reports it done: Anna has a verify task.</summary>
    private async Task<Instruction> ReportedAsync()
    {
        var instructions = Services.GetRequiredService<InstructionService>();
        var instruction = await instructions.GiveAsync(new GiveInstruction { Title = "Quarterly report", AuthorId = "anna", PerformerId = "boris" });
        await instructions.AcceptForExecutionAsync(instruction.Id, Boris);
        await instructions.ReportExecutedAsync(instruction.Id, Boris, "Done.");
        return instruction;
    }
}
