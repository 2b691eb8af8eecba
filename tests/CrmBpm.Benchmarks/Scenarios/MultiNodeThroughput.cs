using System.Diagnostics;
using System.Reflection;
using Npgsql;

namespace CrmBpm.Benchmarks.Scenarios;

/// <summary>
/// Task completions per second of 1, 2, … CrmBpm.NodeHost processes on one PostgreSQL database, each running its load
/// driver (workers racing for the same pool tasks) with its timer service on. Counted in the database over a window
/// that starts once every node is warm, so start-up and warm-up are not in the figure.
/// </summary>
internal static class MultiNodeThroughput
{
    private static string HostDll { get; } = typeof(MultiNodeThroughput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "NodeHostDll").Value!;

    public static async Task<double> MeasureAsync(int nodeCount, TimeSpan window)
    {
        await using var database = await BenchmarkDatabase.PostgresAsync($"nodes{nodeCount}");
        await RunToEndAsync(["deploy", "--connection", database.ConnectionString]);
        var nodes = new List<Process>();
        try
        {
            var ready = new List<Task>();
            for (var i = 0; i < nodeCount; i++)
            {
                var (process, isReady) = Start(["run", "--connection", database.ConnectionString, "--node-id", $"bench-{i}", "--poll-ms", "1000", "--workers", "2", "--duration-s", "600"]);
                nodes.Add(process);
                ready.Add(isReady);
            }

            await Task.WhenAll(ready).WaitAsync(TimeSpan.FromMinutes(3));
            var before = await CompletedTasksAsync(database.ConnectionString);
            var watch = Stopwatch.StartNew();
            await Task.Delay(window);
            var after = await CompletedTasksAsync(database.ConnectionString);
            return (after - before) / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var node in nodes)
            {
                if (!node.HasExited)
                {
                    node.Kill(entireProcessTree: true);
                    await node.WaitForExitAsync();
                }

                node.Dispose();
            }
        }
    }

    private static async Task<long> CompletedTasksAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM tasks WHERE status = 'Completed'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static (Process Process, Task Ready) Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(HostDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "ready")
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"  node: {e.Data}");
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"A node exited with {process.ExitCode} before it was ready."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, ready.Task);
    }

    private static async Task RunToEndAsync(IEnumerable<string> arguments)
    {
        var (process, _) = Start(arguments);
        using (process)
        {
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"CrmBpm.NodeHost {string.Join(' ', arguments.Take(1))} failed with {process.ExitCode}.");
            }
        }
    }
}
