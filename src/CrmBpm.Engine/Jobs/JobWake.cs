namespace CrmBpm.Engine.Jobs;

/// <summary>
/// Wakes this node's timer loop when a command has just committed a job, so an automatic step starts milliseconds after
/// the commit instead of at the next poll (<see cref="CrmBpmOptions.TimerPollInterval"/>). Only a nudge: the job is in the
/// database either way, other nodes find it by polling, and a lost wake-up costs one poll interval, never the job.
/// </summary>
internal sealed class JobWake
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Says a job is due now; several calls before the loop looks count as one.</summary>
    public void Pulse()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already pulsed and not yet taken: the loop will look once, and find every job due by then.
        }
    }

    /// <summary>Completes at the next pulse (or at once when one is pending).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _signal.WaitAsync(cancellationToken);
}
