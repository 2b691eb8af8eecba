using System.Globalization;

namespace CrmBpm.Server.Identity;

/// <summary>
/// Moments as the signed-in user reads and types them: in the time zone of their profile (a claim set at sign-in), or
/// the server's when none is set or the id is unknown on this machine. Every page shows and reads dates through it.
/// </summary>
public sealed class UserTime(SignedInUser signedIn, TimeProvider clock)
{
    private TimeZoneInfo? _zone;

    /// <summary>The user's time zone.</summary>
    public TimeZoneInfo Zone => _zone ??= Find(signedIn) ?? clock.LocalTimeZone;

    /// <summary>Now, in the user's time zone.</summary>
    public DateTimeOffset Now => ToUser(clock.GetUtcNow());

    /// <summary>Today's date in the user's time zone.</summary>
    public DateTime Today => Now.Date;

    /// <summary><paramref name="moment"/> in the user's time zone.</summary>
    public DateTimeOffset ToUser(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    /// <summary>Date and short time, in the user's time zone and the UI culture ("g").</summary>
    public string Moment(DateTimeOffset moment) => ToUser(moment).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>The date only, in the user's time zone and the UI culture ("d").</summary>
    public string Day(DateTimeOffset moment) => ToUser(moment).ToString("d", CultureInfo.CurrentCulture);

    /// <summary>A wall-clock time the user typed (a date-time input), as the moment it means in their time zone.</summary>
    public DateTimeOffset FromUser(DateTime local)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, Zone.GetUtcOffset(wall));
    }

    private static TimeZoneInfo? Find(SignedInUser signedIn)
    {
        string? id;
        try
        {
            id = signedIn.Principal.FindFirst(CrmBpmClaims.TimeZone)?.Value;
        }
        catch (InvalidOperationException)
        {
            return null; // neither a request nor a circuit: the server's zone
        }

        return !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }
}
