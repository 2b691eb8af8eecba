using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Validation;

/// <summary>
/// Link events pair up by name inside one scope: a throw link jumps to the one catch link of its name beside it, nothing
/// leads into a catch link and nothing leaves a throw link; the jump counts as a way on for reachability and dead ends.
/// </summary>
public sealed class Checking_link_events
{
    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    private static MapBuilder Linked(string throwName = "to-review", string catchName = "to-review") =>
        new MapBuilder("order").Start().Action("prepare")
            .Add(new LinkThrowPoint { Id = "go", Name = "Go to review", LinkName = throwName })
            .Add(new LinkCatchPoint { Id = "land", Name = "Review", LinkName = catchName })
            .Action("review").End()
            .Flow("start", "prepare", "go")
            .Flow("land", "review", "end");

    [Fact]
    public void A_throw_and_a_catch_of_one_name_join_the_map_without_a_problem()
    {
        Validate(Linked().Build()).ShouldBeEmpty();
    }

    [Fact]
    public void A_throw_without_a_catch_of_its_name_is_refused_naming_the_link()
    {
        var problems = Validate(Linked(catchName: "elsewhere").Build());

        problems.ShouldContain(p => p.Code == "link.catch-missing" && p.PointId == "go" && p.Message.Contains("link 'to-review'"));
        problems.ShouldNotContain(p => p.Code == "point.dead-end" && p.PointId == "go");
        problems.ShouldContain(p => p.Code == "point.unreachable" && p.PointId == "land");
    }

    [Fact]
    public void Two_catches_of_one_name_in_one_scope_are_refused()
    {
        var map = Linked().Add(new LinkCatchPoint { Id = "land-2", LinkName = "to-review" }).Flow("land-2", "review").Build();

        Validate(map).ShouldContain(p => p.Code == "link.catch-duplicate" && p.PointId == "land-2" && p.Message.Contains("'Review'") && p.Message.Contains("'land-2'"));
    }

    [Fact]
    public void A_flow_into_a_catch_or_out_of_a_throw_is_refused()
    {
        var map = Linked().Action("extra").Flow("go", "extra", "end").Flow("prepare", "land").Build();

        var problems = Validate(map);

        problems.ShouldContain(p => p.Code == "link.throw-outgoing" && p.PointId == "go");
        problems.ShouldContain(p => p.Code == "link.catch-incoming" && p.PointId == "land");
    }

    [Fact]
    public void A_link_without_a_name_is_refused()
    {
        Validate(Linked(" ", " ").Build()).Where(p => p.Code == "link.name-missing").Select(p => p.PointId).ShouldBe(["go", "land"], ignoreOrder: true);
    }

    [Fact]
    public void A_link_does_not_cross_the_border_of_a_sub_process()
    {
        var map = new MapBuilder("order").Start().SubProcess("check").End()
            .Add(new LinkCatchPoint { Id = "land", LinkName = "out" }).Action("after")
            .Flow("start", "check", "end").Flow("land", "after", "end")
            .Inside("check").Start("inner-start").Add(new LinkThrowPoint { Id = "go", LinkName = "out" }).Flow("inner-start", "go").Inside(null)
            .Build();

        var problems = Validate(map);

        problems.ShouldContain(p => p.Code == "link.catch-missing" && p.PointId == "go" && p.Message.StartsWith("In sub-process 'check': ", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Code == "point.unreachable" && p.PointId == "land");
    }

    [Fact]
    public void A_merge_fed_through_a_link_can_fire()
    {
        var map = new MapBuilder("order").Start().Split("split").Action("left").Action("right").Merge("merge").End()
            .Add(new LinkThrowPoint { Id = "go", LinkName = "join" })
            .Add(new LinkCatchPoint { Id = "land", LinkName = "join" })
            .Flow("start", "split", "left", "go")
            .Flow("land", "merge", "end")
            .Flow("split", "right", "merge")
            .Build();

        Validate(map).ShouldBeEmpty();
    }
}
