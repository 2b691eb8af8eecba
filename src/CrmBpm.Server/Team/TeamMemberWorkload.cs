namespace CrmBpm.Server.Team;

/// <summary>One team member's load: the tasks on them personally, the deals they run and how their closed deals ended.</summary>
public sealed record TeamMemberWorkload(
    string UserId,
    string DisplayName,
    IReadOnlyList<string> Roles,
    int OpenTasks,
    int OverdueTasks,
    int DealsInWork,
    decimal Pipeline,
    int DealsWon,
    int DealsLost)
{
    /// <summary>Share of closed deals won, or null when none closed yet.</summary>
    public decimal? WinRate => DealsWon + DealsLost == 0 ? null : Math.Round(100m * DealsWon / (DealsWon + DealsLost), 0);
}
