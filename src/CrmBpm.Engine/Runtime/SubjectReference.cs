namespace CrmBpm.Engine.Runtime;

/// <summary>What a process or task is about, e.g. <c>("deal", "42")</c>. The engine does not interpret it.</summary>
public sealed record SubjectReference(string Type, string Id)
{
    /// <inheritdoc />
    public override string ToString() => $"{Type}/{Id}";
}
