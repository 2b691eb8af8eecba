namespace CrmBpm.Server.Organisation;

/// <summary>A user's membership of a performer role, optionally for an addressing object.</summary>
public sealed record Membership(string UserName, string DisplayName, string Role, string? AddressingObject, bool IsActive);
