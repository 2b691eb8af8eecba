using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Runtime;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing;

namespace CrmBpm.EntityFrameworkCore.Tests.Contract;

/// <summary>Everything an instance needs lives in the database: a new engine on the same database carries on.</summary>
public abstract class RestartContract : StoreContract
{
    [Fact]
    public async Task An_instance_started_before_a_restart_is_finished_after_it()
    {
        var map = new MapBuilder("seq").Start().Action("a").Action("b", configure: a => a with { Outcomes = ["Yes", "No"] }).End("won", result: "Won")
            .Flow("start", "a", "b", "won").Build();
        Guid instanceId;
        await using (var before = NewNode())
        {
            var instance = await before.StartAsync(map, variables: new { amount = 1200 }, subject: new SubjectReference("deal", "42"));
            instanceId = instance.Id;
            await before.CompleteAsync(instance.Id, "a", variables: new { note = "called" });
        }

        await using var after = NewNode();
        var task = await after.TaskAtAsync(instanceId, "b");
        task.Outcomes.ShouldBe(["Yes", "No"]);
        task.Subject.ShouldBe(new SubjectReference("deal", "42"));
        await after.CompleteAsync(instanceId, "b", outcome: "Yes");

        var done = await after.InstanceAsync(instanceId);
        done.Status.ShouldBe(InstanceStatus.Completed);
        done.Result.ShouldBe("Won");
        done.Variables["amount"].GetInt32().ShouldBe(1200);
        done.Variables["note"].GetString().ShouldBe("called");
        done.Variables["bOutcome"].GetString().ShouldBe("Yes");
        (await after.Engine.GetHistoryAsync(instanceId)).Select(h => h.Sequence).ShouldBe(Enumerable.Range(1, (int)done.HistoryCount).Select(i => (long)i));
    }

    [Fact]
    public async Task A_published_route_map_survives_a_restart_with_every_property()
    {
        var map = new MapBuilder("rich").Start()
            .RoleAction("review", "Sales manager", "North", a => a with
            {
                TitleTemplate = "Review {{amount}}",
                RequiresAcceptance = true,
                Deadline = Engine.Definitions.Deadline.After(TimeSpan.FromHours(4)),
                ReminderBefore = TimeSpan.FromHours(1),
                FormFields = [new Engine.Definitions.FormField { Name = "amount", Label = "Amount", Type = Engine.Definitions.FormFieldType.Number, Required = true }],
                Stage = "Proposal",
            })
            .Condition("big", "amount > 1000").End("yes").End("no")
            .Flow("start", "review", "big").Yes("big", "yes").No("big", "no").Build();
        Engine.Definitions.RouteMap published;

        // The Typical sale's automatic step calls the CRM's handler, which publishing requires to be registered.
        await using (var before = NewNode(extend: bpm => bpm.AddHandler<NoCrm>("crm.set-deal-amount")))
        {
            published = await before.DeployAsync(map);
        }

        await using var after = NewNode();
        var loaded = await after.Maps.GetAsync(published.Key, published.Version);

        loaded.ShouldNotBeNull();
        loaded.ShouldBeEquivalentTo(published);
    }

    [Fact]
    public async Task A_route_map_imported_from_bpmn_keeps_its_diagram_and_foreign_markup_through_the_database()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "RouteMaps", "typical-sale.bpmn");
        var imported = new BpmnImporter().ImportXml(await File.ReadAllTextAsync(file)).Single();
        imported.Diagram.ShouldNotBeNull();
        Engine.Definitions.RouteMap published;

        // The Typical sale's automatic step calls the CRM's handler, which publishing requires to be registered.
        await using (var before = NewNode(extend: bpm => bpm.AddHandler<NoCrm>("crm.set-deal-amount")))
        {
            published = await before.DeployAsync(imported);
        }

        await using var after = NewNode();
        var loaded = await after.Maps.GetAsync(published.Key, published.Version);

        loaded.ShouldNotBeNull();
        new BpmnExporter().Export(loaded).ShouldBe(new BpmnExporter().Export(published));
    }

    private sealed class NoCrm : Engine.Jobs.IServiceTaskHandler
    {
        public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(Engine.Jobs.ServiceTaskContext context, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Publishing only: no job runs in this test.");
    }
}
