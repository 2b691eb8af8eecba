using CrmBpm.Engine.Definitions;

namespace CrmBpm.Benchmarks;

/// <summary>The Typical-sale-shaped map, the same shape as bpmn-engine/sale-shaped.bpmn.</summary>
internal static class BenchmarkMap
{
    public const string Key = "sale-shaped";

    public static RouteMap Build() => new()
    {
        Key = Key,
        Name = "Sale-shaped benchmark",
        Points =
        [
            new StartPoint { Id = "start" },
            new ActionPoint { Id = "qualify", Performer = Performer.User("bench") },
            new ConditionPoint { Id = "agree", Expression = "amount > 100" },
            new SplitPoint { Id = "fork" },
            new ActionPoint { Id = "offer", Performer = Performer.User("bench") },
            new ActionPoint { Id = "credit", Performer = Performer.ForRole("Accountant") },
            new MergePoint { Id = "join" },
            new ActionPoint { Id = "ship", Performer = Performer.User("bench") },
            new EndPoint { Id = "end", Result = "Won" },
            new EndPoint { Id = "lost", Result = "Lost" },
        ],
        Flows =
        [
            new Flow { Id = "f1", SourceId = "start", TargetId = "qualify" },
            new Flow { Id = "f2", SourceId = "qualify", TargetId = "agree" },
            new Flow { Id = "yes", SourceId = "agree", TargetId = "fork", Branch = ConditionBranch.Yes },
            new Flow { Id = "no", SourceId = "agree", TargetId = "lost", Branch = ConditionBranch.No },
            new Flow { Id = "f3", SourceId = "fork", TargetId = "offer" },
            new Flow { Id = "f4", SourceId = "fork", TargetId = "credit" },
            new Flow { Id = "f5", SourceId = "offer", TargetId = "join" },
            new Flow { Id = "f6", SourceId = "credit", TargetId = "join" },
            new Flow { Id = "f7", SourceId = "join", TargetId = "ship" },
            new Flow { Id = "f8", SourceId = "ship", TargetId = "end" },
        ],
    };
}
