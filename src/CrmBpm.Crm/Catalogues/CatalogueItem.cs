using CrmBpm.Crm.Common;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Catalogues;

/// <summary>
/// One entry of a catalogue: a stable <see cref="Code"/> that data and route maps refer to, an editable display
/// <see cref="Name"/> and an order. Items are archived rather than deleted so old deals keep their meaning.
/// </summary>
public sealed class CatalogueItem : AggregateRoot
{
    private CatalogueItem()
    {
    }

    /// <summary>Creates an item.</summary>
    public CatalogueItem(CatalogueKind kind, string code, string name, int order, bool isDefault = false)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        Code = NormalizeCode(Guard.Required(code, "code", "A code", 100));
        Name = Guard.Required(name, "name", "A name", 200);
        Order = order;
        IsDefault = isDefault;
    }

    /// <summary>Which catalogue.</summary>
    public CatalogueKind Kind { get; private set; }

    /// <summary>Stable machine name (lower case, dashes), e.g. <c>proposal</c>.</summary>
    public string Code { get; private set; } = "";

    /// <summary>Display name, e.g. "Proposal".</summary>
    public string Name { get; private set; } = "";

    /// <summary>Position in lists (sales stages: funnel order).</summary>
    public int Order { get; private set; }

    /// <summary>Used when nothing more specific is known (e.g. the loss reason of a process that ended Lost without one).</summary>
    public bool IsDefault { get; private set; }

    /// <summary>Hidden from new choices; kept for existing records.</summary>
    public bool IsArchived { get; private set; }

    /// <summary>Renames the item; its code stays.</summary>
    public void Rename(string name) => Name = Guard.Required(name, "name", "A name", 200);

    /// <summary>Moves the item in its list.</summary>
    public void MoveTo(int order) => Order = order;

    /// <summary>Archives the item.</summary>
    public void Archive()
    {
        if (IsDefault)
        {
            throw new ConflictException("catalogue.default-item", $"'{Name}' is the default {Kind}; make another item the default before archiving it.");
        }

        IsArchived = true;
    }

    /// <summary>Restores an archived item.</summary>
    public void Restore() => IsArchived = false;

    /// <summary>Makes this the default of its catalogue (the service clears the previous default).</summary>
    public void MarkDefault(bool isDefault) => IsDefault = isDefault;

    /// <summary>True when <paramref name="text"/> is this item's id, code or name (case-insensitive).</summary>
    public bool Matches(string? text) =>
        !string.IsNullOrWhiteSpace(text) &&
        (string.Equals(Code, NormalizeCode(text), StringComparison.Ordinal) ||
         string.Equals(Name, text.Trim(), StringComparison.OrdinalIgnoreCase) ||
         (Guid.TryParse(text, out var id) && id == Id));

    /// <summary>Turns "Needs analysis" into "needs-analysis".</summary>
    public static string NormalizeCode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.Trim().ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
