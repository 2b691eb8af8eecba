using System.Net;

namespace CrmBpm.EntityFrameworkCore.Tests.CrashRounds;

/// <summary>What the clients of one round did: commands the server accepted, refusals by status, requests cut off.</summary>
public sealed class LoadFigures
{
    private readonly Dictionary<HttpStatusCode, int> _refusals = [];
    private int _commands;
    private int _transportFailures;

    /// <summary>Commands (POSTs) answered 2xx.</summary>
    public int Commands => _commands;

    /// <summary>Requests that found no server or were cut off by the kill.</summary>
    public int TransportFailures => _transportFailures;

    /// <summary>Refusals (4xx, 5xx) by status.</summary>
    public IReadOnlyDictionary<HttpStatusCode, int> Refusals
    {
        get
        {
            lock (_refusals)
            {
                return new Dictionary<HttpStatusCode, int>(_refusals);
            }
        }
    }

    /// <summary>
    /// Waits until the server has accepted <paramref name="count"/> commands of this round: a freshly restarted server
    /// answers its first commands only after seconds of warming up, and a kill before that would hit no command at all.
    /// </summary>
    public async Task WaitForCommandsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Commands < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The clients got only {this} within {timeout}.");
            }

            await Task.Delay(20);
        }
    }

    internal void Accepted() => Interlocked.Increment(ref _commands);

    internal void CutOff() => Interlocked.Increment(ref _transportFailures);

    internal void Refused(HttpStatusCode status)
    {
        lock (_refusals)
        {
            _refusals[status] = _refusals.GetValueOrDefault(status) + 1;
        }
    }

    /// <summary>e.g. "212 commands, refused 409×14 404×2, 5 cut off".</summary>
    public override string ToString() =>
        $"{Commands} commands, refused {(Refusals.Count == 0 ? "none" : string.Join(" ", Refusals.OrderBy(r => r.Key).Select(r => $"{(int)r.Key}×{r.Value}")))}, {TransportFailures} cut off";
}
