using CrmBpm.Engine.Definitions;

namespace CrmBpm.Designer.Benchmark;

/// <summary>
/// A valid map of a given size: Start, then blocks of Condition → (Action | Action), each block joining into the
/// next, then End — the shape of a long approval chain.
/// </summary>
internal static class LargeMap
{
    public static RouteMap Create(int points)
    {
        var blocks = (points - 2) / 3;
        var list = new List<Point> { new StartPoint { Id = "start", Name = "Start" } };
        var flows = new List<Flow>();
        var previous = new List<string> { "start" };
        for (var i = 0; i < blocks; i++)
        {
            var condition = $"check{i}";
            list.Add(new ConditionPoint { Id = condition, Name = $"Check {i}?", Expression = $"amount > {i}" });
            flows.AddRange(previous.Select((p, n) => new Flow { Id = $"in{i}_{n}", SourceId = p, TargetId = condition }));
            var yes = $"approve{i}";
            var no = $"review{i}";
            list.Add(new ActionPoint { Id = yes, Name = $"Approve {i}", Performer = Performer.ForRole("Head of sales") });
            list.Add(new ActionPoint { Id = no, Name = $"Review {i}", Performer = Performer.User("alice") });
            flows.Add(new Flow { Id = $"yes{i}", SourceId = condition, TargetId = yes, Name = "Yes", Branch = ConditionBranch.Yes });
            flows.Add(new Flow { Id = $"no{i}", SourceId = condition, TargetId = no, Name = "No", Branch = ConditionBranch.No });
            previous = [yes, no];
        }

        list.Add(new EndPoint { Id = "end", Name = "End" });
        flows.AddRange(previous.Select((p, n) => new Flow { Id = $"out_{n}", SourceId = p, TargetId = "end" }));
        return new RouteMap { Key = "benchmark-" + points, Name = $"Benchmark, {list.Count} points", Points = list, Flows = flows };
    }
}
