using System.Collections;
using System.Globalization;
using System.Resources;

namespace CrmBpm.Designer.Localization;

/// <summary>
/// The designer's words in the current UI culture (English, or Russian from <c>Resources/DesignerText.ru.resx</c>). Read
/// from the resources directly, not through <c>IStringLocalizer</c>, so a host needs no <c>AddLocalization</c>: the culture
/// its request localization (or a Blazor circuit) sets is enough. Keys <c>kind.*</c> and <c>canvas.*</c> are also handed
/// to the bpmn-js canvas for its palette, context pad and replace menu.
/// </summary>
public static class DesignerText
{
    private static readonly ResourceManager Resources = new("CrmBpm.Designer.Resources.DesignerText", typeof(DesignerText).Assembly);

    /// <summary>The text of <paramref name="key"/>, with <paramref name="arguments"/> put into its <c>{0}</c>, <c>{1}</c>…; the key itself when missing.</summary>
    public static string L(string key, params object?[] arguments)
    {
        var text = Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return arguments.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, arguments);
    }

    /// <summary>The words of the canvas (keys <c>kind.*</c> and <c>canvas.*</c>) in the current UI culture.</summary>
    public static IReadOnlyDictionary<string, string> CanvasLabels()
    {
        var english = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!;
        return english.Cast<DictionaryEntry>()
            .Select(e => (string)e.Key)
            .Where(k => k.StartsWith("kind.", StringComparison.Ordinal) || k.StartsWith("canvas.", StringComparison.Ordinal))
            .ToDictionary(k => k, k => L(k), StringComparer.Ordinal);
    }
}
