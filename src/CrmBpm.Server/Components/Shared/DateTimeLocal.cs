using System.Globalization;

namespace CrmBpm.Server.Components.Shared;

/// <summary>
/// Text of an <c>input type="datetime-local"</c>. Browsers send <c>yyyy-MM-ddTHH:mm</c>, or with seconds when the input's
/// step asks for them; the pages bind the text and parse it here, so every form is accepted and an unparsable one is
/// reported as a missing deadline instead of being dropped by the binder.
/// </summary>
public static class DateTimeLocal
{
    private static readonly string[] Formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.fff"];

    /// <summary>The input's text for <paramref name="at"/>, to the minute.</summary>
    public static string Format(DateTime at) => at.ToString(Formats[0], CultureInfo.InvariantCulture);

    /// <summary>The time in the input, or null when it is empty or not a time.</summary>
    public static DateTime? Parse(string? text) =>
        DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
}
