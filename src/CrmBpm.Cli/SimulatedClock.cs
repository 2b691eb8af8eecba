namespace CrmBpm.Cli;

/// <summary>
/// The time of a <c>crmbpm run</c> session: it starts at the real time and moves only when the person in the terminal says
/// <c>advance P3D</c>, so a map's timers, deadlines and reminders can be tried in seconds. Timeouts of handlers (timers the
/// engine creates) still run in real time: only "now" is simulated.
/// </summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
