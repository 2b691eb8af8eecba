namespace CrmBpm.Server.Api.Contracts;

/// <summary>Signing in for a bearer token.</summary>
public sealed record TokenRequest(string? UserName, string? Password);

/// <summary>Exchanging a refresh token for a new access token.</summary>
public sealed record RefreshRequest(string? RefreshToken);

/// <summary>The signed-in user: id, name, roles, pools and department.</summary>
public sealed record MeDto(string Id, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Pools, string? Department);

/// <summary>A user, for pickers (performer, responsible, redirect target).</summary>
public sealed record UserDto(string Id, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Pools, string? Department);

/// <summary>Replacing one's own password.</summary>
public sealed record ChangePasswordRequest(string? UserName, string? CurrentPassword, string? NewPassword);
