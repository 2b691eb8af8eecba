using System.Text.Json;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Runtime;

/// <summary>
/// Variables are stored with their instance and served to every reader, so the engine keeps each one, all of an
/// instance's together, and their nesting within the limits set in CrmBpmOptions, wherever variables are set.
/// </summary>
public sealed class VariableLimitTests
{
    private static readonly string TwentyFiveMegabytes = new('x', 25 * 1024 * 1024);
    private static readonly string ThreeHundredKilobytes = new('x', 300 * 1024);
    private static readonly string TwoHundredKilobytes = new('x', 200 * 1024);

    private static RouteMap OneTask(string key = "one-task") =>
        new MapBuilder(key).Start().Action("work").End().Flow("start", "work", "end").Build();

    private static EngineHarness Harness() => new(b => b.UseInMemoryStore());

    [Fact]
    public async Task A_start_variable_over_the_limit_is_refused_naming_the_variable_and_the_limit()
    {
        await using var bpm = Harness();

        var error = await Should.ThrowAsync<VariableLimitException>(() => bpm.StartAsync(OneTask(), new { notes = TwentyFiveMegabytes }));

        error.Code.ShouldBe("variable.too-large");
        error.Variable.ShouldBe("notes");
        error.LimitName.ShouldBe(nameof(CrmBpmOptions.MaxVariableBytes));
        error.Limit.ShouldBe(256 * 1024);
        error.Message.ShouldContain("'notes'");
        error.Message.ShouldContain("256 KB");
    }

    [Fact]
    public async Task Start_variables_that_together_pass_the_instance_limit_are_refused()
    {
        await using var bpm = Harness();
        var variables = Enumerable.Range(1, 6).ToDictionary(i => $"part{i}", _ => (object?)TwoHundredKilobytes);

        var error = await Should.ThrowAsync<VariableLimitException>(() => bpm.StartAsync(OneTask(), variables));

        error.Code.ShouldBe("variables.too-large");
        error.LimitName.ShouldBe(nameof(CrmBpmOptions.MaxInstanceVariablesBytes));
        error.Message.ShouldContain("1 MB");
    }

    [Fact]
    public async Task A_variable_nested_deeper_than_the_limit_is_refused()
    {
        await using var bpm = Harness();
        var deep = JsonDocument.Parse(string.Concat(Enumerable.Repeat("[", 40)) + string.Concat(Enumerable.Repeat("]", 40))).RootElement.Clone();

        var error = await Should.ThrowAsync<VariableLimitException>(() => bpm.StartAsync(OneTask(), new Dictionary<string, object?> { ["tree"] = deep }));

        error.Code.ShouldBe("variable.too-deep");
        error.Variable.ShouldBe("tree");
        error.Actual.ShouldBe(40);
    }

    [Fact]
    public async Task The_limits_are_settings()
    {
        await using var bpm = new EngineHarness(b => b.UseInMemoryStore(), o => (o.MaxVariableBytes, o.MaxInstanceVariablesBytes) = (512 * 1024, 2 * 1024 * 1024));

        var instance = await bpm.StartAsync(OneTask(), new { notes = ThreeHundredKilobytes });

        instance.Variables["notes"].GetString()!.Length.ShouldBe(ThreeHundredKilobytes.Length);
    }

    [Fact]
    public async Task Completing_a_task_with_an_oversized_variable_is_refused_and_changes_nothing()
    {
        await using var bpm = Harness();
        var instance = await bpm.StartAsync(OneTask());

        var error = await Should.ThrowAsync<VariableLimitException>(() => bpm.CompleteAsync(instance.Id, "work", variables: new { comment = ThreeHundredKilobytes }));

        error.Variable.ShouldBe("comment");
        (await bpm.TaskAtAsync(instance.Id, "work")).IsActive.ShouldBeTrue();
        (await bpm.InstanceAsync(instance.Id)).Variables.ContainsKey("comment").ShouldBeFalse();
    }

    [Fact]
    public async Task Setting_variables_and_retrying_an_incident_with_oversized_variables_are_refused()
    {
        await using var bpm = Harness();
        var broken = new MapBuilder("broken").Start().Condition("c", "missing.value > 1").End().Flow("start", "c").Yes("c", "end").No("c", "end").Build();
        var instance = await bpm.StartAsync(broken);
        instance.Status.ShouldBe(InstanceStatus.Incident);

        (await Should.ThrowAsync<VariableLimitException>(() => bpm.Engine.SetVariablesAsync(instance.Id, new Dictionary<string, object?> { ["missing"] = ThreeHundredKilobytes })))
            .Variable.ShouldBe("missing");
        (await Should.ThrowAsync<VariableLimitException>(() => bpm.Engine.RetryIncidentAsync(instance.Id, new Dictionary<string, object?> { ["missing"] = ThreeHundredKilobytes })))
            .Variable.ShouldBe("missing");
        (await bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Incident);
    }

    [Fact]
    public async Task Nested_process_outputs_over_the_limit_become_an_incident_naming_the_variable()
    {
        await using var bpm = Harness();
        await bpm.DeployAsync(new MapBuilder("child").Start().End().Flow("start", "end").Build());
        var parent = new MapBuilder("parent").Start().Nested("n", "child", outputs: [new VariableMapping("blob + blob", "doubled")]).End()
            .Flow("start", "n", "end").Build();

        var instance = await bpm.StartAsync(parent, new { blob = TwoHundredKilobytes });

        instance.Status.ShouldBe(InstanceStatus.Incident);
        instance.IncidentMessage!.ShouldContain("'doubled'");
        instance.IncidentMessage!.ShouldContain("MaxVariableBytes");
        instance.Variables.ContainsKey("doubled").ShouldBeFalse();
    }

    [Fact]
    public async Task Nested_process_inputs_over_the_limit_become_an_incident_instead_of_a_child()
    {
        await using var bpm = Harness();
        await bpm.DeployAsync(new MapBuilder("child").Start().End().Flow("start", "end").Build());
        var parent = new MapBuilder("parent").Start().Nested("n", "child", inputs: [new VariableMapping("blob + blob", "doubled")]).End()
            .Flow("start", "n", "end").Build();

        var instance = await bpm.StartAsync(parent, new { blob = TwoHundredKilobytes });

        instance.Status.ShouldBe(InstanceStatus.Incident);
        instance.IncidentMessage!.ShouldContain("'doubled'");
        (await bpm.Engine.GetChildInstancesAsync(instance.Id)).ShouldBeEmpty();
    }
}
