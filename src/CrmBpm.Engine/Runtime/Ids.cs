using System.Buffers.Binary;

namespace CrmBpm.Engine.Runtime;

/// <summary>
/// Cheap unique ids for instances, tokens, tasks, timers and history: a random 64-bit prefix per process and a
/// 64-bit counter. Creating a random Guid per token move cost more than the move itself; this is unique across
/// nodes (the prefix) and within a process (the counter), and sorts by creation within a process. Such ids are
/// guessable (a prefix plus a counter), so ids that callers address from outside — instances and tasks — are
/// <see cref="Unguessable"/> instead; the stores order those by their own <c>seq</c> column, never by id.
/// </summary>
public static class Ids
{
    private static readonly ulong Prefix = BitConverter.ToUInt64(Guid.NewGuid().ToByteArray(), 0);
    private static long _counter = DateTime.UtcNow.Ticks;

    /// <summary>A random (version 4) id for what a caller addresses by id: it cannot be guessed from another one.</summary>
    public static Guid Unguessable() => Guid.NewGuid();

    /// <summary>A new unique, cheap, but guessable id (tokens, history, timers).</summary>
    public static Guid Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, Prefix);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], Interlocked.Increment(ref _counter));
        return new Guid(bytes, bigEndian: true);
    }
}
