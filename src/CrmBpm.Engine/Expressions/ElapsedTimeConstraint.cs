using System.Diagnostics;
using Jint;

namespace CrmBpm.Engine.Expressions;

/// <summary>
/// Stops a script that runs longer than its time limit. Jint's own time constraint arms a timer for every
/// evaluation; reading the stopwatch every few hundred statements is enough and costs next to nothing.
/// </summary>
internal sealed class ElapsedTimeConstraint(TimeSpan limit) : Constraint
{
    private const int CheckEvery = 256;
    private readonly long _limitTicks = (long)(limit.TotalSeconds * Stopwatch.Frequency);
    private long _startedAt;
    private int _countdown;

    /// <summary>Off while the engine runs its own set-up script, which must never count against an expression's time.</summary>
    public bool Paused { get; set; }

    public override void Check()
    {
        if (Paused || --_countdown > 0)
        {
            return;
        }

        _countdown = CheckEvery;
        if (Stopwatch.GetTimestamp() - _startedAt > _limitTicks)
        {
            throw new TimeoutException($"The script ran longer than {limit}.");
        }
    }

    public override void Reset()
    {
        _startedAt = Stopwatch.GetTimestamp();
        _countdown = CheckEvery;
    }
}
