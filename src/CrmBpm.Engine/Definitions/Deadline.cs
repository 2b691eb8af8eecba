using System.Xml;

namespace CrmBpm.Engine.Definitions;

/// <summary>
/// When a task is due: either a fixed duration after the task is created (ISO 8601, e.g. <c>P2D</c>,
/// <c>PT4H</c>) or an expression yielding a date/time string or an ISO 8601 duration.
/// </summary>
public sealed record Deadline
{
    /// <summary>ISO 8601 duration, e.g. P3D.</summary>
    public string? Duration { get; init; }

    /// <summary>JavaScript expression giving an ISO date/time or an ISO 8601 duration.</summary>
    public string? Expression { get; init; }

    /// <summary>
    /// The duration (written or given by the expression) counts in working time, by the business calendar
    /// (<see cref="Calendar.IBusinessCalendar"/>), and so does the action's reminder before it. A date is a date either way.
    /// </summary>
    public bool InWorkingTime { get; init; }

    /// <summary>A fixed duration deadline.</summary>
    public static Deadline After(TimeSpan duration) => new() { Duration = XmlConvert.ToString(duration) };

    /// <summary>A deadline computed at run time.</summary>
    public static Deadline FromExpression(string expression) => new() { Expression = expression };

    /// <summary>Parses an ISO 8601 duration; false when it is not one.</summary>
    public static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            duration = XmlConvert.ToTimeSpan(text.Trim());
            return duration >= TimeSpan.Zero;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
