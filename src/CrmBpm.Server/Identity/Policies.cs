using Microsoft.AspNetCore.Authorization;

namespace CrmBpm.Server.Identity;

/// <summary>Authorization policies of the API and the UI, by application role.</summary>
public static class Policies
{
    /// <summary>Deals, tasks, partners, leads, instructions, claims: Manager, Head, Administrator.</summary>
    public const string Work = "crmbpm.work";

    /// <summary>Uploading, validating and publishing route maps, operating instances: Consultant, Administrator.</summary>
    public const string Design = "crmbpm.design";

    /// <summary>Team views (the team's tasks and deals): Head, Administrator.</summary>
    public const string Supervise = "crmbpm.supervise";

    /// <summary>Catalogue editing and user administration: Administrator.</summary>
    public const string Administer = "crmbpm.administer";

    /// <summary>External workers fetching and reporting the work of external automatic steps: Worker, Administrator.</summary>
    public const string ExternalWork = "crmbpm.external-work";

    /// <summary>Registers the policies.</summary>
    public static AuthorizationBuilder AddCrmBpmPolicies(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization
            .AddPolicy(Work, p => p.RequireRole(AppRoles.Manager, AppRoles.Head, AppRoles.Administrator))
            .AddPolicy(Design, p => p.RequireRole(AppRoles.Consultant, AppRoles.Administrator))
            .AddPolicy(Supervise, p => p.RequireRole(AppRoles.Head, AppRoles.Administrator))
            .AddPolicy(Administer, p => p.RequireRole(AppRoles.Administrator))
            .AddPolicy(ExternalWork, p => p.RequireRole(AppRoles.Worker, AppRoles.Administrator));
    }
}
