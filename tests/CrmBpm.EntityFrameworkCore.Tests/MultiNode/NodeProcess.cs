using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace CrmBpm.EntityFrameworkCore.Tests.MultiNode;

/// <summary>
/// One CrmBpm.NodeHost process (<c>dotnet exec CrmBpm.NodeHost.dll ...</c>), its output collected. Disposing kills it if it
/// still runs, so a failing test never leaves a node behind.
/// </summary>
public sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(string name, IEnumerable<string> arguments)
    {
        Name = name;
        var start = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(HostDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            _output.Enqueue(e.Data);
            if (e.Data == "ready")
            {
                _ready.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _errors.Enqueue(e.Data);
            }
        };
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"{Name} exited before it was ready: {Errors}"));
        _process.EnableRaisingEvents = true;
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The built node host, next to its own project (see the test project file).</summary>
    public static string HostDll { get; } = typeof(NodeProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "NodeHostDll").Value!;

    private static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";

    public string Name { get; }

    public int Id => _process.Id;

    public IReadOnlyList<string> Output => [.. _output];

    public string Errors => string.Join(Environment.NewLine, _errors);

    /// <summary>Runs <c>deploy</c> to completion.</summary>
    public static async Task DeployAsync(string connectionString, TimeSpan timeout)
    {
        using var deploy = new NodeProcess("deploy", ["deploy", "--connection", connectionString]);
        await deploy.WaitForExitAsync(timeout);
        deploy._process.ExitCode.ShouldBe(0, deploy.Errors);
    }

    /// <summary>Starts <c>run</c> and waits until the node is warm and working.</summary>
    public static async Task<NodeProcess> StartAsync(string name, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var node = new NodeProcess(name, arguments);
        try
        {
            await node._ready.Task.WaitAsync(timeout);
            return node;
        }
        catch
        {
            node.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, open transactions are cut off mid-work.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Asks the node to stop its load but keep firing timers (stdin "drain").</summary>
    public async Task DrainAsync()
    {
        await _process.StandardInput.WriteLineAsync("drain");
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Asks the node to stop (stdin "stop"), waits for it and returns its JSON summary line.</summary>
    public async Task<string> StopAsync(TimeSpan timeout)
    {
        await _process.StandardInput.WriteLineAsync("stop");
        await _process.StandardInput.FlushAsync();
        await WaitForExitAsync(timeout);
        _process.ExitCode.ShouldBe(0, $"{Name}: {Errors}");
        return _output.LastOrDefault(line => line.StartsWith('{')) ?? throw new InvalidOperationException($"{Name} printed no summary: {Errors}");
    }

    private async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout}: {Errors}");
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _process.Dispose();
    }
}
