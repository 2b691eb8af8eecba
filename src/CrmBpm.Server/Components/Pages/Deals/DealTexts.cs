using System.Globalization;
using CrmBpm.Crm.Deals;
using Microsoft.Extensions.Localization;

namespace CrmBpm.Server.Components.Pages.Deals;

/// <summary>
/// The words and formats every Deals component shares (statuses, kinds, amounts, moments), so "Won" is translated once.
/// Inject <c>IStringLocalizer&lt;DealTexts&gt;</c> and call the extensions in <see cref="DealTextsExtensions"/>.
/// </summary>
public sealed class DealTexts
{
    private DealTexts()
    {
    }

    /// <summary>A money amount in the UI culture.</summary>
    public static string Amount(decimal amount) => amount.ToString("N0", CultureInfo.CurrentCulture);
}

/// <summary>The shared deal words, read from DealTexts.resx.</summary>
public static class DealTextsExtensions
{
    /// <summary>"In work", "Won", "Lost".</summary>
    public static string Status(this IStringLocalizer<DealTexts> texts, DealStatus status) => texts[$"Status{status}"];

    /// <summary>"Process-controlled", "Manual stages", "Non-process".</summary>
    public static string Kind(this IStringLocalizer<DealTexts> texts, DealKind kind) => texts[$"Kind{kind}"];

    /// <summary>What a kind means, in one sentence.</summary>
    public static string KindHint(this IStringLocalizer<DealTexts> texts, DealKind kind) => texts[$"Kind{kind}Hint"];
}
