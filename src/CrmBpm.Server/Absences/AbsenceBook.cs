using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Api;
using CrmBpm.Server.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.Server.Absences;

/// <summary>
/// Recording absences. A person records their own; a Head for a member of their team; an Administrator for anyone. One person's
/// absences never overlap (a second one would leave it unclear who substitutes); the substitute is another existing user;
/// a role limitation names roles the person is a member of. Ending early moves the end to now; deleting removes an absence
/// (past, running or planned). Neither touches a task: the substitute just stops seeing the person's tasks.
/// </summary>
public sealed class AbsenceBook(CrmBpmIdentityDbContext db, WorkScope work, UserDirectory directory, TimeProvider clock)
{
    /// <summary>The longest absence that can be recorded at once.</summary>
    public static readonly TimeSpan LongestAbsence = TimeSpan.FromDays(366);

    /// <summary>
    /// Absences the user is in (absent or substitute) and, for a Head, their team's (an Administrator: everyone's); only those
    /// not over yet unless <paramref name="includePast"/>; by start.
    /// </summary>
    public async Task<IReadOnlyList<AbsenceView>> ListAsync(bool includePast = false, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var me = work.User.Id;
        var team = await work.TeamAsync(cancellationToken);
        var query = db.Absences.AsNoTracking();
        if (!includePast)
        {
            query = query.Where(a => a.To > now);
        }

        if (team is not null)
        {
            var ids = team.Select(u => u.Id).Append(me).Distinct().ToList();
            query = query.Where(a => ids.Contains(a.AbsentUserId) || a.SubstituteUserId == me);
        }

        var absences = await query.ToListAsync(cancellationToken);
        var names = (await directory.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName, StringComparer.Ordinal);
        var views = new List<AbsenceView>(absences.Count);
        foreach (var absence in absences.OrderBy(a => a.From).ThenBy(a => a.AbsentUserId, StringComparer.Ordinal))
        {
            views.Add(new AbsenceView(absence, names.GetValueOrDefault(absence.AbsentUserId, absence.AbsentUserId),
                names.GetValueOrDefault(absence.SubstituteUserId, absence.SubstituteUserId), await MayChangeAsync(absence, cancellationToken)));
        }

        return views;
    }

    /// <summary>Records an absence.</summary>
    /// <exception cref="InputException">A field is missing or wrong (each problem names its field).</exception>
    /// <exception cref="ForbiddenException">The absence is for someone the user may not record for.</exception>
    /// <exception cref="ConflictException">The person already has an absence in that period.</exception>
    public async Task<Absence> RecordAsync(RecordAbsence request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        var absentId = string.IsNullOrWhiteSpace(request.AbsentUserId) ? work.User.Id : request.AbsentUserId.Trim();
        var check = new Check()
            .Required(request.SubstituteUserId, "substituteUserId", 256)
            .MaxLength(absentId, "absentUserId", 256)
            .Present(request.From, "from")
            .Present(request.To, "to");
        check.ThrowIfAny();
        var from = request.From!.Value;
        var to = request.To!.Value;
        var substituteId = request.SubstituteUserId!.Trim();
        check.That(to > from, "to", $"to ({to:u}) must be after from ({from:u}).")
            .That(to > now, "to", $"to ({to:u}) has already passed; an absence is recorded for now or the future.")
            .That(to - from <= LongestAbsence, "to", $"An absence lasts at most {LongestAbsence.TotalDays:0} days; record a longer one in parts.")
            .That(!string.Equals(substituteId, absentId, StringComparison.Ordinal), "substituteUserId", "The substitute must be someone other than the absent person.")
            .ThrowIfAny();

        if (!await work.CoversUserAsync(absentId, cancellationToken))
        {
            throw new ForbiddenException("absence.not-yours", $"You may record absences only for yourself{(work.User.IsHead ? " and your team" : "")}, not for '{absentId}'.");
        }

        var absent = await directory.FindAsync(absentId, cancellationToken);
        var substitute = await directory.FindAsync(substituteId, cancellationToken);
        var roles = request.PerformerRoles ?? [];
        check.That(absent is not null, "absentUserId", $"There is no user '{absentId}'.")
            .That(substitute is not null, "substituteUserId", $"There is no user '{substituteId}'.")
            .That(substitute is null || substitute.Roles.Any(r => r is AppRoles.Manager or AppRoles.Head or AppRoles.Administrator), "substituteUserId",
                $"{substitute?.DisplayName} has no tasks to work on (not a Manager, Head or Administrator), so cannot substitute.");
        for (var i = 0; i < roles.Count && absent is not null; i++)
        {
            check.That(absent.Memberships.Any(m => string.Equals(m.Role, roles[i], StringComparison.Ordinal)), $"performerRoles[{i}]",
                $"{absent.DisplayName} is not a member of the performer role '{roles[i]}'; their roles are: {string.Join(", ", absent.Memberships.Select(m => m.Role).Distinct()) switch { "" => "none", var list => list }}.");
        }

        check.ThrowIfAny();
        var overlapping = await db.Absences.AsNoTracking()
            .Where(a => a.AbsentUserId == absentId && a.From < to && a.To > from)
            .FirstOrDefaultAsync(cancellationToken);
        if (overlapping is not null)
        {
            throw new ConflictException("absence.overlaps",
                $"{absent!.DisplayName} is already absent from {overlapping.From:u} to {overlapping.To:u} (substitute: {overlapping.SubstituteUserId}); " +
                "end or delete that absence first, or choose a period that does not overlap it.");
        }

        var absence = new Absence
        {
            AbsentUserId = absentId,
            SubstituteUserId = substituteId,
            From = from,
            To = to,
            PerformerRoles = Absence.JoinRoles(roles),
            RecordedBy = work.User.Id,
            RecordedAt = now,
        };
        db.Absences.Add(absence);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(absence).State = EntityState.Detached;
        work.ForgetSubstitutions();
        return absence;
    }

    /// <summary>Ends a running absence now.</summary>
    /// <exception cref="ConflictException">The absence has not started (delete it instead) or is already over.</exception>
    public async Task<Absence> EndAsync(Guid absenceId, CancellationToken cancellationToken = default)
    {
        var absence = await ChangeableAsync(absenceId, cancellationToken);
        var now = clock.GetUtcNow();
        if (absence.From > now)
        {
            throw new ConflictException("absence.not-started", $"The absence starts at {absence.From:u} and has not started yet; delete it instead.");
        }

        if (absence.To <= now)
        {
            throw new ConflictException("absence.over", $"The absence already ended at {absence.To:u}.");
        }

        absence.To = now;
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(absence).State = EntityState.Detached;
        work.ForgetSubstitutions();
        return absence;
    }

    /// <summary>Deletes an absence.</summary>
    public async Task DeleteAsync(Guid absenceId, CancellationToken cancellationToken = default)
    {
        var absence = await ChangeableAsync(absenceId, cancellationToken);
        db.Absences.Remove(absence);
        await db.SaveChangesAsync(cancellationToken);
        work.ForgetSubstitutions();
    }

    /// <summary>The performer roles an absence of <paramref name="userId"/> can be limited to (their memberships' roles).</summary>
    public async Task<IReadOnlyList<string>> RolesOfAsync(string userId, CancellationToken cancellationToken = default) =>
        (await directory.FindAsync(userId, cancellationToken))?.Memberships.Select(m => m.Role).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
        ?? [];

    private async Task<Absence> ChangeableAsync(Guid absenceId, CancellationToken cancellationToken)
    {
        var absence = await db.Absences.FirstOrDefaultAsync(a => a.Id == absenceId, cancellationToken);
        if (absence is null || !await MaySeeAsync(absence, cancellationToken))
        {
            throw new NotFoundException("absence.not-found", $"Absence {absenceId} does not exist.");
        }

        return await MayChangeAsync(absence, cancellationToken)
            ? absence
            : throw new ForbiddenException("absence.not-yours", "Only the absent person, whoever recorded the absence, their Head or an Administrator may change it.");
    }

    private async Task<bool> MaySeeAsync(Absence absence, CancellationToken cancellationToken) =>
        absence.SubstituteUserId == work.User.Id || await work.CoversUserAsync(absence.AbsentUserId, cancellationToken);

    private async Task<bool> MayChangeAsync(Absence absence, CancellationToken cancellationToken) =>
        absence.RecordedBy == work.User.Id || await work.CoversUserAsync(absence.AbsentUserId, cancellationToken);
}
