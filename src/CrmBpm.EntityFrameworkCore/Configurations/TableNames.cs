namespace CrmBpm.EntityFrameworkCore.Configurations;

/// <summary>Table names; raw SQL (timer leasing, open task counts) uses them too, so they live in one place.</summary>
internal static class TableNames
{
    public const string RouteMaps = "route_maps";
    public const string Instances = "instances";
    public const string Tasks = "tasks";
    public const string History = "history";
    public const string Timers = "timers";
    public const string OpenTaskCounts = "open_task_counts";
}
