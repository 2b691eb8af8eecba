using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Identity;
using CrmBpm.Server.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.Server.Absences;

/// <summary>One absent person the user substitutes for now: the absence, the person (for their name) and the engine's view of it.</summary>
public sealed record ActiveSubstitution(Absence Absence, DirectoryUser Absent, Substitution Substitution);

/// <summary>
/// Whom a user substitutes for at this moment: the absences naming them as substitute whose period holds now (by the
/// <see cref="TimeProvider"/>), each with the absent person's current pools (their Head of department pools included). Only direct substitutions: when the absent person
/// is a substitute too, their substitutions are not passed on (as in 1C), so a chain never widens what anybody sees.
/// </summary>
public sealed class ActiveSubstitutions(CrmBpmIdentityDbContext db, UserDirectory directory, OrganisationDirectory organisation, TimeProvider clock)
{
    /// <summary>The substitutions of <paramref name="substituteUserId"/> now; empty (one indexed query) for most users.</summary>
    public async Task<IReadOnlyList<ActiveSubstitution>> ForAsync(string substituteUserId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var absences = await db.Absences.AsNoTracking()
            .Where(a => a.SubstituteUserId == substituteUserId && a.To > now && a.From <= now)
            .ToListAsync(cancellationToken);
        var result = new List<ActiveSubstitution>(absences.Count);
        // An absent head's Head of department pools go to the substitute too (read once, only when someone is absent).
        var heads = absences.Count == 0 ? [] : await organisation.HeadPoolsAsync(cancellationToken);
        foreach (var absence in absences.OrderBy(a => a.AbsentUserId, StringComparer.Ordinal))
        {
            // A person deleted from the directory since has no pools left to look into; their held tasks stay visible.
            var absent = await directory.FindAsync(absence.AbsentUserId, cancellationToken)
                ?? new DirectoryUser(absence.AbsentUserId, absence.AbsentUserId, null, [], []);
            var pools = absent.Memberships.Concat(heads
                .Where(h => string.Equals(h.UserName, absent.Id, StringComparison.OrdinalIgnoreCase))
                .Select(h => new RoleMembership(HeadOfDepartment.Role, h.Department)));
            result.Add(new ActiveSubstitution(absence, absent, new Substitution(absent.Id, pools, absence.Roles)));
        }

        return result;
    }
}
