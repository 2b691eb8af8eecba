namespace CrmBpm.Server.Identity;

/// <summary>The application roles (what a user may do in CrmBpm), not the business roles that route maps address.</summary>
public static class AppRoles
{
    /// <summary>Designs and publishes route maps, operates instances.</summary>
    public const string Consultant = "Consultant";

    /// <summary>Works deals, tasks, instructions and claims.</summary>
    public const string Manager = "Manager";

    /// <summary>A manager who also sees and acts on the team's tasks and deals.</summary>
    public const string Head = "Head";

    /// <summary>
    /// An external worker's account (a service, not a person): may only fetch and report the work of external automatic
    /// steps (<c>/api/external-tasks</c>), signing in for a bearer token like anyone.
    /// </summary>
    public const string Worker = "Worker";

    /// <summary>Everything.</summary>
    public const string Administrator = "Administrator";

    /// <summary>All roles, in the order the UI lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Manager, Head, Consultant, Administrator, Worker];
}
