using CrmBpm.Engine.Runtime;

namespace CrmBpm.Testing.Scenarios;

/// <summary>Condition points: Yes/No by a boolean expression; anything else is an incident that can be retried.</summary>
public abstract class ConditionScenarios : EngineScenario
{
    private static MapBuilder Agreement() => new MapBuilder("agreement")
        .Start().Condition("agree", "amount > 1000").Action("big").Action("small").End()
        .Flow("start", "agree").Yes("agree", "big").No("agree", "small").Flow("big", "end").Flow("small", "end");

    [Theory]
    [InlineData(5000, "big")]
    [InlineData(10, "small")]
    public async Task The_token_takes_the_Yes_flow_when_the_expression_is_true_and_No_otherwise(int amount, string expected)
    {
        var instance = await Bpm.StartAsync(Agreement().Build(), new { amount });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe([expected]);
    }

    [Fact]
    public async Task A_condition_that_gives_no_boolean_is_an_incident_naming_the_value()
    {
        var map = new MapBuilder("c").Start().Condition("c", "amount").Action("a").End().Flow("start", "c").Yes("c", "a").No("c", "end").Flow("a", "end").Build();

        var instance = await Bpm.StartAsync(map, new { amount = 5 });

        instance.Status.ShouldBe(InstanceStatus.Incident);
        instance.IncidentMessage.ShouldNotBeNull();
        instance.IncidentMessage.ShouldContain("true or false");
        instance.IncidentMessage.ShouldContain("5");
        instance.Tokens.ShouldHaveSingleItem().State.ShouldBe(TokenState.Incident);
        instance.Tokens[0].PointId.ShouldBe("c");
    }

    [Fact]
    public async Task A_failing_expression_is_an_incident_and_retry_with_fixed_variables_continues()
    {
        var instance = await Bpm.StartAsync(Agreement().Build());

        instance.Status.ShouldBe(InstanceStatus.Incident);
        instance.IncidentMessage!.ShouldContain("amount is not defined");
        Bpm.Events.All.OfType<CrmBpm.Engine.Events.IncidentRaised>().ShouldHaveSingleItem().PointId.ShouldBe("agree");

        var retried = await Bpm.Engine.RetryIncidentAsync(instance.Id, new Dictionary<string, object?> { ["amount"] = 2000 });

        retried.Status.ShouldBe(InstanceStatus.Active);
        retried.IncidentMessage.ShouldBeNull();
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["big"]);
    }

    [Fact]
    public async Task Retrying_without_fixing_raises_the_incident_again()
    {
        var instance = await Bpm.StartAsync(Agreement().Build());

        var retried = await Bpm.Engine.RetryIncidentAsync(instance.Id);

        retried.Status.ShouldBe(InstanceStatus.Incident);
        (await Bpm.Engine.GetHistoryAsync(instance.Id)).Count(h => h.Kind == HistoryKind.IncidentRaised).ShouldBe(2);
    }

    [Fact]
    public async Task A_review_loop_returns_to_an_earlier_action_until_the_answer_is_yes()
    {
        var map = new MapBuilder("review")
            .Start().Action("write").Action("review", configure: a => a with { Outcomes = ["Approve", "Rework"] })
            .Condition("ok", "reviewOutcome === 'Approve'").End()
            .Flow("start", "write", "review", "ok").Yes("ok", "end").No("ok", "write").Build();
        var instance = await Bpm.StartAsync(map);

        for (var round = 0; round < 3; round++)
        {
            await Bpm.CompleteAsync(instance.Id, "write");
            await Bpm.CompleteAsync(instance.Id, "review", "Rework");
            (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["write"]);
        }

        await Bpm.CompleteAsync(instance.Id, "write");
        await Bpm.CompleteAsync(instance.Id, "review", "Approve");

        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
        (await Bpm.Tasks.GetTasksOfInstanceAsync(instance.Id)).Count.ShouldBe(8);
    }

    [Fact]
    public async Task A_loop_of_conditions_without_any_action_becomes_an_incident_instead_of_hanging()
    {
        var map = new MapBuilder("spin")
            .Start().Condition("c1", "true").Condition("c2", "true").End()
            .Flow("start", "c1").Yes("c1", "c2").No("c1", "end").Yes("c2", "c1").No("c2", "end").Build();

        var instance = await Bpm.StartAsync(map);

        instance.Status.ShouldBe(InstanceStatus.Incident);
        instance.IncidentMessage!.ShouldContain("looping");
    }

    [Fact]
    public async Task A_long_chain_of_conditions_runs_without_growing_the_stack()
    {
        var builder = new MapBuilder("chain").Start().End();
        const int length = 3000;
        for (var i = 0; i < length; i++)
        {
            builder.Condition($"c{i}", "true");
            builder.Yes($"c{i}", i + 1 < length ? $"c{i + 1}" : "end");
            builder.No($"c{i}", "end");
        }

        builder.Flow("start", "c0");

        var instance = await Bpm.StartAsync(builder.Build());

        instance.Status.ShouldBe(InstanceStatus.Completed);
    }
}
