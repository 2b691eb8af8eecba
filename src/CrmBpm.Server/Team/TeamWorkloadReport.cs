using CrmBpm.Crm.Deals;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Identity;

namespace CrmBpm.Server.Team;

/// <summary>
/// The Head's view of the team (the Administrator's: everyone): per member the open tasks held by or addressed to them
/// personally (pool tasks nobody took are counted apart, once), overdue ones, deals in work with their potential, won and lost.
/// </summary>
public sealed class TeamWorkloadReport(WorkScope work, UserDirectory directory, ITaskService tasks, DealService deals, TimeProvider clock)
{
    /// <summary>Size of the pages read while walking a member's tasks.</summary>
    private const int ChunkSize = 500;

    /// <summary>The rows, by display name, and the open pool tasks nobody on the team has taken yet.</summary>
    /// <exception cref="Engine.Errors.ForbiddenException">The user is neither a Head nor an Administrator.</exception>
    public async Task<(IReadOnlyList<TeamMemberWorkload> Members, int UntakenPoolTasks)> BuildAsync(CancellationToken cancellationToken = default)
    {
        if (!work.User.IsHead && !work.User.IsAdministrator)
        {
            throw new Engine.Errors.ForbiddenException("team.head-only", "Only a Head or an Administrator sees the team's workload.");
        }

        var members = await work.TeamAsync(cancellationToken) ?? await directory.ListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var allDeals = await deals.ListAsync(cancellationToken: cancellationToken);
        var poolTasks = new HashSet<Guid>();
        var rows = new List<TeamMemberWorkload>();
        foreach (var member in members.Where(m => m.Roles.Any(r => r is AppRoles.Manager or AppRoles.Head)))
        {
            var personal = new List<WorkTask>();
            foreach (var task in await VisibleTasksAsync(member.ToActor(), cancellationToken))
            {
                if (task.AssigneeId == member.Id || (task.AssigneeId is null && task.PerformerUserId == member.Id))
                {
                    personal.Add(task);
                }
                else if (task.AssigneeId is null)
                {
                    poolTasks.Add(task.Id);
                }
            }

            var theirs = allDeals.Where(d => d.ManagerId == member.Id).ToList();
            var inWork = theirs.Where(d => d.Status == DealStatus.InWork).ToList();
            rows.Add(new TeamMemberWorkload(
                member.Id,
                member.DisplayName,
                member.Roles,
                personal.Count,
                personal.Count(t => t.DueAt < now),
                inWork.Count,
                inWork.Sum(d => d.PotentialAmount),
                theirs.Count(d => d.Status == DealStatus.Won),
                theirs.Count(d => d.Status == DealStatus.Lost)));
        }

        return ([.. rows.OrderBy(r => r.DisplayName, StringComparer.CurrentCultureIgnoreCase)], poolTasks.Count);
    }

    private async Task<List<WorkTask>> VisibleTasksAsync(Actor actor, CancellationToken cancellationToken)
    {
        var all = new List<WorkTask>();
        for (var page = 1; ; page++)
        {
            var chunk = await tasks.MyTasksAsync(new TaskQuery { Actor = actor, Page = page, PageSize = ChunkSize, IncludePostponed = true }, cancellationToken);
            all.AddRange(chunk.Items);
            if (page >= chunk.PageCount)
            {
                return all;
            }
        }
    }
}
