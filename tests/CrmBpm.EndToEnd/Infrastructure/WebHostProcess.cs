using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace CrmBpm.EndToEnd.Infrastructure;

/// <summary>
/// Runs a web app of this repository in its own process, from its own build output (so its static web assets, including
/// the designer's bpmn-js bundle, are served as in a real app), on a free loopback port. Ended with its whole process tree.
/// </summary>
public sealed class WebHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output;

    private WebHostProcess(Process process, Uri baseAddress, System.Text.StringBuilder output)
    {
        _process = process;
        BaseAddress = baseAddress;
        _output = output;
    }

    /// <summary>What the host wrote to stdout/stderr (warnings and errors; for failure messages).</summary>
    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseAddress { get; }

    /// <summary>True when the host process has ended (it never should while a test runs).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts the app built from <paramref name="projectFolder"/> (relative to the repository root) with extra environment
    /// variables, and waits until <paramref name="probePath"/> answers 200 or a redirect.
    /// </summary>
    public static async Task<WebHostProcess> StartAsync(string projectFolder, IReadOnlyDictionary<string, string> environment, string probePath = "")
    {
        var name = Path.GetFileName(projectFolder);
        var dll = Path.Combine(RepositoryRoot(), projectFolder, "bin", Configuration(), "net10.0", name + ".dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{name} is not built: {dll} is missing. Build CrmBpm.sln first.");
        }

        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
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

        var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new WebHostProcess(process, baseAddress, output);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}:\n{output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(baseAddress, probePath));
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        await host.DisposeAsync();
        throw new TimeoutException($"{name} did not answer on {baseAddress} within 90 s:\n{output}");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The folder holding CrmBpm.sln.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CrmBpm.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CrmBpm.sln not found above " + AppContext.BaseDirectory);
    }

    private static string Configuration() =>
        typeof(WebHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
