namespace CrmBpm.Designer.Model;

/// <summary>A published route map a Nested process may run: its key (written to <c>calledElement</c>) and its name.</summary>
public sealed record PublishedMapInfo(string Key, string Name);
