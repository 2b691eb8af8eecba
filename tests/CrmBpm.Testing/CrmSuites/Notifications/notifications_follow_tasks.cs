using CrmBpm.Crm.Common;
using CrmBpm.Crm.Instructions;
using CrmBpm.Crm.Notifications;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine;

namespace CrmBpm.Testing.CrmSuites.Notifications;

/// <summary>
/// In-app notifications (issue #16): written inside the engine command that raised them, one per person the event concerns,
/// and read only by their recipient.
/// </summary>
public abstract class notifications_follow_tasks : CrmScenario
{
    [Fact]
    public async Task a_task_addressed_to_a_person_notifies_them_and_nobody_else()
    {
        await using var host = NewHost();
        await host.Maps.DeployAsync(new MapBuilder("call", "Call").Start().Action("call", "anna", a => a with { TitleTemplate = "Call ACME" }).End().Flow("start", "call", "end").Build());

        var started = await host.Engine.StartAsync("call", new StartOptions { StartedBy = "hugo" });

        var task = (await host.OpenTasksAsync(started.Id)).ShouldHaveSingleItem();
        var page = await host.Notifications.ListAsync("anna");
        var notification = page.Items.ShouldHaveSingleItem();
        (notification.Kind, notification.SubjectType, notification.SubjectId, notification.Title, notification.IsRead).ShouldBe(
            (NotificationKind.TaskAssigned, "task", task.Id.ToString(), "Call ACME", false));
        (page.TotalCount, page.UnreadCount).ShouldBe((1, 1));
        (await host.Notifications.UnreadCountAsync("hugo")).ShouldBe(0);
    }

    [Fact]
    public async Task nobody_is_told_about_the_task_they_gave_themselves()
    {
        await using var host = NewHost();
        await host.Maps.DeployAsync(new MapBuilder("call", "Call").Start().Action("call", "anna").End().Flow("start", "call", "end").Build());

        await host.Engine.StartAsync("call", new StartOptions { StartedBy = "anna" });

        (await host.Notifications.UnreadCountAsync("anna")).ShouldBe(0);
    }

    [Fact]
    public async Task a_pool_task_notifies_every_active_member_of_the_pool_but_the_one_who_created_it()
    {
        var sales = new PoolOf("Sales manager", ["anna", "boris", "hugo"]);
        await using var host = NewHost(people: sales);
        await host.Maps.DeployAsync(new MapBuilder("lead", "Lead").Start().RoleAction("call", "Sales manager", null, a => a with { TitleTemplate = "Call the lead" }).End()
            .Flow("start", "call", "end").Build());

        await host.Engine.StartAsync("lead", new StartOptions { StartedBy = "hugo" });

        foreach (var member in new[] { "anna", "boris" })
        {
            var notification = (await host.Notifications.ListAsync(member)).Items.ShouldHaveSingleItem();
            (notification.Kind, notification.Title).ShouldBe((NotificationKind.PoolTask, "Call the lead"));
        }

        (await host.Notifications.UnreadCountAsync("hugo")).ShouldBe(0, "hugo started the process himself");
        sales.Asked.ShouldBe([("Sales manager", null, Notification.PoolMemberLimit)]);
    }

    [Fact]
    public async Task the_performer_hears_when_the_author_returns_or_accepts_the_instruction()
    {
        await using var host = NewHost();
        var given = await host.Instructions.GiveAsync(new GiveInstruction { Title = "Call ACME about the invoice", AuthorId = "hugo", PerformerId = "anna" });
        await host.Instructions.AcceptForExecutionAsync(given.Id, CrmHost.User("anna"));
        await host.Instructions.ReportExecutedAsync(given.Id, CrmHost.User("anna"), "Left a voicemail");
        await host.Notifications.MarkAllReadAsync("anna");

        await host.Instructions.ReturnAsync(given.Id, CrmHost.User("hugo"), "Reach their accountant.");

        var unread = (await host.Notifications.ListAsync("anna", unreadOnly: true)).Items;
        unread.Select(n => n.Kind).Order().ShouldBe([NotificationKind.TaskAssigned, NotificationKind.InstructionReturned]);
        var returned = unread.Single(n => n.Kind == NotificationKind.InstructionReturned);
        (returned.SubjectType, returned.SubjectId, returned.Title, returned.Detail).ShouldBe(("instruction", given.Id.ToString(), "Call ACME about the invoice", "hugo"));

        await host.Instructions.AcceptForExecutionAsync(given.Id, CrmHost.User("anna"));
        await host.Instructions.ReportExecutedAsync(given.Id, CrmHost.User("anna"), "Refund agreed");
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.Instructions.AcceptResultAsync(given.Id, CrmHost.User("hugo"));

        (await host.Notifications.ListAsync("anna")).Items[0].Kind.ShouldBe(NotificationKind.InstructionAccepted);
    }

    [Fact]
    public async Task a_reader_lists_newest_first_in_pages_and_marks_one_or_all_read()
    {
        await using var host = NewHost();
        await host.Maps.DeployAsync(new MapBuilder("call", "Call").Start().Action("call", "anna", a => a with { TitleTemplate = "Call {n}" }).End().Flow("start", "call", "end").Build());
        for (var n = 1; n <= 3; n++)
        {
            await host.Engine.StartAsync("call", new StartOptions { StartedBy = "hugo", Variables = new Dictionary<string, object?> { ["n"] = n } });
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await host.Notifications.ListAsync("anna", page: 1, pageSize: 2);
        first.Items.Select(n => n.Title).ShouldBe(["Call 3", "Call 2"]);
        (first.TotalCount, first.UnreadCount).ShouldBe((3, 3));
        (await host.Notifications.ListAsync("anna", page: 2, pageSize: 2)).Items.ShouldHaveSingleItem().Title.ShouldBe("Call 1");

        var read = await host.Notifications.MarkReadAsync("anna", first.Items[0].Id);
        read.ReadAt.ShouldBe(host.Clock.GetUtcNow());
        (await host.Notifications.ListAsync("anna", unreadOnly: true)).Items.Select(n => n.Title).ShouldBe(["Call 2", "Call 1"]);

        (await host.Notifications.MarkAllReadAsync("anna")).ShouldBe(2);
        (await host.Notifications.UnreadCountAsync("anna")).ShouldBe(0);
        (await host.Notifications.MarkAllReadAsync("anna")).ShouldBe(0);
    }

    [Fact]
    public async Task another_persons_notification_is_not_found_to_the_reader()
    {
        await using var host = NewHost();
        await host.Maps.DeployAsync(new MapBuilder("call", "Call").Start().Action("call", "anna").End().Flow("start", "call", "end").Build());
        await host.Engine.StartAsync("call", new StartOptions { StartedBy = "hugo" });
        var annas = (await host.Notifications.ListAsync("anna")).Items.ShouldHaveSingleItem();

        (await Should.ThrowAsync<NotFoundException>(() => host.Notifications.MarkReadAsync("boris", annas.Id))).Code.ShouldBe("notification.not-found");
        (await Should.ThrowAsync<NotFoundException>(() => host.Notifications.GetAsync("boris", annas.Id))).Code.ShouldBe("notification.not-found");
        (await host.Notifications.MarkAllReadAsync("boris")).ShouldBe(0);
        (await host.Notifications.GetAsync("anna", annas.Id)).IsRead.ShouldBeFalse();
    }

    [Fact]
    public async Task a_page_outside_the_limits_is_refused_naming_the_field()
    {
        await using var host = NewHost();

        (await Should.ThrowAsync<InputException>(() => host.Notifications.ListAsync("anna", page: 0))).Problems.ShouldHaveSingleItem().Field.ShouldBe("page");
        (await Should.ThrowAsync<InputException>(() => host.Notifications.ListAsync("anna", pageSize: NotificationService.MaxPageSize + 1))).Problems.ShouldHaveSingleItem().Field.ShouldBe("pageSize");
    }

    /// <summary>A directory that knows one pool.</summary>
    private sealed class PoolOf(string role, string[] members) : IPeopleDirectory
    {
        public List<(string Role, string? AddressingObject, int Limit)> Asked { get; } = [];

        public Task<string?> DepartmentOfAsync(string userId, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);

        public Task<IReadOnlyList<string>> ActiveMembersOfPoolAsync(string role1, string? addressingObject, int limit, CancellationToken cancellationToken = default)
        {
            Asked.Add((role1, addressingObject, limit));
            return Task.FromResult<IReadOnlyList<string>>(role1 == role ? members : []);
        }
    }
}
