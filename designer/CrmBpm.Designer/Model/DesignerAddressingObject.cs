namespace CrmBpm.Designer.Model;

/// <summary>
/// An addressing object the performer picker suggests (a department, region, …): the name written to
/// <c>crm:addressingObject</c> and what kind of object it is, shown beside it.
/// </summary>
public sealed record DesignerAddressingObject(string Name, string Kind);
