using System.Xml;
using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Calendar;

/// <summary>
/// A duration as working time counts it: whole working days (the date part of ISO 8601, <c>P3D</c>) and working hours
/// (the time part, <c>PT4H</c>). They are kept apart because a working day is not 24 hours: <c>P1D</c> is the same time on
/// the next working day, <c>PT24H</c> is 24 working hours (almost three days of 9 hours).
/// </summary>
public readonly record struct WorkingDuration(int Days, TimeSpan Time)
{
    /// <summary>Nothing to count.</summary>
    public bool IsZero => Days == 0 && Time == TimeSpan.Zero;

    /// <summary>The same duration as plain elapsed time (a day is 24 hours).</summary>
    public TimeSpan Elapsed => TimeSpan.FromDays(Days) + Time;

    /// <summary>
    /// Reads an ISO 8601 duration; false when it is none (or negative). Years and months count as XML Schema counts
    /// them in days (<c>P1M</c> is 30 days), and so as that many working days.
    /// </summary>
    public static bool TryParse(string? text, out WorkingDuration duration)
    {
        duration = default;
        if (!Deadline.TryParseDuration(text, out _))
        {
            return false;
        }

        var trimmed = text!.Trim();
        var split = trimmed.IndexOf('T', StringComparison.Ordinal);
        var datePart = split < 0 ? trimmed : trimmed[..split];
        var days = datePart == "P" ? 0 : (int)XmlConvert.ToTimeSpan(datePart).TotalDays;
        var time = split < 0 ? TimeSpan.Zero : XmlConvert.ToTimeSpan("P" + trimmed[split..]);
        duration = new WorkingDuration(days, time);
        return true;
    }

    /// <summary>
    /// A duration already read as a <see cref="TimeSpan"/> (a reminder's <c>crm:reminderBefore</c>, a cycle's interval):
    /// its whole days are working days, the rest working hours.
    /// </summary>
    public static WorkingDuration FromTimeSpan(TimeSpan span) =>
        new(span.Days, span - TimeSpan.FromDays(span.Days));
}
