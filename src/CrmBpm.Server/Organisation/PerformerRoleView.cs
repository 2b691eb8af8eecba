namespace CrmBpm.Server.Organisation;

/// <summary>A performer role with its members (as the role page and the audit log show it).</summary>
public sealed record PerformerRoleView(string Name, string? Description, IReadOnlyList<Membership> Members);
