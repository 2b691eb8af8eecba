using System.Globalization;
using System.Xml;

namespace CrmBpm.Engine.Definitions;

/// <summary>
/// How an automatic step retries a failing handler: <see cref="Retries"/> more tries, each <see cref="BackOff"/> after the
/// failure. Written as an ISO 8601 repeating interval without a start, <c>R3/PT5M</c>, as Camunda's
/// <c>failedJobRetryTimeCycle</c> is; <c>R0/PT0S</c> (or <c>R0</c>) means no retry.
/// </summary>
public sealed record RetryCycle(int Retries, TimeSpan BackOff)
{
    /// <summary>What a step without <see cref="ServicePoint.Retries"/> does: three more tries a minute apart.</summary>
    public static RetryCycle Default { get; } = new(3, TimeSpan.FromMinutes(1));

    /// <summary>How long a handler may run when its step names no <see cref="ServicePoint.Timeout"/>.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The most retries a map may ask for; more is a mistake (a loop against a service that is down), not a policy.</summary>
    public const int MaxRetries = 100;

    /// <summary>Reads <c>R3/PT5M</c>; null (with <paramref name="error"/>) when it is not one.</summary>
    public static RetryCycle? TryParse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var parts = text.Trim().Split('/');
        if (parts.Length is < 1 or > 2 || parts[0].Length < 2 || parts[0][0] != 'R'
            || !int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var retries))
        {
            error = $"'{text}' is not a retry cycle such as R3/PT5M (R, the number of retries, a slash, an ISO 8601 duration).";
            return null;
        }

        if (retries > MaxRetries)
        {
            error = $"'{text}' asks for {retries} retries; at most {MaxRetries} are allowed.";
            return null;
        }

        var backOff = TimeSpan.Zero;
        if (parts.Length == 2 && !TryDuration(parts[1], out backOff))
        {
            error = $"'{parts[1]}' in '{text}' is not an ISO 8601 duration such as PT5M.";
            return null;
        }

        if (parts.Length == 1 && retries > 0)
        {
            error = $"'{text}' names no wait between retries; write it as R{retries}/PT1M.";
            return null;
        }

        return new RetryCycle(retries, backOff);
    }

    /// <summary>Reads a positive ISO 8601 duration such as <c>PT30S</c>.</summary>
    public static bool TryDuration(string text, out TimeSpan duration)
    {
        duration = default;
        try
        {
            duration = XmlConvert.ToTimeSpan(text.Trim());
            return duration >= TimeSpan.Zero;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The cycle of a step, or the default; a step that publishes always has a valid one (see the validation rule).</summary>
    public static RetryCycle Of(ServicePoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point.Retries is { } text && TryParse(text, out _) is { } cycle ? cycle : Default;
    }

    /// <summary>The timeout of a step, or the default.</summary>
    public static TimeSpan TimeoutOf(ServicePoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point.Timeout is { } text && TryDuration(text, out var timeout) && timeout > TimeSpan.Zero ? timeout : DefaultTimeout;
    }
}
