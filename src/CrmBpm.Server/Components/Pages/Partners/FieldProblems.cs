using CrmBpm.Engine.Errors;

namespace CrmBpm.Server.Components.Pages.Partners;

/// <summary>
/// The CRM's refusal of a form, split by field: each input shows the messages for its own field, and the messages for
/// fields the form does not show are listed above the buttons, so no refusal goes unseen.
/// </summary>
public sealed class FieldProblems
{
    private readonly IReadOnlyList<InputProblem> _problems;
    private readonly IReadOnlySet<string> _shownFields;

    private FieldProblems(IReadOnlyList<InputProblem> problems, IReadOnlySet<string> shownFields)
    {
        _problems = problems;
        _shownFields = shownFields;
    }

    /// <summary>No problems.</summary>
    public static FieldProblems None { get; } = new([], new HashSet<string>());

    /// <summary>True when there is at least one problem.</summary>
    public bool Any => _problems.Count > 0;

    /// <summary>The problems of <paramref name="error"/>, for a form showing <paramref name="shownFields"/>.</summary>
    public static FieldProblems From(InputException error, params string[] shownFields)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new FieldProblems(error.Problems, new HashSet<string>(shownFields, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The messages for one field, joined; null when it has none.</summary>
    public string? For(string field)
    {
        var messages = _problems.Where(p => string.Equals(p.Field, field, StringComparison.OrdinalIgnoreCase)).Select(p => p.Message).ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    /// <summary>True when the field has a problem.</summary>
    public bool Has(string field) => For(field) is not null;

    /// <summary>The <c>aria-invalid</c> value of the field's input: "true", or null (no attribute).</summary>
    public string? Invalid(string field) => Has(field) ? "true" : null;

    /// <summary>Messages about fields the form does not show.</summary>
    public IEnumerable<string> Others => _problems.Where(p => !_shownFields.Contains(p.Field)).Select(p => p.Message);
}
