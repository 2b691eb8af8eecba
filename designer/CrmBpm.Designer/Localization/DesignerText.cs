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

    /// <summary>
    /// "<paramref name="count"/> problems" with the plural form the language needs: <paramref name="key"/> + <c>.one</c>,
    /// <c>.few</c> or <c>.many</c> (Russian: 1 проблема, 3 проблемы, 5 проблем; English uses <c>.one</c> and <c>.many</c>).
    /// </summary>
    public static string Count(int count, string key)
    {
        var form = (count % 10, count % 100) switch
        {
            (1, not 11) => "one",
            (2 or 3 or 4, not (12 or 13 or 14)) => "few",
            _ => "many",
        };
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "ru")
        {
            form = count == 1 ? "one" : "many";
        }

        return L($"{key}.{form}", count);
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

    /// <summary>The text of <paramref name="key"/> in every language the designer speaks (to recognise a word it wrote in another one).</summary>
    public static IReadOnlyList<string> InEveryLanguage(string key) =>
        [.. new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("ru") }
            .Select(culture => Resources.GetString(key, culture) ?? key)
            .Distinct(StringComparer.Ordinal)];
}
