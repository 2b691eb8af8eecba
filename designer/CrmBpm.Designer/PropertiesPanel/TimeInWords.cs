using System.Globalization;
using System.Text.RegularExpressions;
using CrmBpm.Designer.Localization;
using CrmBpm.Engine.Definitions;

namespace CrmBpm.Designer.PropertiesPanel;

/// <summary>
/// Reads ISO 8601 time text back in plain words for the properties panel — P3DT4H is "3 days 4 hours", the cycle R3/PT1H is
/// "3 times, every 1 hour" — so a consultant sees what the text means without knowing the notation. Only a reading:
/// whether the text is valid is the engine's to say (<see cref="TimerDefinition.FirstDue"/>, <see cref="RetryCycle.TryParse"/>).
/// </summary>
public static partial class TimeInWords
{
    /// <summary>The units in ISO 8601 order; their words are the resources' <c>time.&lt;unit&gt;.one|few|many</c>.</summary>
    private static readonly string[] Units = ["year", "month", "week", "day", "hour", "minute", "second"];

    /// <summary>"3 days 4 hours" for P3DT4H; null when the text is not an ISO 8601 duration (or is a zero one).</summary>
    public static string? Duration(string? text)
    {
        var match = text is null ? null : DurationPattern().Match(text.Trim());
        if (match is not { Success: true } || match.Value == "P" || match.Value.EndsWith('T'))
        {
            return null;
        }

        var parts = new List<string>();
        for (var i = 0; i < Units.Length; i++)
        {
            var group = match.Groups[i + 1];
            if (group.Success && decimal.Parse(group.Value, CultureInfo.InvariantCulture) is var amount and not 0)
            {
                // A whole number takes the plural form it needs (1 day, 3 дня, 5 дней); a fraction the form a fraction takes (1.5 days, 1,5 дня).
                parts.Add(amount == decimal.Truncate(amount) && amount <= int.MaxValue
                    ? DesignerText.Count((int)amount, "time." + Units[i])
                    : DesignerText.L($"time.{Units[i]}.few", amount.ToString(Culture)));
            }
        }

        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    /// <summary>How a timer reads: "after 3 days", "on 24 Dec 2026 at 09:00 (UTC)", "3 times, every 1 hour", or null when it does not read.</summary>
    public static string? Timer(TimerDefinitionKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (new TimerDefinition { Kind = kind, Value = value.Trim() }.IsExpression)
        {
            return DesignerText.L("time.expression");
        }

        return kind switch
        {
            TimerDefinitionKind.Duration => Duration(value) is { } words ? DesignerText.L("time.after", words) : null,
            TimerDefinitionKind.Date => TimerDefinition.TryParseDate(value, out var at)
                ? DesignerText.L("time.on", at.ToString("d MMM yyyy", Culture), at.ToString("HH:mm", CultureInfo.InvariantCulture),
                    at.Offset == TimeSpan.Zero ? "UTC" : "UTC" + at.ToString("zzz", CultureInfo.InvariantCulture))
                : null,
            _ => RetryCycle.TryParse(value, out _) is { Retries: > 0 } cycle
                ? DesignerText.L("time.every", cycle.Retries == 1 ? DesignerText.L("time.once") : DesignerText.Count(cycle.Retries, "time.times"), Duration(value.Trim().Split('/')[1]))
                : null,
        };
    }

    /// <summary>Month names and decimal marks: Russian ones in Russian, else the invariant (English) ones the words are in.</summary>
    private static CultureInfo Culture =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru" ? CultureInfo.GetCultureInfo("ru") : CultureInfo.InvariantCulture;

    [GeneratedRegex(@"^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
