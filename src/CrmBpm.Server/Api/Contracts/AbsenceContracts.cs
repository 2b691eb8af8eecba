using CrmBpm.Server.Absences;

namespace CrmBpm.Server.Api.Contracts;

/// <summary>An absence as the API shows it: the absent person and the substitute (ids and names), the period, the roles it is limited to (empty: all).</summary>
public sealed record AbsenceDto(
    Guid Id, string AbsentUserId, string AbsentName, string SubstituteUserId, string SubstituteName,
    DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> PerformerRoles, bool Active, string RecordedBy, DateTimeOffset RecordedAt, bool MayChange)
{
    /// <summary>Maps a listed absence.</summary>
    public static AbsenceDto Of(AbsenceView view, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(view);
        var a = view.Absence;
        return new(a.Id, a.AbsentUserId, view.AbsentName, a.SubstituteUserId, view.SubstituteName, a.From, a.To, a.Roles, a.IsActiveAt(now),
            a.RecordedBy, a.RecordedAt, view.MayChange);
    }
}

/// <summary>
/// Recording an absence: <c>absentUserId</c> (default: me; a Head may name a team member, an Administrator anyone), the
/// substitute, the period (instants with their offset) and optionally the performer roles it covers (default: all my tasks).
/// </summary>
public sealed record RecordAbsenceRequest(string? AbsentUserId, string? SubstituteUserId, DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<string>? PerformerRoles);
