namespace CrmBpm.Server.Setup;

/// <summary>
/// The first Administrator of a new installation (<c>Setup</c> section). With <see cref="AdminUser"/> set the server
/// creates them at start; the password comes from <see cref="AdminPassword"/> (set it as the environment variable
/// <c>Setup__AdminPassword</c>) or from <see cref="AdminPasswordFile"/>, never from a default. Without it the server
/// offers the one-time page <c>/setup</c>.
/// </summary>
public sealed class SetupOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Setup";

    /// <summary>User name of the first Administrator.</summary>
    public string? AdminUser { get; set; }

    /// <summary>Their password (from an environment variable or a secret store; not from a checked-in file).</summary>
    public string? AdminPassword { get; set; }

    /// <summary>A file holding their password (a mounted secret); surrounding whitespace is ignored.</summary>
    public string? AdminPasswordFile { get; set; }

    /// <summary>Their display name (default: the user name).</summary>
    public string? AdminDisplayName { get; set; }

    /// <summary>Their e-mail address.</summary>
    public string? AdminEmail { get; set; }
}
