namespace CrmBpm.Server.Hosting;

/// <summary>
/// The <c>Security</c> settings: how fast one client may try passwords, when an account locks, and how large a request
/// body may be. The defaults slow a password guesser from one address to <see cref="SignInPermitLimit"/> tries per
/// <see cref="SignInWindowSeconds"/> well before the account's own lockout (<see cref="LockoutAttempts"/> failures)
/// shuts its owner out, and then only for <see cref="LockoutMinutes"/>.
/// </summary>
public sealed class SecurityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Security";

    /// <summary>
    /// Sign-in and token requests one client address may make per window (default 30: an office behind one address signing
    /// in at nine still passes, a password guesser is held to one try every two seconds).
    /// </summary>
    public int SignInPermitLimit { get; set; } = 30;

    /// <summary>The window of <see cref="SignInPermitLimit"/>, in seconds (default 60).</summary>
    public int SignInWindowSeconds { get; set; } = 60;

    /// <summary>
    /// Failed passwords one client address may give for one user within <see cref="FailedSignInWindowMinutes"/> before it is
    /// refused for that user (default 5), so no single address can drive an account into its lockout.
    /// </summary>
    public int FailedSignInsPerClient { get; set; } = 5;

    /// <summary>The window of <see cref="FailedSignInsPerClient"/>, in minutes (default 15).</summary>
    public int FailedSignInWindowMinutes { get; set; } = 15;

    /// <summary>Failed passwords in a row that lock an account (default 20).</summary>
    public int LockoutAttempts { get; set; } = 20;

    /// <summary>How long a locked account stays locked, in minutes (default 5).</summary>
    public int LockoutMinutes { get; set; } = 5;

    /// <summary>The largest request body, in bytes (default 4 MB); larger bodies answer 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Reads the section, refusing nonsense at start-up.</summary>
    /// <exception cref="InvalidOperationException">A limit is zero or negative.</exception>
    public static SecurityOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Section).Get<SecurityOptions>() ?? new SecurityOptions();
        foreach (var (name, value) in new (string, long)[]
        {
            (nameof(SignInPermitLimit), options.SignInPermitLimit), (nameof(SignInWindowSeconds), options.SignInWindowSeconds),
            (nameof(FailedSignInsPerClient), options.FailedSignInsPerClient), (nameof(FailedSignInWindowMinutes), options.FailedSignInWindowMinutes),
            (nameof(LockoutAttempts), options.LockoutAttempts), (nameof(LockoutMinutes), options.LockoutMinutes),
            (nameof(MaxRequestBodyBytes), options.MaxRequestBodyBytes),
        })
        {
            if (value <= 0)
            {
                throw new InvalidOperationException($"{Section}:{name} must be 1 or more; it is {value}.");
            }
        }

        return options;
    }
}
