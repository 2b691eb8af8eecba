using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.Server.Absences;

/// <summary>One absent person the user substitutes for now: the absence, the person (for their name) and the engine's view of it.</summary>
public sealed record ActiveSubstitution(Absence Absence, DirectoryUser Absent, Substitution Substitution);

/// <summary>
/// Whom a user substitutes for at this moment: the absences naming them as substitute whose period holds now (by the
/// <see cref="TimeProvider"/>), each with the absent person's current pools. Only direct substitutions: when the absent person
/// is a substitute too, their substitutions are not passed on (as in 1C), so a chain never widens what anybody sees.
/// </summary>
public sealed class ActiveSubstitutions(CrmBpmIdentityDbContext db, UserDirectory directory, TimeProvider clock)
{
    /// <summary>The substitutions of <paramref name="substituteUserId"/> now; empty (one indexed query) for most users.</summary>
    public async Task<IReadOnlyList<ActiveSubstitution>> ForAsync(string substituteUserId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var absences = await db.Absences.AsNoTracking()
            .Where(a => a.SubstituteUserId == substituteUserId && a.To > now && a.From <= now)
            .ToListAsync(cancellationToken);
        var result = new List<ActiveSubstitution>(absences.Count);
        foreach (var absence in absences.OrderBy(a => a.AbsentUserId, StringComparer.Ordinal))
        {
            // A person deleted from the directory since has no pools left to look into; their held tasks stay visible.
            var absent = await directory.FindAsync(absence.AbsentUserId, cancellationToken)
                ?? new DirectoryUser(absence.AbsentUserId, absence.AbsentUserId, null, [], []);
            result.Add(new ActiveSubstitution(absence, absent, new Substitution(absent.Id, absent.Memberships, absence.Roles)));
        }

        return result;
    }
}
