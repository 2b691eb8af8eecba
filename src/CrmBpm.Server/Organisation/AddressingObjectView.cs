namespace CrmBpm.Server.Organisation;

/// <summary>An addressing object as the Structure page, the API and the audit log show it: parent and head by name.</summary>
public sealed record AddressingObjectView(string Name, AddressingObjectKind Kind, string? Parent, string? Head, bool IsActive = true);
