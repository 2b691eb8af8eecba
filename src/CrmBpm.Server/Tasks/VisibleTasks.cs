using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;

namespace CrmBpm.Server.Tasks;

/// <summary>
/// The tasks the signed-in user sees, in the order asked (by deadline unless asked otherwise): <see cref="TaskScope.Mine"/> is the engine's My tasks (held by the
/// user or open in one of their pools, and the same of the people they substitute for now: <see cref="WorkScope.ActorAsync"/>);
/// <see cref="TaskScope.Team"/> is a Head's team's (an Administrator's: everyone's).
/// <c>GET /api/tasks</c> and the My tasks page both list through it, so both apply one rule.
/// </summary>
public sealed class VisibleTasks(ITaskService tasks, WorkScope work, UserDirectory directory)
{
    /// <summary>The engine's largest page: the unit in which whole lists are read.</summary>
    private const int ChunkSize = 500;

    /// <summary>
    /// One page of the scope's tasks matching <paramref name="query"/> (its filters, page and page size; its
    /// <see cref="TaskQuery.Actor"/> is replaced by the user, or by each team member).
    /// </summary>
    /// <exception cref="ForbiddenException">The team scope was asked for by someone who is neither a Head nor an Administrator.</exception>
    /// <param name="ownOnly">In the Mine scope: only the user's own tasks, without those of the people they substitute for.</param>
    public async Task<Page<WorkTask>> PageAsync(TaskScope scope, TaskQuery query, bool ownOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (scope != TaskScope.Team)
        {
            return await tasks.MyTasksAsync(query with { Actor = ownOnly ? work.User.Actor : await work.ActorAsync(cancellationToken) }, cancellationToken);
        }

        var all = await AllAsync(scope, query, cancellationToken);
        return new Page<WorkTask>([.. all.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)], query.Page, query.PageSize, all.Count);
    }

    /// <summary>
    /// Every task of the scope matching the filters of <paramref name="query"/> (its page is ignored), in its order
    /// (<see cref="TaskOrder"/>). Reads the whole list, in chunks: for lists that are filtered further in memory.
    /// </summary>
    /// <exception cref="ForbiddenException">The team scope was asked for by someone who is neither a Head nor an Administrator.</exception>
    public async Task<IReadOnlyList<WorkTask>> AllAsync(TaskScope scope, TaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var all = new Dictionary<Guid, WorkTask>();
        foreach (var actor in await ActorsAsync(scope, cancellationToken))
        {
            for (var pageNumber = 1; ; pageNumber++)
            {
                var chunk = await tasks.MyTasksAsync(query with { Actor = actor, Page = pageNumber, PageSize = ChunkSize }, cancellationToken);
                foreach (var task in chunk.Items)
                {
                    all.TryAdd(task.Id, task);
                }

                if (pageNumber >= chunk.PageCount)
                {
                    break;
                }
            }
        }

        return TaskOrder.Apply(all.Values, query.Sort, query.Descending);
    }

    /// <summary>
    /// The Done view: the tasks the signed-in user completed (as themselves, also on someone's behalf), newest first. Only
    /// <see cref="TaskScope.Mine"/>: a team's work done is not a list of tasks anyone acts on.
    /// </summary>
    /// <exception cref="Engine.Errors.InputException">The team scope was asked for.</exception>
    public Task<Page<WorkTask>> DoneAsync(TaskScope scope, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (scope == TaskScope.Team)
        {
            throw new InputException("task.done-team", "scope", "The Done view lists the tasks you completed; use scope=Mine with view=Done.");
        }

        return tasks.DoneTasksAsync(new DoneTaskQuery { Actor = work.User.Actor, Page = page, PageSize = pageSize }, cancellationToken);
    }

    private async Task<IEnumerable<Actor>> ActorsAsync(TaskScope scope, CancellationToken cancellationToken)
    {
        if (scope != TaskScope.Team)
        {
            return [await work.ActorAsync(cancellationToken)];
        }

        if (!work.User.IsHead && !work.User.IsAdministrator)
        {
            throw new ForbiddenException("task.team-scope", "Only a Head or an Administrator sees the team's tasks; use scope=mine.");
        }

        var members = await work.TeamAsync(cancellationToken) ?? await directory.ListAsync(cancellationToken);
        return members.Select(member => member.ToActor());
    }
}
