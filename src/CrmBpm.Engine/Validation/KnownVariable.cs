using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation;

/// <summary>
/// A variable some point of a map sets (or the map declares as a start variable): what the condition builder offers and
/// what a condition may read without a warning.
/// </summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Type">Its kind of value, when the point says; null when anything may come (a script's result, a mapped output).</param>
/// <param name="Label">What a consultant reads for it (a form field's label, a start variable's label); the name when there is none.</param>
/// <param name="SetBy">Where it comes from, in words: <c>start</c>, or the point's display name.</param>
public sealed record KnownVariable(string Name, FormFieldType? Type, string Label, string SetBy)
{
    /// <summary>For an outcome or a choice field: the values it can take.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];
}
