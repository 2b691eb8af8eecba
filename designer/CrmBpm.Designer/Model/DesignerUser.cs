namespace CrmBpm.Designer.Model;

/// <summary>A user the performer picker offers: the id written to <c>crm:performerUser</c> and the name shown.</summary>
public sealed record DesignerUser(string Id, string Name);
