namespace CrmBpm.Server.Administration;

/// <summary>A user as the Administrator manages it (and as the audit log records it, before and after a change); never the password.</summary>
public sealed record ManagedUser(
    string UserName, string DisplayName, string? Email, string? Phone, string? Language, string? TimeZone,
    IReadOnlyList<string> Roles, string? Department, IReadOnlyList<string> Pools,
    bool IsActive, DateTimeOffset? DeactivatedAt, bool IsLockedOut, bool MustChangePassword, bool IsDemo);

/// <summary>What an Administrator sets on a user (create and edit). Lists replace what the user had.</summary>
public sealed record UserProfile
{
    /// <summary>Name shown in the UI (required).</summary>
    public string? DisplayName { get; init; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>Language: <c>en</c> or <c>ru</c>; empty: the browser's.</summary>
    public string? Language { get; init; }

    /// <summary>Time zone, an IANA id such as <c>Europe/Berlin</c>; empty: the server's.</summary>
    public string? TimeZone { get; init; }

    /// <summary>System roles: Consultant, Manager, Head, Administrator (at least one).</summary>
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>Department (a Head's team is their department).</summary>
    public string? Department { get; init; }

    /// <summary>Pools (performer roles the route maps address): <c>Role</c> or <c>Role@Object</c>.</summary>
    public IReadOnlyList<string>? Pools { get; init; }
}

/// <summary>A created user, or a reset password: the one-time password, shown once; the user must change it at sign-in.</summary>
public sealed record OneTimePassword(ManagedUser User, string Password);

/// <summary>Where a deactivated (or dropped) user's open tasks went.</summary>
public sealed record TasksHandedOver(int ReturnedToPools, int Redirected, string? RedirectedTo)
{
    /// <summary>For the audit note.</summary>
    public override string ToString() =>
        $"{ReturnedToPools} task(s) returned to their pools, {Redirected} redirected{(RedirectedTo is null ? "" : $" to {RedirectedTo}")}";
}
