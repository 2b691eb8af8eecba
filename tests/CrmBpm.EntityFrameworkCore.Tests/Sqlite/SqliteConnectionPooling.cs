using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CrmBpm.EntityFrameworkCore.Tests.Sqlite;

/// <summary>
/// What the SQLite store relies on from Microsoft.Data.Sqlite's connection pool: a connection opened is its own until it is
/// closed. Up to 10.0.12 the pool could lend one native connection to two opens that raced (dotnet/efcore#39008): two commands
/// then shared a transaction, and the one that closed first met the other's active statement ("unable to delete/modify
/// collation sequence due to active statements"). This test keeps the package from going back to such a version.
/// </summary>
public sealed class SqliteConnectionPooling : IAsyncDisposable
{
    private const int OpensAtOnce = 16;
    private readonly SqliteTestFile _file = new();

    [Fact]
    public void Connections_opened_at_the_same_moment_never_share_a_native_connection()
    {
        // On 10.0.5 to 10.0.12 about one wave in 80 handed out a native connection twice; a thousand waves would all pass by chance
        // once in about 200,000 runs.
        const int waves = 1000;
        var sharedInWaves = new List<int>();
        for (var wave = 1; wave <= waves; wave++)
        {
            // A cold pool every wave: the race was in handing out new connections while others were being activated.
            _file.EmptyConnectionPool();
            var connections = OpenAtOnce();
            try
            {
                var handles = connections.Select(c => c.Handle!.DangerousGetHandle()).ToList();
                if (handles.Distinct().Count() != handles.Count)
                {
                    sharedInWaves.Add(wave);
                }
            }
            finally
            {
                foreach (var connection in connections)
                {
                    connection.Dispose();
                }
            }
        }

        sharedInWaves.ShouldBeEmpty($"in {sharedInWaves.Count} of {waves} waves two open connections shared one native connection");
    }

    public async ValueTask DisposeAsync() => await _file.DisposeAsync();

    /// <summary>Opens <see cref="OpensAtOnce"/> connections from as many threads released together, and keeps them all open.</summary>
    private SqliteConnection[] OpenAtOnce()
    {
        var connections = new SqliteConnection[OpensAtOnce];
        using var start = new Barrier(OpensAtOnce);
        var threads = Enumerable.Range(0, OpensAtOnce).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            var connection = new SqliteConnection(_file.ConnectionString);
            connection.Open();
            connections[i] = connection;
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        return connections;
    }
}
