using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Testing.Scenarios;

/// <summary>Choice points: cases in flow order, the first true wins, then the default, else an incident.</summary>
public abstract class ChoiceScenarios : EngineScenario
{
    private static RouteMap Routing(bool withDefault) => new MapBuilder("routing")
        .Start().Choice("route", withDefault ? "route->other" : null).Action("vip").Action("large").Action("other").End()
        .Flow("start", "route")
        .Case("route", "vip", "segment === 'vip'")
        .Case("route", "large", "amount >= 1000")
        .Case("route", "other", withDefault ? null : "amount < 1000")
        .Flow("vip", "end").Flow("large", "end").Flow("other", "end").Build();

    [Theory]
    [InlineData("vip", 5000, "vip")]
    [InlineData("retail", 5000, "large")]
    [InlineData("retail", 10, "other")]
    public async Task The_first_true_case_in_order_is_taken(string segment, int amount, string expected)
    {
        var instance = await Bpm.StartAsync(Routing(withDefault: false), new { segment, amount });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe([expected]);
    }

    [Fact]
    public async Task The_default_flow_is_taken_when_no_case_matches()
    {
        var instance = await Bpm.StartAsync(Routing(withDefault: true), new { segment = "retail", amount = 1 });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["other"]);
    }

    [Fact]
    public async Task No_match_and_no_default_is_an_incident_that_a_retry_with_new_variables_resolves()
    {
        var map = new MapBuilder("strict").Start().Choice("route").Action("a").Action("b").End()
            .Flow("start", "route").Case("route", "a", "kind === 'a'").Case("route", "b", "kind === 'b'")
            .Flow("a", "end").Flow("b", "end").Build();

        var instance = await Bpm.StartAsync(map, new { kind = "z" });

        instance.Status.ShouldBe(InstanceStatus.Incident);
        instance.IncidentMessage!.ShouldContain("No case of Choice 'route' matched");

        await Bpm.Engine.RetryIncidentAsync(instance.Id, new Dictionary<string, object?> { ["kind"] = "b" });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["b"]);
    }

    [Fact]
    public async Task A_case_that_gives_no_boolean_is_an_incident()
    {
        var map = new MapBuilder("bad").Start().Choice("route", "route->b").Action("a").Action("b").End()
            .Flow("start", "route").Case("route", "a", "'yes'").Case("route", "b", null)
            .Flow("a", "end").Flow("b", "end").Build();

        var instance = await Bpm.StartAsync(map);

        instance.Status.ShouldBe(InstanceStatus.Incident);
        instance.IncidentMessage!.ShouldContain("true or false");
    }

    [Fact]
    public async Task Camunda_style_expressions_are_accepted()
    {
        var map = new MapBuilder("juel").Start().Choice("route", "route->b").Action("a").Action("b").End()
            .Flow("start", "route").Case("route", "a", "${amount > 10}").Case("route", "b", null)
            .Flow("a", "end").Flow("b", "end").Build();

        var instance = await Bpm.StartAsync(map, new { amount = 11 });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["a"]);
    }
}
