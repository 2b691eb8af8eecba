namespace CrmBpm.Engine.Definitions;

/// <summary>A variable the performer fills when completing a task.</summary>
public sealed record FormField
{
    /// <summary>Variable name.</summary>
    public required string Name { get; init; }

    /// <summary>Label shown to the performer; empty means the name.</summary>
    public string Label { get; init; } = "";

    /// <summary>Kind of value expected.</summary>
    public FormFieldType Type { get; init; } = FormFieldType.Text;

    /// <summary>The task cannot be completed without a value.</summary>
    public bool Required { get; init; }

    /// <summary>For <see cref="FormFieldType.Choice"/>: the allowed values.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];
}
