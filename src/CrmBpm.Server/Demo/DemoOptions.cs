namespace CrmBpm.Server.Demo;

/// <summary>Settings of the demo data (<c>Demo</c> section).</summary>
public sealed class DemoOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Demo";

    /// <summary>
    /// Seed demo users and data into a new database. Unset: only in the Development environment (README's run command);
    /// refused in Production, where the demo's known passwords must never exist.
    /// </summary>
    public bool? Seed { get; set; }

    /// <summary>Where the standard route maps (*.bpmn) are; default: the RouteMaps folder next to the server.</summary>
    public string? RouteMapsFolder { get; set; }
}
