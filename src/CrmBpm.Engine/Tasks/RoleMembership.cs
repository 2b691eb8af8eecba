namespace CrmBpm.Engine.Tasks;

/// <summary>Membership of a role, optionally for one addressing object (e.g. "Sales manager" for "North").</summary>
public sealed record RoleMembership(string Role, string? AddressingObject = null);
