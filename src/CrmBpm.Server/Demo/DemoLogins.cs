namespace CrmBpm.Server.Demo;

/// <summary>A demo login as printed and shown on the sign-in page.</summary>
public sealed record DemoLogin(string UserName, string DisplayName, string Role, string Password, string Notes);

/// <summary>
/// The demo logins of the database in use: filled at start-up with the demo users that exist (marked by the seeder);
/// empty for any other database, so the sign-in page lists them only for the demo database.
/// </summary>
public sealed class DemoLogins
{
    private IReadOnlyList<DemoLogin> _logins = [];

    /// <summary>The demo logins; empty when the database is not the demo one.</summary>
    public IReadOnlyList<DemoLogin> Logins => _logins;

    internal void Set(IReadOnlyList<DemoLogin> logins) => _logins = logins;
}
