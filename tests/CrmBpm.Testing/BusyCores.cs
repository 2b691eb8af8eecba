namespace CrmBpm.Testing;

/// <summary>
/// Keeps every core of the machine busy until disposed: one thread per core computing and allocating short-lived garbage,
/// as a loaded server does. Races that a quiet machine hides (a thread pre-empted between two steps, a garbage collection
/// at an awkward moment) show up under it, so stress tests run inside one.
/// </summary>
public sealed class BusyCores : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread[] _threads;

    public BusyCores(int? threads = null)
    {
        _threads = [.. Enumerable.Range(0, threads ?? Environment.ProcessorCount).Select(i => new Thread(Spin)
        {
            IsBackground = true,
            Name = $"busy core {i}",
            Priority = ThreadPriority.BelowNormal,
        })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _stop.Dispose();
    }

    private void Spin()
    {
        var token = _stop.Token;
        var sink = 0L;
        while (!token.IsCancellationRequested)
        {
            // Work and garbage in turn: the garbage makes the collector run now and then, as it does on a busy server.
            var garbage = new byte[4096 + (int)(sink & 0xFFF)];
            for (var i = 0; i < 20_000; i++)
            {
                sink = (sink * 31) + i + garbage.Length;
            }
        }

        GC.KeepAlive(sink);
    }
}
