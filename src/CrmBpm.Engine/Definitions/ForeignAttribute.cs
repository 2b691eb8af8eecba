namespace CrmBpm.Engine.Definitions;

/// <summary>
/// An XML attribute another tool wrote on an element (e.g. <c>camunda:asyncBefore</c>, <c>bioc:stroke</c>),
/// kept so that it is written back on export. <see cref="Namespace"/> is empty for unqualified attributes.
/// </summary>
public sealed record ForeignAttribute(string Namespace, string LocalName, string Value, string? Prefix = null);
