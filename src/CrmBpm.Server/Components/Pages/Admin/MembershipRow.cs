namespace CrmBpm.Server.Components.Pages.Admin;

/// <summary>One membership row of the user form: a performer role and, optionally, the addressing object it is for.</summary>
public sealed class MembershipRow
{
    /// <summary>The performer role (empty: not picked yet).</summary>
    public string Role { get; set; } = "";

    /// <summary>The addressing object (empty: the role without an object).</summary>
    public string Object { get; set; } = "";
}
