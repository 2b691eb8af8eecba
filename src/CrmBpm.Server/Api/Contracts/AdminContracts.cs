using CrmBpm.Server.Administration;

namespace CrmBpm.Server.Api.Contracts;

/// <summary>A user as the Administrator sees it.</summary>
public sealed record AdminUserDto(
    string UserName, string DisplayName, string? Email, string? Phone, string? Language, string? TimeZone,
    IReadOnlyList<string> Roles, string? Department, IReadOnlyList<string> Pools,
    bool IsActive, DateTimeOffset? DeactivatedAt, bool IsLockedOut, bool MustChangePassword, bool IsDemo)
{
    /// <summary>Maps a managed user.</summary>
    public static AdminUserDto From(ManagedUser u) => new(
        u.UserName, u.DisplayName, u.Email, u.Phone, u.Language, u.TimeZone, u.Roles, u.Department, u.Pools,
        u.IsActive, u.DeactivatedAt, u.IsLockedOut, u.MustChangePassword, u.IsDemo);
}

/// <summary>Creating a user (a one-time password is made and returned once).</summary>
public sealed record CreateUserRequest(
    string? UserName, string? DisplayName, string? Email, string? Phone, string? Language, string? TimeZone,
    IReadOnlyList<string>? Roles, string? Department, IReadOnlyList<string>? Pools)
{
    /// <summary>The profile part.</summary>
    public UserProfile ToProfile() => new()
    {
        DisplayName = DisplayName, Email = Email, Phone = Phone, Language = Language, TimeZone = TimeZone, Roles = Roles, Department = Department, Pools = Pools,
    };
}

/// <summary>Editing a user: every field is replaced (lists included).</summary>
public sealed record UpdateUserRequest(
    string? DisplayName, string? Email, string? Phone, string? Language, string? TimeZone,
    IReadOnlyList<string>? Roles, string? Department, IReadOnlyList<string>? Pools)
{
    /// <summary>The profile.</summary>
    public UserProfile ToProfile() => new()
    {
        DisplayName = DisplayName, Email = Email, Phone = Phone, Language = Language, TimeZone = TimeZone, Roles = Roles, Department = Department, Pools = Pools,
    };
}

/// <summary>A user with a one-time password, shown once: the user must change it at the next sign-in.</summary>
public sealed record OneTimePasswordDto(AdminUserDto User, string OneTimePassword);

/// <summary>Deactivating a user (or dropping the demo users): who takes the tasks addressed to them personally.</summary>
public sealed record HandOverRequest(string? ReassignTo);

/// <summary>Where the open tasks went.</summary>
public sealed record TasksHandedOverDto(int ReturnedToPools, int Redirected, string? RedirectedTo)
{
    /// <summary>Maps.</summary>
    public static TasksHandedOverDto From(TasksHandedOver t) => new(t.ReturnedToPools, t.Redirected, t.RedirectedTo);
}

/// <summary>A deactivated user and where their tasks went.</summary>
public sealed record DeactivatedUserDto(AdminUserDto User, TasksHandedOverDto Tasks);

/// <summary>A dropped demo user and where their tasks went.</summary>
public sealed record DroppedUserDto(string UserName, TasksHandedOverDto Tasks);

/// <summary>An entry of the audit log; before and after are the target's JSON.</summary>
public sealed record AuditEntryDto(long Id, DateTimeOffset At, string Actor, string Action, string Target, string? Before, string? After, string? Note)
{
    /// <summary>Maps.</summary>
    public static AuditEntryDto From(AdminAuditEntry e) => new(e.Id, e.At, e.Actor, e.Action, e.Target, e.Before, e.After, e.Note);
}
