using System.Security.Cryptography;
using System.Text;
using CrmBpm.Engine.Errors;
using CrmBpm.Server.Administration;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmBpm.Server.Setup;

/// <summary>
/// Makes sure a database has an Administrator. At start (<see cref="EnsureAsync"/>): none exists and
/// <see cref="SetupOptions.AdminUser"/> is configured, the server creates them; none exists and nothing is configured,
/// the one-time setup page opens (<see cref="IsOpen"/>), reachable from the machine itself or with the code printed in
/// the log. The first Administrator created closes it for good: the page answers 404 and a second submission is refused.
/// </summary>
public sealed partial class FirstAdministrator(IServiceScopeFactory scopes, IOptions<SetupOptions> options, ILogger<FirstAdministrator> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _open;
    private string _code = "";

    /// <summary>True while no Administrator exists and the setup page is offered.</summary>
    public bool IsOpen => _open;

    /// <summary>Checks for an Administrator at start; creates the configured one or opens the setup page.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        if (await administration.CountActiveAdministratorsAsync(cancellationToken: cancellationToken) > 0)
        {
            return;
        }

        var setup = options.Value;
        if (!string.IsNullOrWhiteSpace(setup.AdminUser))
        {
            var password = ConfiguredPassword(setup);
            try
            {
                await CreateAsync(scope.ServiceProvider, setup.AdminUser.Trim(), setup.AdminDisplayName, setup.AdminEmail, password, "setup:configuration", cancellationToken);
            }
            catch (CrmBpmException e)
            {
                var problems = e is InputException input ? string.Join(" ", input.Problems.Select(p => $"{p.Field}: {p.Message}")) : e.Message;
                throw new InvalidOperationException($"The first Administrator '{setup.AdminUser.Trim()}' (Setup:AdminUser) cannot be created: {problems}", e);
            }

            LogConfiguredAdministrator(logger, setup.AdminUser.Trim());
            return;
        }

        _code = Convert.ToHexString(RandomNumberGenerator.GetBytes(10)).ToLowerInvariant();
        _open = true;
        LogSetupOpen(logger, _code);
    }

    /// <summary>True when <paramref name="code"/> is the one-time code (compared in constant time).</summary>
    public bool IsCode(string? code) =>
        _open && code is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(code.Trim()), Encoding.UTF8.GetBytes(_code));

    /// <summary>
    /// Creates the first Administrator from the setup page. Refused (conflict) once the page is closed, including by a
    /// submission that raced this one; errors of the password policy name the field and the rule.
    /// </summary>
    public async Task CreateFromPageAsync(IServiceProvider services, string? userName, string? displayName, string? email, string? password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_open || await services.GetRequiredService<UserAdministration>().CountActiveAdministratorsAsync(cancellationToken: cancellationToken) > 0)
            {
                _open = false;
                throw new ConflictException("setup.done", "The first Administrator has already been set up; sign in instead.");
            }

            new Api.Check().Required(userName, "userName", 64).Required(password, "password", 500).ThrowIfAny();
            await CreateAsync(services, userName!.Trim(), displayName, email, password!, "setup:page", cancellationToken);
            _open = false;
            _code = "";
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task CreateAsync(IServiceProvider services, string userName, string? displayName, string? email, string password, string actor, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserManager<CrmBpmUser>>();
        var db = services.GetRequiredService<CrmBpmIdentityDbContext>();
        var check = new Api.Check().MaxLength(displayName, "displayName", 200).MaxLength(email, "email", 256).Email(email, "email");
        check.ThrowIfAny();
        if (await users.FindByNameAsync(userName) is not null)
        {
            throw new ConflictException("setup.user-exists",
                $"A user '{userName}' exists but no active Administrator does; choose another user name for the first Administrator.");
        }

        var user = new CrmBpmUser
        {
            UserName = userName, DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName : displayName.Trim(),
            Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        UserAdministration.Require(await users.CreateAsync(user, password));
        UserAdministration.Require(await users.AddToRoleAsync(user, AppRoles.Administrator));
        var audit = services.GetRequiredService<AdminAudit>();
        await audit.RecordAsync(actor, "user.create", userName, null,
            new { userName, user.DisplayName, user.Email, roles = new[] { AppRoles.Administrator } }, "the first Administrator", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string ConfiguredPassword(SetupOptions setup)
    {
        var hasPassword = !string.IsNullOrEmpty(setup.AdminPassword);
        var hasFile = !string.IsNullOrWhiteSpace(setup.AdminPasswordFile);
        if (hasPassword == hasFile)
        {
            throw new InvalidOperationException(hasPassword
                ? "Setup:AdminPassword and Setup:AdminPasswordFile are both set; give the first Administrator's password one way."
                : $"Setup:AdminUser is '{setup.AdminUser}' but no password is given: set Setup:AdminPassword (environment variable Setup__AdminPassword) or Setup:AdminPasswordFile.");
        }

        if (hasPassword)
        {
            return setup.AdminPassword!;
        }

        try
        {
            return File.ReadAllText(setup.AdminPasswordFile!).Trim();
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"Setup:AdminPasswordFile '{setup.AdminPasswordFile}' cannot be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidOperationException($"Setup:AdminPasswordFile '{setup.AdminPasswordFile}' cannot be read: {e.Message}", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The first Administrator '{UserName}' was created from the configuration (Setup:AdminUser)")]
    private static partial void LogConfiguredAdministrator(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Administrator exists yet. Set one up on the page /setup from this machine, or from elsewhere at /setup?code={Code} (until the first Administrator exists).")]
    private static partial void LogSetupOpen(ILogger logger, string code);

    /// <summary>The one-time code, for the console banner; empty once set up.</summary>
    internal string Code => _open ? _code : "";
}
