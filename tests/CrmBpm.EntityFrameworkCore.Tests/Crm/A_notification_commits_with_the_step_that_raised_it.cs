using CrmBpm.Engine;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing;
using CrmBpm.Testing.CrmSuites;

namespace CrmBpm.EntityFrameworkCore.Tests.Crm;

/// <summary>
/// A notification is written in the engine command's transaction (DESIGN §3): when the database refuses it, the command
/// that raised it leaves nothing either, so there is never a task nobody was told about nor a notice of a task that is not.
/// </summary>
public sealed class A_notification_commits_with_the_step_that_raised_it : IAsyncLifetime
{
    private readonly SqliteTestFile _file = new();

    [Fact]
    public async Task A_notification_the_database_refuses_undoes_the_start_that_created_the_task()
    {
        await using var host = new CrmHost(_file);
        await host.Maps.DeployAsync(new MapBuilder("call", "Call").Start().Action("call", "anna").End().Flow("start", "call", "end").Build());
        await host.Notifications.UnreadCountAsync("anna");

        await _file.ExecuteAsync("CREATE TRIGGER refuse_notifications BEFORE INSERT ON crm_notifications BEGIN SELECT RAISE(ABORT, 'no room for notifications'); END");
        await Should.ThrowAsync<Exception>(() => host.Engine.StartAsync("call", new StartOptions { StartedBy = "hugo" }));

        (await host.Tasks.MyTasksAsync(new Engine.Tasks.TaskQuery { Actor = CrmHost.User("anna") })).TotalCount.ShouldBe(0);
        (await host.Notifications.UnreadCountAsync("anna")).ShouldBe(0);

        await _file.ExecuteAsync("DROP TRIGGER refuse_notifications");
        await host.Engine.StartAsync("call", new StartOptions { StartedBy = "hugo" });
        (await host.Tasks.MyTasksAsync(new Engine.Tasks.TaskQuery { Actor = CrmHost.User("anna") })).TotalCount.ShouldBe(1);
        (await host.Notifications.UnreadCountAsync("anna")).ShouldBe(1);
    }

    public Task InitializeAsync() => _file.CreateAsync();

    public async Task DisposeAsync() => await _file.DisposeAsync();
}
