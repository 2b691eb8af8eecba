using System.Security.Claims;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Api;
using CrmBpm.Server.Hosting;
using CrmBpm.Server.Identity;
using CrmBpm.Server.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.Server.Administration;

/// <summary>
/// What an Administrator does to users: list, create, edit, deactivate (handing their open tasks over), reactivate,
/// reset the password, unlock, drop the demo users. Every change is written to the audit log in the same transaction;
/// the last active Administrator can be neither deactivated nor demoted.
/// </summary>
public sealed class UserAdministration(
    UserManager<CrmBpmUser> users, CrmBpmIdentityDbContext db, ITaskService tasks, AdminAudit audit, TimeProvider clock, IHostEnvironment environment,
    ClientSignInFailures signInFailures)
{
    /// <summary>Users whose user name, display name or e-mail contains <paramref name="search"/> (case-insensitive), by user name.</summary>
    public async Task<(IReadOnlyList<ManagedUser> Items, int Total)> ListAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var all = await LoadAllAsync(cancellationToken);
        var term = search?.Trim();
        var matching = string.IsNullOrEmpty(term)
            ? all
            : [.. all.Where(u => Contains(u.UserName, term) || Contains(u.DisplayName, term) || Contains(u.Email, term))];
        return ([.. matching.Skip((page - 1) * pageSize).Take(pageSize)], matching.Count);
    }

    /// <summary>One user; throws <see cref="NotFoundException"/> when unknown.</summary>
    public async Task<ManagedUser> GetAsync(string userName, CancellationToken cancellationToken = default) =>
        await SnapshotAsync(await FindAsync(userName), cancellationToken);

    /// <summary>Creates a user with a one-time password (returned once; the user must change it at the first sign-in).</summary>
    public async Task<OneTimePassword> CreateAsync(string actor, string? userName, UserProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var catalogue = await OrganisationCatalogue.LoadAsync(db, cancellationToken);
        var check = new Check().Required(userName, "userName", 64);
        Validate(check, profile, catalogue);
        check.ThrowIfAny();
        profile = InCatalogueSpelling(profile, catalogue);
        var password = OneTimePasswords.Create();
        var user = new CrmBpmUser { UserName = userName!.Trim(), MustChangePassword = true };
        Apply(user, profile);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Require(await users.CreateAsync(user, password));
        await ReplaceRolesAndClaimsAsync(user, profile);
        var after = await SnapshotAsync(user, cancellationToken);
        await audit.RecordAsync(actor, "user.create", user.UserName, null, after, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OneTimePassword(after, password);
    }

    /// <summary>
    /// What creating (<paramref name="creating"/>) or updating the user <paramref name="userName"/> with <paramref name="profile"/>
    /// would be refused for, each problem naming its field, without saving anything: the rules of <see cref="CreateAsync"/>
    /// (including Identity's user name rules) and <see cref="UpdateAsync"/> (including the last active Administrator).
    /// </summary>
    /// <param name="catalogue">The organisation read once by a caller checking many profiles (an import); read here when null.</param>
    public async Task<IReadOnlyList<InputProblem>> ValidateAsync(
        string? userName, UserProfile profile, bool creating, OrganisationCatalogue? catalogue = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var check = creating ? new Check().Required(userName, "userName", 64) : new Check();
        var current = !creating && await users.FindByNameAsync(userName?.Trim() ?? "") is { } existing ? await SnapshotAsync(existing, cancellationToken) : null;
        Validate(check, profile, catalogue ?? await OrganisationCatalogue.LoadAsync(db, cancellationToken), current);
        var problems = check.Problems.ToList();
        if (creating && check.Problems.All(p => p.Field != "userName"))
        {
            var candidate = new CrmBpmUser { UserName = userName!.Trim() };
            foreach (var validator in users.UserValidators)
            {
                var result = await validator.ValidateAsync(users, candidate);
                problems.AddRange(result.Errors.Select(e => new InputProblem(FieldOf(e.Code), e.Description)));
            }
        }
        else if (!creating && profile.Roles?.Contains(AppRoles.Administrator) != true && await users.FindByNameAsync(userName?.Trim() ?? "") is { IsActive: true } user
            && await users.IsInRoleAsync(user, AppRoles.Administrator))
        {
            try
            {
                await RequireAnotherAdministratorAsync(user, "demoted", cancellationToken);
            }
            catch (ConflictException last)
            {
                problems.Add(new InputProblem("roles", last.Message));
            }
        }

        return problems;
    }

    /// <summary>Replaces the user's profile, roles, department and pools.</summary>
    public async Task<ManagedUser> UpdateAsync(string actor, string userName, UserProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var catalogue = await OrganisationCatalogue.LoadAsync(db, cancellationToken);
        var user = await FindAsync(userName);
        var before = await SnapshotAsync(user, cancellationToken);
        var check = new Check();
        Validate(check, profile, catalogue, before);
        check.ThrowIfAny();
        profile = InCatalogueSpelling(profile, catalogue);
        if (before.IsActive && before.Roles.Contains(AppRoles.Administrator) && !profile.Roles!.Contains(AppRoles.Administrator))
        {
            await RequireAnotherAdministratorAsync(user, "demoted", cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Apply(user, profile);
        Require(await users.UpdateAsync(user));
        await ReplaceRolesAndClaimsAsync(user, profile);
        var after = await SnapshotAsync(user, cancellationToken);
        await audit.RecordAsync(actor, "user.update", user.UserName!, before, after, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return after;
    }

    /// <summary>
    /// Deactivates a user: no more sign-ins, refresh tokens revoked, sessions end. Their open tasks addressed to a role go
    /// back to its pool; tasks addressed to them personally go to <paramref name="reassignTo"/>, and without one the
    /// request is refused naming those tasks (nothing is changed then).
    /// </summary>
    public async Task<(ManagedUser User, TasksHandedOver Tasks)> DeactivateAsync(string actor, string userName, string? reassignTo, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userName);
        if (!user.IsActive)
        {
            throw new ConflictException("user.already-deactivated", $"User '{user.UserName}' is already deactivated.");
        }

        if (string.Equals(user.UserName, actor, StringComparison.Ordinal))
        {
            throw new ConflictException("user.self", "You cannot deactivate yourself; another Administrator can.");
        }

        var before = await SnapshotAsync(user, cancellationToken);
        if (before.Roles.Contains(AppRoles.Administrator))
        {
            await RequireAnotherAdministratorAsync(user, "deactivated", cancellationToken);
        }

        var handedOver = await HandOverTasksAsync(actor, user, reassignTo, $"{user.UserName} was deactivated", cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.DeactivatedAt = clock.GetUtcNow();
        Require(await users.UpdateAsync(user));
        await EndSessionsAsync(user, cancellationToken);
        var after = await SnapshotAsync(user, cancellationToken);
        await audit.RecordAsync(actor, "user.deactivate", user.UserName!, before, after, handedOver.ToString(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (after, handedOver);
    }

    /// <summary>Lets a deactivated user sign in again.</summary>
    public async Task<ManagedUser> ReactivateAsync(string actor, string userName, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userName);
        if (user.IsActive)
        {
            throw new ConflictException("user.already-active", $"User '{user.UserName}' is active.");
        }

        var before = await SnapshotAsync(user, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.DeactivatedAt = null;
        Require(await users.UpdateAsync(user));
        var after = await SnapshotAsync(user, cancellationToken);
        await audit.RecordAsync(actor, "user.reactivate", user.UserName!, before, after, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return after;
    }

    /// <summary>Sets a one-time password (returned once) the user must change at the next sign-in; ends the user's sessions.</summary>
    public async Task<OneTimePassword> ResetPasswordAsync(string actor, string userName, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userName);
        var before = await SnapshotAsync(user, cancellationToken);
        var password = OneTimePasswords.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Require(await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password));
        user.MustChangePassword = true;
        Require(await users.UpdateAsync(user));
        await EndSessionsAsync(user, cancellationToken);
        var after = await SnapshotAsync(user, cancellationToken);
        await audit.RecordAsync(actor, "user.reset-password", user.UserName!, before, after, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OneTimePassword(after, password);
    }

    /// <summary>Ends a lockout after failed sign-ins.</summary>
    public async Task<ManagedUser> UnlockAsync(string actor, string userName, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userName);
        var before = await SnapshotAsync(user, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Require(await users.SetLockoutEndDateAsync(user, null));
        Require(await users.ResetAccessFailedCountAsync(user));
        var after = await SnapshotAsync(user, cancellationToken);
        await audit.RecordAsync(actor, "user.unlock", user.UserName!, before, after, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signInFailures.Forget(user.UserName!);
        return after;
    }

    /// <summary>The user names of the demo users still in this database, so the Users page can offer to drop them.</summary>
    public async Task<IReadOnlyList<string>> DemoUserNamesAsync(CancellationToken cancellationToken = default)
    {
        var demoIds = db.UserClaims.Where(c => c.ClaimType == CrmBpmClaims.Demo).Select(c => c.UserId);
        return await db.Users.Where(u => demoIds.Contains(u.Id)).OrderBy(u => u.UserName).Select(u => u.UserName!).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes the demo users (their tasks handed over as on deactivation). Refused while no active Administrator other
    /// than the demo ones exists: the database would be left without anyone to administer it.
    /// </summary>
    public async Task<IReadOnlyList<(string UserName, TasksHandedOver Tasks)>> DropDemoUsersAsync(string actor, string? reassignTo, CancellationToken cancellationToken = default)
    {
        var demoIds = await db.UserClaims.Where(c => c.ClaimType == CrmBpmClaims.Demo).Select(c => c.UserId).Distinct().ToListAsync(cancellationToken);
        var demo = await db.Users.Where(u => demoIds.Contains(u.Id)).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        if (demo.Count == 0)
        {
            return [];
        }

        if (await CountActiveAdministratorsAsync(excluding: [.. demoIds], cancellationToken) == 0)
        {
            throw new ConflictException("user.last-administrator",
                "Every active Administrator is a demo user: create your own Administrator (and sign in as them) before dropping the demo users.");
        }

        if (reassignTo is not null && demo.Any(u => string.Equals(u.UserName, reassignTo.Trim(), StringComparison.Ordinal)))
        {
            throw new InputException("user.reassign-to", "reassignTo", $"reassignTo must be a user who stays; '{reassignTo}' is a demo user.");
        }

        var personal = new List<string>();
        foreach (var user in demo)
        {
            personal.AddRange((await HeldTasksAsync(user.UserName!, cancellationToken)).Where(t => t.PerformerRole is null).Select(t => $"'{t.Title}' ({user.UserName})"));
        }

        if (personal.Count > 0 && string.IsNullOrWhiteSpace(reassignTo))
        {
            throw PersonalTasksNeedSomeone(personal);
        }

        var dropped = new List<(string, TasksHandedOver)>();
        foreach (var user in demo)
        {
            var handedOver = await HandOverTasksAsync(actor, user, reassignTo, $"the demo user {user.UserName} was dropped", cancellationToken);
            var before = await SnapshotAsync(user, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            Require(await users.DeleteAsync(user));
            await audit.RecordAsync(actor, "user.drop-demo", user.UserName!, before, null, handedOver.ToString(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            dropped.Add((user.UserName!, handedOver));
        }

        return dropped;
    }

    /// <summary>Active Administrators (not counting <paramref name="excluding"/> user ids; demo ones never count in Production).</summary>
    public async Task<int> CountActiveAdministratorsAsync(IReadOnlyCollection<string>? excluding = null, CancellationToken cancellationToken = default)
    {
        var ids = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == AppRoles.Administrator select ur.UserId)
            .ToListAsync(cancellationToken);
        var active = await db.Users.Where(u => ids.Contains(u.Id) && u.DeactivatedAt == null).Select(u => u.Id).ToListAsync(cancellationToken);
        if (environment.IsProduction())
        {
            var demo = await db.UserClaims.Where(c => c.ClaimType == CrmBpmClaims.Demo).Select(c => c.UserId).ToListAsync(cancellationToken);
            active = [.. active.Except(demo)];
        }

        return active.Count(id => excluding?.Contains(id) != true);
    }

    private async Task RequireAnotherAdministratorAsync(CrmBpmUser user, string what, CancellationToken cancellationToken)
    {
        if (await CountActiveAdministratorsAsync(excluding: [user.Id], cancellationToken) == 0)
        {
            throw new ConflictException("user.last-administrator", $"'{user.UserName}' is the last active Administrator and cannot be {what}; make someone else an Administrator first.");
        }
    }

    private async Task<TasksHandedOver> HandOverTasksAsync(string actor, CrmBpmUser user, string? reassignTo, string comment, CancellationToken cancellationToken)
    {
        var held = await HeldTasksAsync(user.UserName!, cancellationToken);
        var personal = held.Where(t => t.PerformerRole is null).ToList();
        string? target = null;
        if (personal.Count > 0)
        {
            if (string.IsNullOrWhiteSpace(reassignTo))
            {
                throw PersonalTasksNeedSomeone([.. personal.Select(t => $"'{t.Title}'")]);
            }

            target = reassignTo.Trim();
            if (string.Equals(target, user.UserName, StringComparison.Ordinal) ||
                await users.FindByNameAsync(target) is not { IsActive: true } person || !string.Equals(person.UserName, target, StringComparison.Ordinal))
            {
                throw new InputException("user.reassign-to", "reassignTo", $"reassignTo must be another active user; '{target}' is not.");
            }
        }

        // The Administrator acts as supervisor: the history shows who moved each task, and why.
        var administrator = new Actor(actor, canActOnAnyTask: true);
        foreach (var task in held)
        {
            if (task.PerformerRole is null)
            {
                await tasks.RedirectAsync(task.Id, administrator, target!, comment, cancellationToken);
            }
            else
            {
                await tasks.ReturnToPoolAsync(task.Id, administrator, comment, cancellationToken);
            }
        }

        return new TasksHandedOver(held.Count - personal.Count, personal.Count, target);
    }

    private static InputException PersonalTasksNeedSomeone(IReadOnlyList<string> titles) => new("user.tasks-need-a-person", "reassignTo",
        $"These open tasks are addressed to the user personally and have no pool to return to; choose a person (reassignTo) to take them: {string.Join(", ", titles)}.");

    private async Task<IReadOnlyList<WorkTask>> HeldTasksAsync(string userName, CancellationToken cancellationToken)
    {
        // An actor without pools sees exactly the tasks it holds.
        var held = new List<WorkTask>();
        for (var page = 1; ; page++)
        {
            var found = await tasks.MyTasksAsync(new TaskQuery { Actor = new Actor(userName), IncludePostponed = true, Page = page, PageSize = 500 }, cancellationToken);
            held.AddRange(found.Items);
            if (found.Items.Count == 0 || held.Count >= found.TotalCount)
            {
                return held;
            }
        }
    }

    private async Task EndSessionsAsync(CrmBpmUser user, CancellationToken cancellationToken)
    {
        // A new security stamp ends cookies at their next validation and refuses every refresh; the families go too.
        Require(await users.UpdateSecurityStampAsync(user));
        var families = await db.UserTokens.Where(t => t.UserId == user.Id && t.LoginProvider == RefreshTokenFamilies.Provider).ToListAsync(cancellationToken);
        db.UserTokens.RemoveRange(families);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<CrmBpmUser> FindAsync(string userName) =>
        await users.FindByNameAsync(userName.Trim()) ?? throw new NotFoundException("user.not-found", $"There is no user '{userName}'.");

    /// <param name="current">The user as they are (null when creating): a department or object deactivated since they got it may
    /// stay, but nobody is newly given one (it was closed so that nobody joins it).</param>
    private static void Validate(Check check, UserProfile profile, OrganisationCatalogue catalogue, ManagedUser? current = null)
    {
        check.Required(profile.DisplayName, "displayName")
            .NoControlCharacters(profile.DisplayName, "displayName")
            .MaxLength(profile.Email, "email", 256).Email(profile.Email, "email")
            .MaxLength(profile.Phone, "phone", 50).NoControlCharacters(profile.Phone, "phone")
            .That(string.IsNullOrWhiteSpace(profile.Language) || ServerCultures.IsSupported(profile.Language.Trim()), "language",
                $"language must be one of {string.Join(", ", ServerCultures.Supported)}; '{profile.Language}' is not.")
            .That(string.IsNullOrWhiteSpace(profile.TimeZone) || (profile.TimeZone.Length <= 100 && TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZone.Trim(), out _)), "timeZone",
                $"timeZone must be a time zone id such as Europe/Berlin; '{profile.TimeZone}' is not known.")
            .That(profile.Roles is { Count: > 0 }, "roles", $"roles must name at least one of {string.Join(", ", AppRoles.All)}.")
            .MaxLength(profile.Department, "department", 200).NoControlCharacters(profile.Department, "department")
            .That(Blank(profile.Department) is not { } department || catalogue.FindDepartment(department) is not null, "department",
                $"'{profile.Department?.Trim()}' is not a Department of the structure (Administration → Structure).")
            .That(catalogue.FindDepartment(profile.Department) is not { IsActive: false } closed || SameName(closed.Name, current?.Department), "department",
                $"'{profile.Department?.Trim()}' is deactivated (Administration → Structure): choose an active department.");
        foreach (var role in profile.Roles ?? [])
        {
            check.That(AppRoles.All.Contains(role, StringComparer.Ordinal), "roles", $"roles must be among {string.Join(", ", AppRoles.All)}; '{role}' is not.");
        }

        for (var i = 0; i < (profile.Pools?.Count ?? 0); i++)
        {
            var pool = profile.Pools![i];
            var field = $"pools[{i}]";
            var before = check.Problems.Count;
            check.Required(pool, field).NoControlCharacters(pool, field)
                .That(pool is null || pool.Split('@') is { Length: <= 2 } parts && parts.All(p => p.Trim().Length > 0), field,
                    $"{field} must be a role or role@object such as 'Sales manager@North'; '{pool}' is not.");
            if (check.Problems.Count == before)
            {
                // Each part from its catalogue: a typo would otherwise make a pool nobody else is in.
                var membership = CurrentUser.ParseMemberships([pool!]).Single();
                check.That(catalogue.FindRole(membership.Role) is not null, field,
                    $"'{membership.Role}' is not a performer role (Administration → Performer roles).");
                check.That(membership.AddressingObject is null || catalogue.FindObject(membership.AddressingObject) is not null, field,
                    $"'{membership.AddressingObject}' is not an addressing object (Administration → Structure).");
                check.That(catalogue.FindObject(membership.AddressingObject) is not { IsActive: false }
                    || (current?.Pools ?? []).Any(p => SameName(p, pool)), field,
                    $"'{membership.AddressingObject}' is deactivated (Administration → Structure): choose an active addressing object.");
            }
        }
    }

    private static bool SameName(string? first, string? second) =>
        first is not null && second is not null && string.Equals(first.Trim(), second.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The profile with its department and memberships spelled as the catalogues spell them (claims match exactly).</summary>
    private static UserProfile InCatalogueSpelling(UserProfile profile, OrganisationCatalogue catalogue) => profile with
    {
        Department = catalogue.FindDepartment(profile.Department)?.Name ?? Blank(profile.Department),
        Pools = [.. (profile.Pools ?? []).Select(pool => CurrentUser.ParseMemberships([pool]).Single())
            .Select(m => CrmBpmClaims.PoolValue(catalogue.FindRole(m.Role)?.Name ?? m.Role, m.AddressingObject is null ? null : catalogue.FindObject(m.AddressingObject)?.Name ?? m.AddressingObject))],
    };

    private static void Apply(CrmBpmUser user, UserProfile profile)
    {
        user.DisplayName = profile.DisplayName!.Trim();
        user.Email = Blank(profile.Email);
        user.PhoneNumber = Blank(profile.Phone);
        user.Language = Blank(profile.Language)?.ToLowerInvariant();
        user.TimeZone = Blank(profile.TimeZone);
    }

    private async Task ReplaceRolesAndClaimsAsync(CrmBpmUser user, UserProfile profile)
    {
        var roles = await users.GetRolesAsync(user);
        var wanted = profile.Roles!.Distinct(StringComparer.Ordinal).ToList();
        Require(await users.RemoveFromRolesAsync(user, roles.Except(wanted)));
        Require(await users.AddToRolesAsync(user, wanted.Except(roles)));

        var claims = (await users.GetClaimsAsync(user)).Where(c => c.Type is CrmBpmClaims.Pool or CrmBpmClaims.Department).ToList();
        if (claims.Count > 0)
        {
            Require(await users.RemoveClaimsAsync(user, claims));
        }

        var replaced = new List<Claim>();
        if (Blank(profile.Department) is { } department)
        {
            replaced.Add(new Claim(CrmBpmClaims.Department, department));
        }

        replaced.AddRange((profile.Pools ?? []).Select(p => string.Join('@', p.Split('@').Select(part => part.Trim()))).Distinct(StringComparer.Ordinal)
            .Select(pool => new Claim(CrmBpmClaims.Pool, pool)));
        if (replaced.Count > 0)
        {
            Require(await users.AddClaimsAsync(user, replaced));
        }
    }

    private async Task<ManagedUser> SnapshotAsync(CrmBpmUser user, CancellationToken cancellationToken)
    {
        var claims = await db.UserClaims.AsNoTracking().Where(c => c.UserId == user.Id).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync(cancellationToken);
        return ToManaged(user, claims, roles);
    }

    private async Task<IReadOnlyList<ManagedUser>> LoadAllAsync(CancellationToken cancellationToken)
    {
        var all = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var claims = await db.UserClaims.AsNoTracking().ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).AsNoTracking().ToListAsync(cancellationToken);
        return [.. all.Select(u => ToManaged(u, [.. claims.Where(c => c.UserId == u.Id)], [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name)]))];
    }

    private ManagedUser ToManaged(CrmBpmUser user, IReadOnlyList<IdentityUserClaim<string>> claims, IReadOnlyList<string?> roles) => new(
        user.UserName ?? user.Id,
        user.DisplayName,
        user.Email,
        user.PhoneNumber,
        user.Language,
        user.TimeZone,
        [.. AppRoles.All.Where(r => roles.Contains(r))],
        claims.FirstOrDefault(c => c.ClaimType == CrmBpmClaims.Department)?.ClaimValue,
        [.. claims.Where(c => c.ClaimType == CrmBpmClaims.Pool).Select(c => c.ClaimValue ?? "")],
        user.IsActive,
        user.DeactivatedAt,
        user.LockoutEnd is { } end && end > clock.GetUtcNow(),
        user.MustChangePassword,
        claims.Any(c => c.ClaimType == CrmBpmClaims.Demo));

    private static bool Contains(string? value, string term) => value?.Contains(term, StringComparison.OrdinalIgnoreCase) == true;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Turns Identity's refusals into input problems naming the field (userName, email, password) and the rule.</summary>
    internal static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InputException("user.invalid", [.. result.Errors.Select(e => new InputProblem(FieldOf(e.Code), e.Description))]);
        }
    }

    private static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? "password"
        : code.Contains("UserName", StringComparison.Ordinal) ? "userName"
        : code.Contains("Email", StringComparison.Ordinal) ? "email"
        : code.Contains("Role", StringComparison.Ordinal) ? "roles"
        : "user";
}
