using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// Link events: a token reaching a throw link jumps to the catch link of the same name in its scope and goes on from there,
/// in the same step; the history records the jump.
/// </summary>
public abstract class LinkEventScenarios : EngineScenario
{
    [Fact]
    public async Task A_token_at_a_throw_link_goes_on_from_the_catch_link_of_its_name_and_the_history_says_so()
    {
        var map = new MapBuilder("order").Start()
            .Add(new LinkThrowPoint { Id = "go", Name = "Go to review", LinkName = "review" })
            .Add(new LinkCatchPoint { Id = "land", Name = "Review", LinkName = "review" })
            .Action("check").End()
            .Flow("start", "go")
            .Flow("land", "check", "end")
            .Build();

        var instance = await Bpm.StartAsync(map);

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["check"]);
        (await Bpm.Engine.GetHistoryAsync(instance.Id)).ShouldContain(h =>
            h.Kind == HistoryKind.TokenMoved && h.FromPointId == "go" && h.PointId == "land" && h.FlowId == null && h.Details == "link 'review'");
        await Bpm.CompleteAsync(instance.Id, "check");
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task Two_throw_links_of_one_name_lead_to_the_same_catch_and_a_link_can_loop_back()
    {
        var map = new MapBuilder("order").Start()
            .Add(new LinkCatchPoint { Id = "again", LinkName = "retry" })
            .Action("try")
            .Condition("done", "attempts >= 2")
            .End()
            .Add(new LinkThrowPoint { Id = "back", LinkName = "retry" })
            .Add(new LinkThrowPoint { Id = "first", LinkName = "retry" })
            .Flow("start", "first")
            .Flow("again", "try", "done")
            .Yes("done", "end")
            .No("done", "back")
            .Build();

        var instance = await Bpm.StartAsync(map, new { attempts = 0 });
        await Bpm.CompleteAsync(instance.Id, "try", variables: new { attempts = 1 });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["try"]);
        await Bpm.CompleteAsync(instance.Id, "try", variables: new { attempts = 2 });
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
        (await Bpm.Engine.GetHistoryAsync(instance.Id)).Count(h => h.PointId == "again" && h.Details == "link 'retry'").ShouldBe(2);
    }

    [Fact]
    public async Task A_link_inside_a_sub_process_jumps_inside_it()
    {
        var map = new MapBuilder("order").Start().SubProcess("check").Action("after").End()
            .Flow("start", "check", "after", "end")
            .Inside("check").Start("inner-start")
            .Add(new LinkThrowPoint { Id = "go", LinkName = "page-2" })
            .Add(new LinkCatchPoint { Id = "land", LinkName = "page-2" })
            .Action("review").End("inner-end")
            .Flow("inner-start", "go").Flow("land", "review", "inner-end")
            .Inside(null)
            .Build();

        var instance = await Bpm.StartAsync(map);
        var child = (await Bpm.Engine.GetChildInstancesAsync(instance.Id)).ShouldHaveSingleItem();

        (await Bpm.TokenPointsAsync(child.Id)).ShouldBe(["review"]);
        await Bpm.CompleteAsync(child.Id, "review");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["after"]);
    }

    [Fact]
    public async Task An_inclusive_join_waits_for_a_token_that_can_still_come_through_a_link()
    {
        var map = new MapBuilder("order").Start()
            .Add(new InclusivePoint { Id = "fork" })
            .Action("left").Action("right")
            .Add(new LinkThrowPoint { Id = "go", LinkName = "join" })
            .Add(new LinkCatchPoint { Id = "land", LinkName = "join" })
            .Add(new InclusivePoint { Id = "join" })
            .End()
            .Flow("start", "fork", "left", "go")
            .Flow("land", "join", "end")
            .Flow("fork", "right", "join")
            .Build();

        var instance = await Bpm.StartAsync(map);
        await Bpm.CompleteAsync(instance.Id, "right");

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["left", "join"], ignoreOrder: true);
        await Bpm.CompleteAsync(instance.Id, "left");
        (await Bpm.InstanceAsync(instance.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }
}
