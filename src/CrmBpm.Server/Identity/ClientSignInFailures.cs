using System.Collections.Concurrent;
using CrmBpm.Server.Hosting;

namespace CrmBpm.Server.Identity;

/// <summary>
/// Failed passwords per user name and client address. A client that failed <see cref="SecurityOptions.FailedSignInsPerClient"/>
/// times for one user within <see cref="SecurityOptions.FailedSignInWindowMinutes"/> is refused for that user (without a
/// password check) until its oldest failure leaves the window. The account's own lockout counts every failure, so without
/// this one address could keep anyone's account locked by guessing just under the request rate limit; with it, one address
/// gives the account at most a few failures per window and its owner, elsewhere, keeps signing in.
/// </summary>
public sealed class ClientSignInFailures(SecurityOptions security, TimeProvider clock)
{
    private const int SweepEvery = 1024;
    private readonly ConcurrentDictionary<(string User, string Client), Queue<DateTimeOffset>> _failures = new();
    private int _recorded;

    /// <summary>True when <paramref name="client"/> must not try <paramref name="userName"/> now.</summary>
    public bool IsBlocked(string userName, string client)
    {
        if (!_failures.TryGetValue(Key(userName, client), out var failures))
        {
            return false;
        }

        lock (failures)
        {
            Expire(failures);
            return failures.Count >= security.FailedSignInsPerClient;
        }
    }

    /// <summary>Counts a failed password (also for an unknown user, so blocking tells nothing about which users exist).</summary>
    public void Failed(string userName, string client)
    {
        var failures = _failures.GetOrAdd(Key(userName, client), _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            Expire(failures);
            failures.Enqueue(clock.GetUtcNow());
        }

        if (Interlocked.Increment(ref _recorded) % SweepEvery == 0)
        {
            Sweep();
        }
    }

    /// <summary>A right password forgets the client's failures for that user.</summary>
    public void Succeeded(string userName, string client) => _failures.TryRemove(Key(userName, client), out _);

    /// <summary>An administrator unlocked the account: every client may try it again.</summary>
    public void Forget(string userName)
    {
        var user = userName.Trim().ToUpperInvariant();
        foreach (var key in _failures.Keys.Where(k => k.User == user))
        {
            _failures.TryRemove(key, out _);
        }
    }

    private static (string User, string Client) Key(string userName, string client) => (userName.Trim().ToUpperInvariant(), client);

    private void Expire(Queue<DateTimeOffset> failures)
    {
        var since = clock.GetUtcNow() - TimeSpan.FromMinutes(security.FailedSignInWindowMinutes);
        while (failures.TryPeek(out var oldest) && oldest <= since)
        {
            failures.Dequeue();
        }
    }

    // Guessers that try many user names leave many entries; drop those whose failures have all expired.
    private void Sweep()
    {
        foreach (var (key, failures) in _failures)
        {
            lock (failures)
            {
                Expire(failures);
                if (failures.Count == 0)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }
}
