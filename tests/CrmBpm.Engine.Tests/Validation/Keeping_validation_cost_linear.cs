using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Validation;

/// <summary>
/// Validation refuses maps beyond the documented limits before any rule runs, and what is allowed is explored in time
/// that grows with the map: parallel branches are not interleaved, nested chains are walked without recursion.
/// </summary>
public sealed class Keeping_validation_cost_linear
{
    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map, Func<string, RouteMap?>? published = null, RouteMapLimits? limits = null) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), published ?? (_ => null), limits));

    /// <summary>Start, a Split into two chains of <paramref name="length"/> actions each, and whatever <paramref name="ends"/> adds after them.</summary>
    private static MapBuilder TwoChains(int length, Action<MapBuilder, string, string> ends)
    {
        var map = new MapBuilder("chains").StartVariable("x", FormFieldType.Boolean).Start().Split("s").Flow("start", "s");
        foreach (var chain in new[] { "a", "b" })
        {
            for (var i = 0; i < length; i++)
            {
                map.Action($"{chain}{i}").Flow(i == 0 ? "s" : $"{chain}{i - 1}", $"{chain}{i}");
            }
        }

        ends(map, $"a{length - 1}", $"b{length - 1}");
        return map;
    }

    [Fact]
    public void Two_parallel_chains_of_forty_thousand_actions_are_refused_by_the_point_limit_naming_it()
    {
        var map = TwoChains(40_000, (m, a, b) => m.Merge("m").End().Flow(a, "m").Flow(b, "m").Flow("m", "end")).Build();

        var problems = Validate(map);

        problems.Select(p => p.Code).ShouldBe(["map.too-many-points", "map.too-many-flows"]);
        problems[0].Message.ShouldContain("80,004 points; the limit is 5,000 (RouteMapLimits.MaxPoints)");
        problems[1].Message.ShouldContain("80,004 flows; the limit is 10,000 (RouteMapLimits.MaxFlows)");
    }

    [Fact]
    public void The_limits_can_be_changed()
    {
        var map = TwoChains(10, (m, a, b) => m.Merge("m").End().Flow(a, "m").Flow(b, "m").Flow("m", "end")).Build();

        Validate(map, limits: new RouteMapLimits { MaxPoints = 20 }).ShouldHaveSingleItem().Code.ShouldBe("map.too-many-points");
        Validate(map, limits: new RouteMapLimits { MaxFlows = 20 }).ShouldHaveSingleItem().Code.ShouldBe("map.too-many-flows");
        Validate(map).ShouldBeEmpty();
    }

    [Fact]
    public void The_largest_allowed_map_of_two_parallel_chains_is_explored_to_the_end()
    {
        // 5,000 points: merge m joins the two chains, so it can fire; merge bad, fed by both answers of one Condition, cannot.
        var map = TwoChains(2_496, (m, a, b) => m.Split("s2").Condition("c", "x").Merge("bad").Merge("m").End().End("end2")
            .Flow(a, "m").Flow(b, "s2", "m").Flow("s2", "c").Yes("c", "bad").No("c", "bad").Flow("bad", "end2").Flow("m", "end")).Build();
        map.Points.Count.ShouldBe(5_000);

        var problem = Validate(map).ShouldHaveSingleItem();

        // Before, the exploration interleaved the two chains, ran out of its 20,000 markings and reported nothing.
        problem.Code.ShouldBe("merge.never-fires");
        problem.PointId.ShouldBe("bad");
    }

    [Fact]
    public void Ten_thousand_maps_each_nesting_the_next_are_refused_at_the_depth_limit()
    {
        var maps = Enumerable.Range(0, 10_000).Select(i => i == 9_999
            ? new MapBuilder($"m{i}").Start().End().Flow("start", "end").Build()
            : new MapBuilder($"m{i}").Start().Nested("n", $"m{i + 1}").End().Flow("start", "n", "end").Build()).ToDictionary(m => m.Key);

        var problem = Validate(maps["m0"], maps.GetValueOrDefault).ShouldHaveSingleItem();

        problem.Code.ShouldBe("nested.too-deep");
        problem.PointId.ShouldBe("n");
        problem.Message.ShouldContain("go deeper than 16 levels (m1 → m2 →");
        problem.Message.ShouldContain("limit RouteMapLimits.MaxNestingDepth");
    }

    [Fact]
    public void Nesting_exactly_to_the_depth_limit_is_allowed()
    {
        var maps = Enumerable.Range(0, 17).Select(i => i == 16
            ? new MapBuilder($"m{i}").Start().End().Flow("start", "end").Build()
            : new MapBuilder($"m{i}").Start().Nested("n", $"m{i + 1}").End().Flow("start", "n", "end").Build()).ToDictionary(m => m.Key);

        Validate(maps["m0"], maps.GetValueOrDefault).ShouldBeEmpty();
        Validate(maps["m0"], maps.GetValueOrDefault, new RouteMapLimits { MaxNestingDepth = 15 }).ShouldHaveSingleItem().Code.ShouldBe("nested.too-deep");
    }
}
