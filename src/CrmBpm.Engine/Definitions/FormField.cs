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

    /// <summary>
    /// For <see cref="FormFieldType.Choice"/>: what the performer reads for each of <see cref="Options"/>, in the same order
    /// (Camunda's <c>&lt;camunda:value id="pickup" name="Pickup at the store"/&gt;</c>); empty when the values are their own labels.
    /// </summary>
    public IReadOnlyList<string> OptionLabels { get; init; } = [];

    /// <summary>The value the form starts with (as the input holds it: text, a number, true/false, yyyy-MM-dd, an option).</summary>
    public string? DefaultValue { get; init; }

    /// <summary>Shown to the performer but not changed by them: a completion may not set it.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>For <see cref="FormFieldType.Number"/>: the smallest value allowed.</summary>
    public decimal? Minimum { get; init; }

    /// <summary>For <see cref="FormFieldType.Number"/>: the largest value allowed.</summary>
    public decimal? Maximum { get; init; }

    /// <summary>For <see cref="FormFieldType.Text"/>: the fewest characters allowed.</summary>
    public int? MinLength { get; init; }

    /// <summary>For <see cref="FormFieldType.Text"/>: the most characters allowed.</summary>
    public int? MaxLength { get; init; }

    /// <summary>The label of <paramref name="option"/>: its own label, or the value itself.</summary>
    public string LabelOf(string option)
    {
        var index = Options.ToList().IndexOf(option);
        return index >= 0 && index < OptionLabels.Count && !string.IsNullOrWhiteSpace(OptionLabels[index]) ? OptionLabels[index] : option;
    }
}
