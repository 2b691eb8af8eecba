using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CrmBpm.Testing.Processes;

/// <summary>
/// A built web app of this repository (<c>dotnet exec App.dll</c>) in its own process on a loopback port, with its settings
/// given as environment variables, as a real installation runs it. <see cref="Kill"/> is SIGKILL to the whole process
/// tree: no shutdown code runs and open transactions are cut off mid-work. Disposing kills it if it still runs, so a
/// failing test never leaves a process behind.
/// </summary>
public sealed class AppProcess : IDisposable, IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseAddress { get; }

    /// <summary>True when the process has ended (it never should while a test uses it).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the app wrote (warnings and errors), for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output.TakeLast(60));

    /// <summary>A free loopback port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts <paramref name="dll"/> in the Development environment on <paramref name="port"/> and waits until
    /// <paramref name="probePath"/> answers 200 or a redirect (start-up, schema and demo data done).
    /// </summary>
    public static async Task<AppProcess> StartAsync(string dll, int port, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, string probePath = "")
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{Path.GetFileNameWithoutExtension(dll)} is not built: {dll} is missing. Build CrmBpm.sln first.");
        }

        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var app = new AppProcess(Process.Start(start)!, baseAddress);
        app._process.OutputDataReceived += (sender, e) => app.Collect(e.Data);
        app._process.ErrorDataReceived += (sender, e) => app.Collect(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilAnsweringAsync(new Uri(baseAddress, probePath), timeout);
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(30_000);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 400 && _output.TryDequeue(out var dropped) && dropped is not null)
        {
            // Only the last lines are kept.
        }
    }

    private async Task WaitUntilAnsweringAsync(Uri probe, TimeSpan timeout)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{probe.Authority}: the app exited with {_process.ExitCode}:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await http.GetAsync(probe);
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The app did not answer on {probe} within {timeout}:{Environment.NewLine}{Output}");
    }
}
