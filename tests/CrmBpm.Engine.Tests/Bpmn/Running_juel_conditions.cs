using CrmBpm.Engine.Runtime;
using CrmBpm.Testing;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>Conditions of imported Camunda files run with JUEL's rules, so they take the branch Camunda takes.</summary>
public sealed class Running_juel_conditions : IAsyncLifetime
{
    private readonly EngineHarness _bpm = new(bpm => bpm.UseInMemoryStore());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bpm.DisposeAsync();

    [Fact]
    public async Task A_boolean_compared_with_the_text_true_takes_the_flow_Camunda_takes()
    {
        var map = Import(Fixture("camunda-approved-text.bpmn")).Single();

        var instance = await _bpm.StartAsync(map, new { approved = true });

        (await _bpm.InstanceAsync(instance.Id)).IncidentMessage.ShouldBeNull();
        (await _bpm.TokenPointsAsync(instance.Id)).ShouldBe(["fulfil"]);
    }

    [Fact]
    public async Task A_false_boolean_compared_with_the_text_true_takes_the_default_flow()
    {
        var map = Import(Fixture("camunda-approved-text.bpmn")).Single();

        var instance = await _bpm.StartAsync(map, new { approved = false });

        (await _bpm.TokenPointsAsync(instance.Id)).ShouldBe(["explain"]);
    }

    [Fact]
    public async Task A_condition_naming_an_unknown_variable_gives_the_instance_an_incident_naming_it()
    {
        var map = Import(Fixture("camunda-approved-text.bpmn")).Single();

        var instance = await _bpm.StartAsync(map, new { other = 1 });

        var current = await _bpm.InstanceAsync(instance.Id);
        current.Status.ShouldBe(InstanceStatus.Incident);
        current.IncidentMessage.ShouldNotBeNull().ShouldContain("Unknown property used in expression");
        current.IncidentMessage.ShouldContain("'approved'");
    }
}
