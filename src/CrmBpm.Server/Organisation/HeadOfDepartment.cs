namespace CrmBpm.Server.Organisation;

/// <summary>
/// The performer role every department has without an Administrator filling it: its pool for a department is that
/// department's head — its own, or, when it has none, the nearest head above it (as <see cref="OrganisationDirectory.HeadOfAsync"/>
/// answers). A route map addresses "the head of the deal's department" as this role with the addressing object
/// <c>${department}</c>; the CRM passes a deal's process the department of its manager.
/// </summary>
public static class HeadOfDepartment
{
    /// <summary>The role's name, as maps write it.</summary>
    public const string Role = "Head of department";
}
