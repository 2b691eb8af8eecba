using CrmBpm.Engine.Definitions;

namespace CrmBpm.NodeHost;

/// <summary>The maps the nodes run.</summary>
internal static class LoadMaps
{
    public const string WorkerRole = "Worker";

    /// <summary>The role of watched tasks; no worker holds it, so those tasks stay open and their timers come due.</summary>
    public const string WatcherRole = "Watcher";

    public const string SaleKey = "node-sale";

    public const string WatchKey = "node-watch";

    public const string AutoKey = "node-auto";

    /// <summary>The handler name of <see cref="Auto"/>'s automatic step (<see cref="NodeBillHandler"/>).</summary>
    public const string BillHandler = "node-bill";

    /// <summary>
    /// Typical-sale-shaped: qualify → condition → split (offer, credit) → merge → ship → end. Pool tasks of one role,
    /// so workers on different nodes race for the same tasks; the ship task has a short deadline that may fire first.
    /// </summary>
    public static RouteMap Sale() => new()
    {
        Key = SaleKey,
        Name = "Node load: sale",
        Points =
        [
            new StartPoint { Id = "start" },
            new ActionPoint { Id = "qualify", Performer = Performer.ForRole(WorkerRole) },
            new ConditionPoint { Id = "agree", Expression = "amount > 100" },
            new SplitPoint { Id = "fork" },
            new ActionPoint { Id = "offer", Performer = Performer.ForRole(WorkerRole) },
            new ActionPoint { Id = "credit", Performer = Performer.ForRole(WorkerRole) },
            new MergePoint { Id = "join" },
            new ActionPoint { Id = "ship", Performer = Performer.ForRole(WorkerRole), Deadline = Deadline.After(TimeSpan.FromMilliseconds(500)) },
            new EndPoint { Id = "won", Result = "Won" },
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
            new Flow { Id = "f8", SourceId = "ship", TargetId = "won" },
        ],
    };

    /// <summary>One watched task with a 2 s deadline and a reminder 1 s before it: both timers come due while the nodes run.</summary>
    public static RouteMap Watch() => new()
    {
        Key = WatchKey,
        Name = "Node load: watched task",
        Points =
        [
            new StartPoint { Id = "start" },
            new ActionPoint
            {
                Id = "watch",
                Performer = Performer.ForRole(WatcherRole),
                Deadline = Deadline.After(TimeSpan.FromSeconds(2)),
                ReminderBefore = TimeSpan.FromSeconds(1),
            },
            new EndPoint { Id = "end" },
        ],
        Flows =
        [
            new Flow { Id = "f1", SourceId = "start", TargetId = "watch" },
            new Flow { Id = "f2", SourceId = "watch", TargetId = "end" },
        ],
    };

    /// <summary>
    /// Nobody's work: an automatic step (a job, run by whichever node's job executor leases it; a 6 s timeout so a job held by
    /// a killed node is taken over within seconds) and then a half-second timer event, so jobs and timer events race
    /// across the nodes as deadlines and reminders do.
    /// </summary>
    public static RouteMap Auto() => new()
    {
        Key = AutoKey,
        Name = "Node load: automatic step and a pause",
        Points =
        [
            new StartPoint { Id = "start" },
            new ServicePoint { Id = "bill", Handler = BillHandler, Timeout = "PT6S" },
            new TimerWaitPoint { Id = "pause", Timer = TimerDefinition.After("PT0.5S") },
            new EndPoint { Id = "end" },
        ],
        Flows =
        [
            new Flow { Id = "f1", SourceId = "start", TargetId = "bill" },
            new Flow { Id = "f2", SourceId = "bill", TargetId = "pause" },
            new Flow { Id = "f3", SourceId = "pause", TargetId = "end" },
        ],
    };
}
