namespace CrmBpm.Server.Deals;

/// <summary>One stage on a deal's stage bar: the catalogue code the CRM stores and the name people read.</summary>
public sealed record StageOption(string Code, string Name);
