namespace CrmBpm.Server.Identity;

/// <summary>User claims CrmBpm stores with Identity (AspNetUserClaims) and reads from the signed-in principal.</summary>
public static class CrmBpmClaims
{
    /// <summary>
    /// A pool the user belongs to: a business role (<c>Sales manager</c>) or a role for an addressing object
    /// (<c>Sales manager@North</c>). Becomes an engine <see cref="Engine.Tasks.RoleMembership"/>.
    /// </summary>
    public const string Pool = "crmbpm:pool";

    /// <summary>The user's department; a Head's team is everyone in the Head's department.</summary>
    public const string Department = "crmbpm:department";

    /// <summary>The language set on the user's profile (<c>en</c>, <c>ru</c>); absent: the browser's.</summary>
    public const string Language = "crmbpm:language";

    /// <summary>The time zone set on the user's profile (an IANA id); absent: the server's.</summary>
    public const string TimeZone = "crmbpm:time-zone";

    /// <summary>Display name.</summary>
    public const string DisplayName = "crmbpm:display-name";

    /// <summary>Marks a user created by the demo seeder (its demo password is shown on the sign-in page).</summary>
    public const string Demo = "crmbpm:demo";

    /// <summary>Writes a pool claim value.</summary>
    public static string PoolValue(string role, string? addressingObject = null) =>
        addressingObject is null ? role : $"{role}@{addressingObject}";
}
