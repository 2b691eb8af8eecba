using System.Reflection;
using CrmBpm.Testing.Processes;

namespace CrmBpm.EndToEnd.Infrastructure;

/// <summary>
/// Runs a web app of this repository from its own build output (so its static web assets, including the designer's
/// bpmn-js bundle, are served as in a real app), on a free loopback port.
/// </summary>
public static class WebHostProcess
{
    /// <summary>
    /// Starts the app built from <paramref name="projectFolder"/> (relative to the repository root) with extra environment
    /// variables, and waits up to 90 s until <paramref name="probePath"/> answers 200 or a redirect.
    /// </summary>
    public static Task<AppProcess> StartAsync(string projectFolder, IReadOnlyDictionary<string, string> environment, string probePath = "")
    {
        var name = Path.GetFileName(projectFolder);
        var dll = Path.Combine(RepositoryRoot(), projectFolder, "bin", Configuration(), "net10.0", name + ".dll");
        return AppProcess.StartAsync(dll, AppProcess.FreePort(), environment, TimeSpan.FromSeconds(90), probePath);
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
}
