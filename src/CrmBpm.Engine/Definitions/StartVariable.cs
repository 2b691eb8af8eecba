namespace CrmBpm.Engine.Definitions;

/// <summary>
/// A variable the map expects when an instance starts (<c>crm:startVariable</c> on the process): the start form asks for it,
/// the condition builder offers it, and starting refuses a missing required one or a value of the wrong type.
/// Variables the map does not declare may still be passed (embedding applications pass their own).
/// </summary>
public sealed record StartVariable
{
    /// <summary>Variable name, a JavaScript identifier (<c>amount</c>, <c>dealId</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Kind of value expected: text, number, yes/no or date (<see cref="FormFieldType.Choice"/> is not offered here).</summary>
    public FormFieldType Type { get; init; } = FormFieldType.Text;

    /// <summary>What the start form shows; empty means the name.</summary>
    public string Label { get; init; } = "";

    /// <summary>An instance cannot start without a value.</summary>
    public bool Required { get; init; }

    /// <summary>The label, or the name when there is none.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string DisplayLabel => string.IsNullOrWhiteSpace(Label) ? Name : Label;
}
