using System.Diagnostics;
using Jint;

namespace CrmBpm.Engine.Expressions;

/// <summary>
/// Stops a script that runs longer than its time limit. Jint's own time constraint arms a timer for every evaluation;
/// reading the monotonic clock before each statement costs a few nanoseconds and, unlike sampling every few hundred
/// statements, cannot be outrun by statements that each call a slow builtin (a regular expression near its timeout).
/// </summary>
internal sealed class ElapsedTimeConstraint(TimeSpan limit) : Constraint
{
    private readonly long _limitTicks = (long)(limit.TotalSeconds * Stopwatch.Frequency);
    private long _startedAt;

    public override void Check()
    {
        if (Stopwatch.GetTimestamp() - _startedAt > _limitTicks)
        {
            throw new TimeoutException($"The script ran longer than {limit}.");
        }
    }

    public override void Reset() => _startedAt = Stopwatch.GetTimestamp();
}
