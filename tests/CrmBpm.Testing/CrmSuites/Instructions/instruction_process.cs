using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Instructions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Testing.CrmSuites.Instructions;

public abstract class instruction_process : CrmScenario
{
    private static readonly Actor Author = CrmHost.User("hugo");
    private static readonly Actor Performer = CrmHost.User("anna");

    [Fact]
    public async Task execute_verify_return_with_comment_execute_again_and_accept()
    {
        await using var host = NewHost();
        var given = await host.Instructions.GiveAsync(new GiveInstruction { Title = "Call ACME about the invoice", Description = "They paid twice.", AuthorId = "hugo", PerformerId = "anna" });

        var execute = (await host.Instructions.CurrentTaskAsync(given.Id))!;
        (execute.PointId, execute.AssigneeId, execute.Title, execute.Description, execute.RequiresAcceptance).ShouldBe(
            (InstructionRouteMap.ExecutePointId, "anna", "Call ACME about the invoice", "They paid twice.", true));
        execute.DueAt.ShouldBe(host.Clock.GetUtcNow().AddDays(3));
        (await Should.ThrowAsync<ConflictException>(() => host.Tasks.CompleteAsync(execute.Id, Performer))).Code.ShouldBe("task.not-accepted");

        await host.Instructions.AcceptForExecutionAsync(given.Id, Performer);
        var verifying = await host.Instructions.ReportExecutedAsync(given.Id, Performer, "Left a voicemail");
        verifying.Status.ShouldBe(InstructionStatus.Verifying);
        var verify = (await host.Instructions.CurrentTaskAsync(given.Id))!;
        (verify.PointId, verify.AssigneeId, verify.Title).ShouldBe((InstructionRouteMap.VerifyPointId, "hugo", "Check: Call ACME about the invoice"));
        verify.Description.ShouldBe("anna reports: Left a voicemail");

        var returned = await host.Instructions.ReturnAsync(given.Id, Author, "A voicemail is not enough; reach their accountant.");

        returned.Status.ShouldBe(InstructionStatus.Executing);
        returned.ExecutionRounds.ShouldBe(2);
        returned.Returns.ShouldHaveSingleItem().Comment.ShouldBe("A voicemail is not enough; reach their accountant.");
        var again = (await host.Instructions.CurrentTaskAsync(given.Id))!;
        again.Id.ShouldNotBe(execute.Id);
        again.AssigneeId.ShouldBe("anna");
        again.Description.ShouldBe("They paid twice.\n\nReturned by hugo: A voicemail is not enough; reach their accountant.");

        await host.Instructions.AcceptForExecutionAsync(given.Id, Performer);
        await host.Instructions.ReportExecutedAsync(given.Id, Performer, "Refund agreed with their accountant");
        var done = await host.Instructions.AcceptResultAsync(given.Id, Author);

        done.Status.ShouldBe(InstructionStatus.Completed);
        done.Report.ShouldBe("Refund agreed with their accountant");
        (await host.Engine.GetInstanceAsync(done.ProcessInstanceId!.Value)).Result.ShouldBe("Accepted");
        (await host.Instructions.CurrentTaskAsync(given.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task the_verify_task_and_the_return_note_name_people_by_their_display_names()
    {
        await using var host = NewHost(people: new Names(new() { ["anna"] = "Anna Petrova", ["hugo"] = "Hugo Berg" }));
        var given = await host.Instructions.GiveAsync(new GiveInstruction { Title = "Call ACME", Description = "They paid twice.", AuthorId = "hugo", PerformerId = "anna" });
        await host.Instructions.AcceptForExecutionAsync(given.Id, Performer);
        await host.Instructions.ReportExecutedAsync(given.Id, Performer, "Left a voicemail");

        var verify = (await host.Instructions.CurrentTaskAsync(given.Id))!;
        verify.Description.ShouldBe("Anna Petrova reports: Left a voicemail");
        verify.AssigneeId.ShouldBe("hugo"); // the performer expression still reads the id

        await host.Instructions.ReturnAsync(given.Id, Author, "Reach their accountant.");
        (await host.Instructions.CurrentTaskAsync(given.Id))!.Description.ShouldBe("They paid twice.\n\nReturned by Hugo Berg: Reach their accountant.");
    }

    [Fact]
    public async Task a_performer_the_directory_does_not_know_is_named_by_their_id()
    {
        await using var host = NewHost(people: new Names(new() { ["hugo"] = "Hugo Berg" }));
        var given = await host.Instructions.GiveAsync(new GiveInstruction { Title = "Call ACME", AuthorId = "hugo", PerformerId = "anna" });
        await host.Instructions.AcceptForExecutionAsync(given.Id, Performer);
        await host.Instructions.ReportExecutedAsync(given.Id, Performer, "Done");

        (await host.Instructions.CurrentTaskAsync(given.Id))!.Description.ShouldBe("anna reports: Done");
    }

    [Fact]
    public async Task an_instruction_on_a_map_published_before_display_names_still_reads_with_the_id()
    {
        await using var host = NewHost(people: new Names(new() { ["anna"] = "Anna Petrova" }));
        var before = InstructionRouteMap.Build();
        var verifyPoint = before.Points.OfType<Engine.Definitions.ActionPoint>().Single(p => p.Id == InstructionRouteMap.VerifyPointId);
        await host.Maps.DeployAsync(before with
        {
            Points = [.. before.Points.Select(p => p == verifyPoint ? verifyPoint with { Description = "{performer} reports: {report}" } : p)],
        });
        var given = await host.Instructions.GiveAsync(new GiveInstruction { Title = "Call ACME", AuthorId = "hugo", PerformerId = "anna" });
        await host.Instructions.AcceptForExecutionAsync(given.Id, Performer);
        await host.Instructions.ReportExecutedAsync(given.Id, Performer, "Done");

        (await host.Instructions.CurrentTaskAsync(given.Id))!.Description.ShouldBe("anna reports: Done");
    }

    [Fact]
    public async Task when_the_author_is_the_performer_there_is_no_verification()
    {
        await using var host = NewHost();
        var given = await host.Instructions.GiveAsync(new GiveInstruction { Title = "Prepare the price list", AuthorId = "anna", PerformerId = "anna" });

        await host.Instructions.AcceptForExecutionAsync(given.Id, Performer);
        var done = await host.Instructions.ReportExecutedAsync(given.Id, Performer, "Done");

        done.IsSelfGiven.ShouldBeTrue();
        done.Status.ShouldBe(InstructionStatus.Completed);
        var tasks = await host.Tasks.GetTasksOfInstanceAsync(done.ProcessInstanceId!.Value);
        tasks.ShouldHaveSingleItem().PointId.ShouldBe(InstructionRouteMap.ExecutePointId);
        (await host.Engine.GetInstanceAsync(done.ProcessInstanceId!.Value)).Result.ShouldBe("Done");
    }

    [Fact]
    public async Task an_instruction_given_from_a_deal_is_about_that_deal()
    {
        await using var host = NewHost();
        var partner = await host.PartnerAsync();
        var deal = await host.OpenDealAsync(partner.Id, DealKind.NonProcess);
        var subject = new SubjectReference(DealService.SubjectType, deal.Id.ToString());

        var given = await host.Instructions.GiveAsync(new GiveInstruction { Title = "Send the contract", AuthorId = "hugo", PerformerId = "anna", Subject = subject });

        given.Subject.ShouldBe(subject);
        (await host.Instructions.ListForSubjectAsync(subject)).ShouldHaveSingleItem().Id.ShouldBe(given.Id);
        var myTasks = await host.Tasks.MyTasksAsync(new TaskQuery { Actor = Performer, SubjectType = "deal", SubjectId = deal.Id.ToString() });
        myTasks.Items.ShouldHaveSingleItem().Title.ShouldBe("Send the contract");
        (await host.Deals.GetAsync(deal.Id)).ProcessInstanceId.ShouldBeNull();
    }

    [Fact]
    public async Task a_return_needs_a_comment()
    {
        await using var host = NewHost();
        var given = await host.Instructions.GiveAsync(new GiveInstruction { Title = "Check stock", AuthorId = "hugo", PerformerId = "anna" });
        await host.Instructions.AcceptForExecutionAsync(given.Id, Performer);
        await host.Instructions.ReportExecutedAsync(given.Id, Performer);

        var error = await Should.ThrowAsync<InputException>(() => host.Instructions.ReturnAsync(given.Id, Author, " "));

        error.Problems.ShouldHaveSingleItem().Field.ShouldBe("comment");
        (await host.Instructions.GetAsync(given.Id)).Status.ShouldBe(InstructionStatus.Verifying);
    }

    [Fact]
    public async Task the_instruction_map_is_deployed_once_on_first_use()
    {
        await using var host = NewHost();
        (await host.Maps.GetLatestPublishedAsync(InstructionRouteMap.Key)).ShouldBeNull();

        await host.Instructions.GiveAsync(new GiveInstruction { Title = "One", AuthorId = "hugo", PerformerId = "anna" });
        await host.Instructions.GiveAsync(new GiveInstruction { Title = "Two", AuthorId = "hugo", PerformerId = "anna" });

        (await host.Maps.GetVersionsAsync(InstructionRouteMap.Key)).ShouldHaveSingleItem().Status.ShouldBe(Engine.Definitions.RouteMapStatus.Published);
    }

    /// <summary>A directory that knows some people's names.</summary>
    private sealed class Names(Dictionary<string, string> names) : CrmBpm.Crm.Common.IPeopleDirectory
    {
        public Task<string?> DepartmentOfAsync(string userId, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);

        public Task<string?> DisplayNameOfAsync(string userId, CancellationToken cancellationToken = default) => Task.FromResult(names.GetValueOrDefault(userId));
    }
}
