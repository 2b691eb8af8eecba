using System.Globalization;
using System.Resources;
using System.Text;
using System.Text.RegularExpressions;
using CrmBpm.Crm.Catalogues;
using CrmBpm.Engine.Definitions;

namespace CrmBpm.Server.Components.Shared;

/// <summary>
/// The display names of what a new installation starts with — the sales stages, loss and claim reasons, departments and
/// performer roles, the standard route maps and their points — in the reader's language, while their keys stay as stored.
/// <para>
/// Each text is in <c>StandardTexts.resx</c> (English, exactly as seeded or published) and <c>StandardTexts.ru.resx</c>,
/// under the stable key: <c>SalesStage.proposal</c> (catalogue kind and code), <c>Role.sales-manager</c> (kind and the
/// normalised name, which is the key of a role or department), <c>Map.typical-sale</c>, <c>Point.typical-sale.offer</c>
/// and <c>Title.typical-sale.qualification</c> (a title template). A stored text is translated only while it is still
/// the standard English one: a stage an Administrator renamed, a map a consultant changed, and anything a user typed
/// show exactly as stored. A task title made from a standard template is translated around the values it was filled
/// with (<c>Qualify the deal Nordwind</c> → <c>Квалифицировать сделку Nordwind</c>), so a deal's title stays as typed.
/// </para>
/// </summary>
public static partial class StandardTexts
{
    private static readonly ResourceManager Resources = new(typeof(StandardTexts));
    private static readonly Dictionary<string, Regex> Templates = new(StringComparer.Ordinal);
    private static readonly Lock TemplatesLock = new();
    private static readonly Lazy<string[]> EnglishKeys = new(() =>
        [.. Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal)]);

    /// <summary>A catalogue item's name (<paramref name="code"/> is its stable code).</summary>
    public static string Catalogue(CatalogueKind kind, string? code, string? name) =>
        code is null ? name ?? "" : Translate($"{kind}.{code}", name ?? code);

    /// <summary>A catalogue item's name.</summary>
    public static string Name(CatalogueItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Catalogue(item.Kind, item.Code, item.Name);
    }

    /// <summary>A deal's stage by its code and stored name.</summary>
    public static string Stage(string? code, string? name) => Catalogue(CatalogueKind.SalesStage, code, name);

    /// <summary>A performer role's name (the name is its key).</summary>
    public static string Role(string? name) => Named("Role", name);

    /// <summary>A performer role's description, translated while it is the seeded one.</summary>
    public static string RoleDescription(string roleName, string? description) =>
        string.IsNullOrEmpty(description) ? description ?? "" : Translate($"RoleDescription.{CatalogueItem.NormalizeCode(roleName)}", description);

    /// <summary>A department's name (the name is its key).</summary>
    public static string Department(string? name) => Named("Department", name);

    /// <summary>An addressing object's name: department, region or business direction.</summary>
    public static string Addressing(string kind, string? name) => Named(kind, name);

    /// <summary>A pool as the lists show it: <c>role</c> or <c>role@object</c> (or another separator), each part translated.</summary>
    public static string Pool(string? role, string? addressingObject, string separator = "@") =>
        addressingObject is null ? Role(role) : $"{Role(role)}{separator}{AnyObject(addressingObject)}";

    /// <summary>A route map's name.</summary>
    public static string Map(string mapKey, string? name) => Translate($"Map.{RouteMap.SplitScopeKey(mapKey).MapKey}", name ?? mapKey);

    /// <summary>The name of a point of a route map.</summary>
    public static string Point(string mapKey, string pointId, string? name) =>
        Translate($"Point.{RouteMap.SplitScopeKey(mapKey).MapKey}.{pointId}", name ?? pointId);

    /// <summary>
    /// A copy of <paramref name="map"/> to draw for reading: a standard map's name, point names and Yes/No branches in
    /// the reader's language (never published or run; ids, keys and everything else as they are).
    /// </summary>
    public static RouteMap ForReading(RouteMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var key = RouteMap.SplitScopeKey(map.Key).MapKey;
        if (Resources.GetString($"Map.{key}", CultureInfo.InvariantCulture) is null)
        {
            return map;
        }

        return map with
        {
            Name = Map(key, map.Name),
            Points = [.. map.Points.Select(p => p.Name.Length == 0 ? p : p with { Name = Point(key, p.Id, p.Name) })],
            Flows = [.. map.Flows.Select(f => f.Name.Length == 0 ? f : f with { Name = Translate($"Flow.{f.Name}", f.Name) })],
        };
    }

    /// <summary>
    /// A task's title: the translated template filled with the values of the stored title when it was made from the
    /// standard template, the translated point name when the title is the point's name, else the title as stored.
    /// </summary>
    public static string TaskTitle(string mapKey, string pointId, string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var map = RouteMap.SplitScopeKey(mapKey).MapKey;
        var key = $"Title.{map}.{pointId}";
        if (Resources.GetString(key, CultureInfo.InvariantCulture) is { } english && Resources.GetString(key, CultureInfo.CurrentUICulture) is { } local)
        {
            if (Pattern(english).Match(title) is { Success: true } match)
            {
                return Placeholder().Replace(local, p => match.Groups[p.Groups[1].Value] is { Success: true } value ? value.Value : p.Value);
            }
        }

        return Point(map, pointId, title);
    }

    /// <summary>
    /// A task's title when neither its map nor its point is known (a notification keeps only the title): translated when it
    /// matches a title template or a point name of any standard map, else as stored.
    /// </summary>
    public static string TaskTitleOfAnyMap(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        foreach (var map in EnglishKeys.Value.Where(k => k.StartsWith("Title.", StringComparison.Ordinal) || k.StartsWith("Point.", StringComparison.Ordinal))
                     .Select(k => k.Split('.', 3)[1]).Distinct(StringComparer.Ordinal))
        {
            var translated = TaskTitle(map, title);
            if (!ReferenceEquals(translated, title))
            {
                return translated;
            }
        }

        return title;
    }

    /// <summary>A task's description in the reader's language while it is a standard map's seeded text; else as stored.</summary>
    public static string TaskDescription(string mapKey, string pointId, string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return Translate($"Description.{RouteMap.SplitScopeKey(mapKey).MapKey}.{pointId}", description);
    }

    /// <summary>
    /// A task's title when only its map is known, not its point (a refusal names tasks by title): translated when it
    /// matches a title template or a point name of that standard map, else as stored.
    /// </summary>
    public static string TaskTitle(string? mapKey, string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (mapKey is null)
        {
            return title;
        }

        var map = RouteMap.SplitScopeKey(mapKey).MapKey;
        foreach (var key in EnglishKeys.Value.Where(k => k.StartsWith($"Title.{map}.", StringComparison.Ordinal)))
        {
            var parts = key.Split('.', 3);
            var translated = TaskTitle(parts[1], parts[2], title);
            if (!ReferenceEquals(translated, title))
            {
                return translated;
            }
        }

        foreach (var key in EnglishKeys.Value.Where(k => k.StartsWith($"Point.{map}.", StringComparison.Ordinal)))
        {
            var translated = Translate(key, title);
            if (!ReferenceEquals(translated, title))
            {
                return translated;
            }
        }

        return title;
    }

    private static string AnyObject(string name)
    {
        foreach (var kind in (string[])["Department", "Region", "BusinessDirection"])
        {
            var translated = Named(kind, name);
            if (!ReferenceEquals(translated, name))
            {
                return translated;
            }
        }

        return name;
    }

    private static string Named(string kind, string? name) =>
        string.IsNullOrEmpty(name) ? name ?? "" : Translate($"{kind}.{CatalogueItem.NormalizeCode(name)}", name);

    /// <summary>The current language's text of <paramref name="key"/> while <paramref name="stored"/> is its English text; else what is stored.</summary>
    private static string Translate(string key, string stored)
    {
        var english = Resources.GetString(key, CultureInfo.InvariantCulture);
        if (english is null || !string.Equals(english, stored.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return stored;
        }

        return Resources.GetString(key, CultureInfo.CurrentUICulture) ?? stored;
    }

    // "Qualify the deal {dealTitle}" → ^Qualify the deal (?<dealTitle>.*)$
    private static Regex Pattern(string template)
    {
        lock (TemplatesLock)
        {
            if (!Templates.TryGetValue(template, out var pattern))
            {
                var text = new StringBuilder("^");
                var at = 0;
                foreach (Match placeholder in Placeholder().Matches(template))
                {
                    text.Append(Regex.Escape(template[at..placeholder.Index])).Append("(?<").Append(placeholder.Groups[1].Value).Append(">.*)");
                    at = placeholder.Index + placeholder.Length;
                }

                text.Append(Regex.Escape(template[at..])).Append('$');
                pattern = new Regex(text.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
                Templates[template] = pattern;
            }

            return pattern;
        }
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
