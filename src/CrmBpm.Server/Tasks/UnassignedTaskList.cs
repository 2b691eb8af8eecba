using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Identity;

namespace CrmBpm.Server.Tasks;

/// <summary>
/// The Unassigned list for Heads and Administrators: tasks of Actions without any performer, which are in nobody's My tasks,
/// and handing each to a person or a pool. Unassigned tasks belong to no team, so every Head sees all of them.
/// </summary>
public sealed class UnassignedTaskList(ITaskService tasks, IRouteMapService maps, TaskSubjects subjects, WorkScope work, UserDirectory directory)
{
    /// <summary>The page, by deadline (none last), then creation.</summary>
    /// <exception cref="ForbiddenException">The user is neither a Head nor an Administrator.</exception>
    public async Task<UnassignedTaskPage> ListAsync(int page = 1, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        var result = await tasks.UnassignedTasksAsync(new UnassignedTaskQuery { Actor = Supervisor(), Page = page, PageSize = pageSize }, cancellationToken);

        var named = await subjects.DescribeAsync(result.Items.Select(t => t.Subject), cancellationToken);
        var versions = new Dictionary<(string, int), RouteMap?>();
        var rows = new List<UnassignedTaskRow>(result.Items.Count);
        foreach (var task in result.Items)
        {
            if (!versions.TryGetValue((task.MapKey, task.MapVersion), out var map))
            {
                map = versions[(task.MapKey, task.MapVersion)] = await maps.GetAsync(task.MapKey, task.MapVersion, cancellationToken);
            }

            rows.Add(new UnassignedTaskRow(
                task,
                map is { Name.Length: > 0 } ? map.Name : task.MapKey,
                map?.FindPoint(task.PointId)?.DisplayName ?? task.PointId,
                task.Subject is { } subject ? named.GetValueOrDefault(subject) : null));
        }

        return new UnassignedTaskPage(rows, page, pageSize, result.TotalCount);
    }

    /// <summary>The people and the pools (roles, with their addressing objects) a task can be handed to.</summary>
    public async Task<(IReadOnlyList<DirectoryUser> People, IReadOnlyList<RoleMembership> Pools)> TargetsAsync(CancellationToken cancellationToken = default)
    {
        Supervisor();
        var people = await directory.ListAsync(cancellationToken);
        var pools = people.SelectMany(p => p.Memberships)
            .SelectMany(m => m.AddressingObject is null ? [m] : new[] { new RoleMembership(m.Role), m })
            .Distinct()
            .OrderBy(m => m.Role, StringComparer.CurrentCulture).ThenBy(m => m.AddressingObject ?? "", StringComparer.CurrentCulture)
            .ToList();
        return (people, pools);
    }

    /// <summary>Hands an unassigned task to a person or a pool; recorded in the instance's history as a redirect.</summary>
    /// <exception cref="InputException">Neither or both targets, an unknown user, or a pool nobody is in.</exception>
    /// <exception cref="ConflictException">The task is no longer unassigned (someone handed it over first).</exception>
    /// <exception cref="ForbiddenException">The user is neither a Head nor an Administrator.</exception>
    public async Task<WorkTask> HandOverAsync(Guid taskId, UnassignedTaskHandOver handOver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handOver);
        var supervisor = Supervisor();
        var toUser = Blank(handOver.ToUserId);
        var toRole = Blank(handOver.ToRole);
        var addressingObject = Blank(handOver.AddressingObject);
        if ((toUser is null) == (toRole is null))
        {
            throw new InputException("task.hand-over-target", "toUserId", "Say whom to hand the task to: a user (toUserId) or a pool (toRole), not both.");
        }

        if (toUser is not null && addressingObject is not null)
        {
            throw new InputException("task.hand-over-target", "addressingObject", "An addressing object narrows a pool (toRole), not a user.");
        }

        var task = await tasks.GetAsync(taskId, cancellationToken);
        if (!task.IsUnassigned || !task.IsActive)
        {
            throw new ConflictException("task.not-unassigned", task.IsActive
                ? $"Task '{task.Title}' is no longer unassigned: it is with {task.AssigneeId ?? $"the pool of {task.PerformerRole}"}."
                : $"Task '{task.Title}' is no longer open.");
        }

        if (toUser is not null)
        {
            _ = await directory.FindAsync(toUser, cancellationToken) ?? throw new InputException("task.hand-over-target", "toUserId", $"There is no user '{toUser}'.");
            return await tasks.RedirectAsync(taskId, supervisor, toUser, Blank(handOver.Comment), cancellationToken);
        }

        var (_, pools) = await TargetsAsync(cancellationToken);
        if (!pools.Contains(new RoleMembership(toRole!, addressingObject)))
        {
            var pool = addressingObject is null ? toRole : $"{toRole} for {addressingObject}";
            throw new InputException("task.hand-over-target", "toRole", $"Nobody is in the pool of {pool}, so the task would wait unseen; choose another pool or a person.");
        }

        return await tasks.RedirectToPoolAsync(taskId, supervisor, toRole!, addressingObject, Blank(handOver.Comment), cancellationToken);
    }

    private Actor Supervisor() =>
        work.User.IsHead || work.User.IsAdministrator
            ? work.User.Supervisor
            : throw new ForbiddenException("task.unassigned-not-allowed", $"Only a Head or an Administrator sees and hands over the unassigned tasks; {work.User.Id} is neither.");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
