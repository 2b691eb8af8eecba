using System.Globalization;
using CrmBpm.Engine.Expressions.Juel;

namespace CrmBpm.Engine.Definitions;

/// <summary>
/// When a timer event fires, as BPMN's <c>timerEventDefinition</c> says it: a duration, a date or a cycle, written as the
/// ISO 8601 text itself or as an expression giving it — JUEL when written <c>${…}</c> or <c>#{…}</c>, JavaScript when
/// <see cref="IsJavaScript"/> (the file's <c>language="javascript"</c>, as flow conditions are written).
/// </summary>
public sealed record TimerDefinition
{
    /// <summary>Duration, date or cycle.</summary>
    public TimerDefinitionKind Kind { get; init; }

    /// <summary>The ISO 8601 text or the expression, as written.</summary>
    public string Value { get; init; } = "";

    /// <summary>The value is a JavaScript expression (a <c>${…}</c> value is JUEL whatever this says).</summary>
    public bool IsJavaScript { get; init; }

    /// <summary>The id of the <c>timerEventDefinition</c> element, written back so another modeler's file keeps it.</summary>
    public string? DefinitionId { get; init; }

    /// <summary>
    /// A duration, or a cycle's interval, counts in working time by the business calendar (<see cref="Calendar.IBusinessCalendar"/>);
    /// BPMN's <c>crm:workingTime="true"</c> on the event. A date is a date either way.
    /// </summary>
    public bool InWorkingTime { get; init; }

    /// <summary>True when <see cref="Value"/> is evaluated at run time rather than read as ISO 8601 text.</summary>
    public bool IsExpression => IsJavaScript || JuelExpressionEvaluator.IsJuel(Value) || Expressions.Feel.FeelExpressionEvaluator.IsFeel(Value);

    /// <summary>A fixed duration timer.</summary>
    public static TimerDefinition After(string isoDuration) => new() { Kind = TimerDefinitionKind.Duration, Value = isoDuration };

    /// <summary>A fixed date timer.</summary>
    public static TimerDefinition At(string isoDate) => new() { Kind = TimerDefinitionKind.Date, Value = isoDate };

    /// <summary>A repeating timer, e.g. <c>R3/PT1H</c>.</summary>
    public static TimerDefinition Every(string isoCycle) => new() { Kind = TimerDefinitionKind.Cycle, Value = isoCycle };

    /// <summary>Reads an ISO 8601 date and time; one without an offset is UTC.</summary>
    public static bool TryParseDate(string? text, out DateTimeOffset at)
    {
        at = default;
        return !string.IsNullOrWhiteSpace(text)
            && text.Trim().Length >= 10 && char.IsAsciiDigit(text.Trim()[0])
            && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
    }

    /// <summary>
    /// When a literal (not an expression) first fires, counted from <paramref name="now"/>; null with the reason when the text
    /// does not read as its kind. A cycle fires first one interval after <paramref name="now"/>.
    /// </summary>
    public DateTimeOffset? FirstDue(DateTimeOffset now, out string? error, Calendar.IBusinessCalendar? calendar = null) =>
        Due(Kind, Value, now, fromExpression: false, out error, InWorkingTime ? calendar : null);

    /// <summary>
    /// When <paramref name="text"/> fires. A literal must read as its kind; what an expression gave for a duration or a date may
    /// be either, as Camunda's timers accept. With a <paramref name="workingTime"/> calendar a duration, or a cycle's first
    /// interval, counts in its working time.
    /// </summary>
    public static DateTimeOffset? Due(TimerDefinitionKind kind, string? text, DateTimeOffset now, bool fromExpression, out string? error, Calendar.IBusinessCalendar? workingTime = null)
    {
        error = null;
        if (kind == TimerDefinitionKind.Cycle)
        {
            if (text is not null && RetryCycle.TryParse(text.Trim(), out _) is { Retries: > 0 } cycle && cycle.BackOff > TimeSpan.Zero)
            {
                return workingTime?.Add(now, Calendar.WorkingDuration.FromTimeSpan(cycle.BackOff)) ?? now + cycle.BackOff;
            }

            error = $"'{text}' is not a cycle such as R3/PT1H (R, how many times, at most {RetryCycle.MaxRetries}, a slash, a positive ISO 8601 duration).";
            return null;
        }

        if ((kind == TimerDefinitionKind.Duration || fromExpression) && Deadline.TryParseDuration(text, out var duration))
        {
            return workingTime is not null && Calendar.WorkingDuration.TryParse(text, out var working) ? workingTime.Add(now, working) : now + duration;
        }

        if ((kind == TimerDefinitionKind.Date || fromExpression) && TryParseDate(text, out var at))
        {
            return at;
        }

        error = fromExpression ? $"gave '{text}', which is neither an ISO 8601 duration nor a date and time."
            : kind == TimerDefinitionKind.Duration ? $"'{text}' is not an ISO 8601 duration such as PT1H or P3D."
            : $"'{text}' is not an ISO 8601 date and time such as 2026-12-24T09:00:00Z.";
        return null;
    }

    /// <summary>How many times a cycle fires (<c>R3/…</c>: 3) and how far apart; null when <see cref="Value"/> is no literal cycle.</summary>
    public (int Count, TimeSpan Interval)? Repetitions(string? evaluated = null) =>
        Kind == TimerDefinitionKind.Cycle && RetryCycle.TryParse((evaluated ?? Value).Trim(), out _) is { } cycle ? (cycle.Retries, cycle.BackOff) : null;
}
