using CrmBpm.Crm.Deals;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Absences;
using CrmBpm.Server.Organisation;

namespace CrmBpm.Server.Identity;

/// <summary>
/// What the signed-in user may see and act on. A Manager: their own tasks, their pools' tasks and their own deals.
/// A Head: also everything of their team (the users of their department), acting as supervisor
/// (<see cref="Actor.CanActOnAnyTask"/>) on the team's tasks only. An Administrator: everything. Anyone: also the tasks of the
/// people they substitute for now (<see cref="ActiveSubstitutions"/>), acting on their behalf.
/// </summary>
public sealed class WorkScope(SignedInUser signedIn, UserDirectory directory, ActiveSubstitutions substitutions, OrganisationDirectory organisation, TimeProvider clock)
{
    /// <summary>How long substitutions read once are reused (a Blazor circuit lives long; an absence starts or ends on its own).</summary>
    private static readonly TimeSpan SubstitutionsFresh = TimeSpan.FromSeconds(5);

    private CurrentUser? _user;
    private IReadOnlyList<DirectoryUser>? _team;
    private (IReadOnlyList<ActiveSubstitution> List, DateTimeOffset ReadAt)? _substitutions;
    private (IReadOnlyList<RoleMembership> List, DateTimeOffset ReadAt)? _headPools;

    /// <summary>The signed-in user.</summary>
    public CurrentUser User => _user ??= CurrentUser.From(signedIn.Principal);

    /// <summary>The absent people the user substitutes for now (read at most every few seconds).</summary>
    public async Task<IReadOnlyList<ActiveSubstitution>> SubstitutionsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_substitutions is not { } cached || now - cached.ReadAt > SubstitutionsFresh || now < cached.ReadAt)
        {
            cached = (await substitutions.ForAsync(User.Id, cancellationToken), now);
            _substitutions = cached;
        }

        return cached.List;
    }

    /// <summary>Forgets the substitutions read, after an absence was recorded, ended or deleted.</summary>
    public void ForgetSubstitutions() => _substitutions = null;

    /// <summary>
    /// The engine actor for the user's own work: <see cref="CurrentUser.Actor"/> substituting for the people the user stands
    /// in for now. Without substitutions it is exactly <see cref="CurrentUser.Actor"/>.
    /// </summary>
    public async Task<Actor> ActorAsync(CancellationToken cancellationToken = default)
    {
        var active = await SubstitutionsAsync(cancellationToken);
        var heads = await HeadPoolsAsync(cancellationToken);
        var own = heads.Count == 0 ? User.Actor : new Actor(User.Id, [.. User.Memberships, .. heads], canActOnAnyTask: User.IsAdministrator);
        return active.Count == 0 ? own : own.WithSubstitutions(active.Select(s => s.Substitution));
    }

    /// <summary>
    /// The pools of <see cref="HeadOfDepartment.Role"/> the user is in now: the departments they head, and those below without
    /// a head of their own (read from the structure at most every few seconds, so a new head sees the tasks without signing in again).
    /// </summary>
    public async Task<IReadOnlyList<RoleMembership>> HeadPoolsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_headPools is not { } cached || now - cached.ReadAt > SubstitutionsFresh || now < cached.ReadAt)
        {
            var pools = (await organisation.DepartmentsHeadedByAsync(User.Id, cancellationToken))
                .Select(department => new RoleMembership(HeadOfDepartment.Role, department))
                .ToList();
            cached = (pools, now);
            _headPools = cached;
        }

        return cached.List;
    }

    /// <summary>The team the user supervises: null for an administrator (everyone), the department for a Head, else only the user.</summary>
    public async Task<IReadOnlyList<DirectoryUser>?> TeamAsync(CancellationToken cancellationToken = default)
    {
        if (User.IsAdministrator)
        {
            return null;
        }

        if (_team is null)
        {
            _team = User.IsHead && User.Department is { } department
                ? await directory.TeamAsync(department, cancellationToken)
                : [];
            if (_team.All(u => u.Id != User.Id))
            {
                _team = [.. _team, new DirectoryUser(User.Id, User.DisplayName, User.Department, User.Memberships, [.. User.Roles])];
            }
        }

        return _team;
    }

    /// <summary>True when the task is the user's, in the user's pools or (for a Head) the team's.</summary>
    public async Task<bool> CanSeeTaskAsync(WorkTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (IsFor(task, await ActorAsync(cancellationToken)))
        {
            return true;
        }

        // A task addressed to nobody waits in the Unassigned list, which every Head reads to hand it out: they may open it
        // (and its process) to decide whom it is for.
        if (task.IsUnassigned && task.IsActive && User.IsHead)
        {
            return true;
        }

        var team = await TeamAsync(cancellationToken);
        return team is null || team.Any(member => IsFor(task, member.ToActor()));
    }

    /// <summary>The actor to act on <paramref name="task"/> with: supervising for a team task of a Head, else the user's own.</summary>
    /// <exception cref="ForbiddenException">The task is neither the user's nor the team's.</exception>
    public async Task<Actor> ActorForAsync(WorkTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var actor = await ActorAsync(cancellationToken);
        if (IsFor(task, actor))
        {
            return actor;
        }

        return await CanSeeTaskAsync(task, cancellationToken)
            ? User.Supervisor
            : throw TaskNotYours(task);
    }

    /// <summary>True when the deal's manager is the user or (for a Head) a team member.</summary>
    public async Task<bool> CanSeeDealAsync(Deal deal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deal);
        if (deal.ManagerId == User.Id)
        {
            return true;
        }

        var team = await TeamAsync(cancellationToken);
        return team is null || team.Any(member => member.Id == deal.ManagerId);
    }

    /// <summary>Refuses a deal the user may not see.</summary>
    /// <exception cref="ForbiddenException">The deal belongs to someone outside the user's team.</exception>
    public async Task EnsureCanSeeDealAsync(Deal deal, CancellationToken cancellationToken = default)
    {
        if (!await CanSeeDealAsync(deal, cancellationToken))
        {
            throw new ForbiddenException("deal.not-yours", $"Deal '{deal.Title}' is managed by {deal.ManagerId}; you may see only your own deals{(User.IsHead ? " and your team's" : "")}.");
        }
    }

    /// <summary>True when <paramref name="userId"/> is the user or (for a Head) in the team.</summary>
    public async Task<bool> CoversUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (userId == User.Id)
        {
            return true;
        }

        var team = await TeamAsync(cancellationToken);
        return team is null || team.Any(member => member.Id == userId);
    }

    /// <summary>The refusal for a task that is not the user's.</summary>
    public ForbiddenException TaskNotYours(WorkTask task) =>
        new("task.not-yours", $"Task '{task.Title}' is neither yours nor in one of your pools{(User.IsHead ? " or your team's" : "")}.");

    private static bool IsFor(WorkTask task, Actor actor) =>
        task.AssigneeId == actor.UserId ||
        task.PerformerUserId == actor.UserId ||
        task.CompletedBy == actor.UserId ||
        (task.IsInPool && actor.IsInPool(task.PerformerRole, task.PerformerAddressingObject)) ||
        (task.IsActive && actor.OnBehalfOf(task) is not null);
}
