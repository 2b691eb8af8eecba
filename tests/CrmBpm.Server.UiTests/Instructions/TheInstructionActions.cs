using System.Globalization;
using CrmBpm.Crm.Instructions;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Components.Pages.Instructions;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Instructions;

/// <summary>
/// The actions on an instruction page: the performer accepts, then reports; the author accepts the result or returns
/// it, and a return without a comment is refused on the page because the comment is what the performer reads next.
/// </summary>
public sealed class TheInstructionActions : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public TheInstructionActions()
    {
        Services.AddLocalization();
        Services.AddUserTime();
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }

    [Fact]
    public void A_return_without_a_comment_is_refused_and_never_reaches_the_crm()
    {
        var returned = new List<string>();
        var actions = Render<InstructionActions>(p => p
            .Add(a => a.Instruction, Verifying(out var task)).Add(a => a.CurrentTask, task).Add(a => a.Me, "anna")
            .Add(a => a.OnReturn, (string comment) => returned.Add(comment)));

        actions.Find("[data-testid=return-comment]").Change("   ");
        actions.Find("form.return").Submit();

        actions.Find("[data-testid=comment-required]").TextContent.ShouldContain("A return needs a comment");
        actions.Find("[data-testid=return-comment]").GetAttribute("aria-invalid").ShouldBe("true");
        returned.ShouldBeEmpty();
    }

    [Fact]
    public void A_return_with_a_comment_hands_the_trimmed_comment_over()
    {
        var returned = new List<string>();
        var actions = Render<InstructionActions>(p => p
            .Add(a => a.Instruction, Verifying(out var task)).Add(a => a.CurrentTask, task).Add(a => a.Me, "anna")
            .Add(a => a.OnReturn, (string comment) => returned.Add(comment)));

        actions.Find("[data-testid=return-comment]").Change("  Add the March figures.  ");
        actions.Find("form.return").Submit();

        returned.ShouldBe(["Add the March figures."]);
        actions.FindAll("[data-testid=comment-required]").ShouldBeEmpty();
    }

    [Fact]
    public void The_performer_accepts_an_open_task_first_and_reports_once_it_is_accepted()
    {
        var instruction = Executing("anna", "boris", out var open);
        var actions = Render<InstructionActions>(p => p.Add(a => a.Instruction, instruction).Add(a => a.CurrentTask, open).Add(a => a.Me, "boris"));
        actions.FindAll("[data-testid=accept]").Count.ShouldBe(1);
        actions.FindAll("[data-testid=report-done]").ShouldBeEmpty();
        actions.Find("[data-testid=task-link]").GetAttribute("href").ShouldBe($"tasks/{open.Id}");

        var accepted = WorkTask.Restore(open, open.State with { Status = WorkTaskStatus.Accepted, AssigneeId = "boris", AcceptedAt = Now });
        actions.Render(p => p.Add(a => a.CurrentTask, accepted));
        actions.FindAll("[data-testid=accept]").ShouldBeEmpty();
        actions.Find("[data-testid=report-done]").TextContent.ShouldContain("send to the author to verify");
    }

    [Fact]
    public void Reporting_an_instruction_given_to_oneself_says_it_completes_it()
    {
        var instruction = Executing("anna", "anna", out var open);
        var accepted = WorkTask.Restore(open, open.State with { Status = WorkTaskStatus.Accepted, AssigneeId = "anna", AcceptedAt = Now });
        var reports = new List<string?>();
        var actions = Render<InstructionActions>(p => p.Add(a => a.Instruction, instruction).Add(a => a.CurrentTask, accepted).Add(a => a.Me, "anna")
            .Add(a => a.OnReport, (string? report) => reports.Add(report)));

        actions.Find("[data-testid=report-done]").TextContent.ShouldContain("this completes it");
        actions.Find("[data-testid=report-done]").Click();
        reports.ShouldBe([null]);
    }

    [Fact]
    public void Someone_who_is_not_at_the_current_step_only_sees_whom_it_waits_for()
    {
        var actions = Render<InstructionActions>(p => p.Add(a => a.Instruction, Verifying(out var task)).Add(a => a.CurrentTask, task).Add(a => a.Me, "boris"));

        actions.Find("[data-testid=waiting]").TextContent.ShouldBe("Waiting for anna to verify it.");
        actions.FindAll("button").ShouldBeEmpty();
    }

    private static Instruction Executing(string author, string performer, out WorkTask task)
    {
        var instruction = new Instruction("Prepare the review", null, author, performer, null, Now.AddDays(2), Now);
        task = Task("execute", "Prepare the review", performer, requiresAcceptance: true);
        instruction.ExecutionStarted(task.Id);
        return instruction;
    }

    private static Instruction Verifying(out WorkTask task)
    {
        var instruction = Executing("anna", "boris", out _);
        task = Task("verify", "Check: Prepare the review", "anna", requiresAcceptance: false);
        instruction.VerificationStarted(task.Id);
        return instruction;
    }

    private static WorkTask Task(string pointId, string title, string performer, bool requiresAcceptance) => new()
    {
        InstanceId = Guid.NewGuid(), RootInstanceId = Guid.NewGuid(), MapKey = InstructionRouteMap.Key, MapVersion = 1, PointId = pointId,
        TokenId = Guid.NewGuid(), Title = title, PerformerUserId = performer, RequiresAcceptance = requiresAcceptance, CreatedAt = Now,
    };
}
