using System.Globalization;
using System.Security.Claims;
using CrmBpm.Server.Administration;
using CrmBpm.Server.Identity;
using CrmBpm.Server.Organisation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Admin;

/// <summary>
/// The Administration pages on the real organisation services and real Identity (SQLite in memory, with the engine's
/// <c>tasks</c> table the delete checks read), signed in as the Administrator <c>admin</c>, in English.
/// </summary>
public abstract class AdminPagesContext : BunitContext
{
    private readonly SqliteConnection _database = new("Data Source=:memory:");
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    static AdminPagesContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(15);

    protected AdminPagesContext()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        _database.Open();
        using (var schema = new CrmBpmIdentityDbContext(new DbContextOptionsBuilder<CrmBpmIdentityDbContext>().UseSqlite(_database).Options))
        {
            schema.Database.EnsureCreated();
            schema.Database.ExecuteSqlRaw("CREATE TABLE tasks (title TEXT NOT NULL, active BOOLEAN NOT NULL, performer_role TEXT, performer_addressing_object TEXT)");
        }

        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, AppRoles.Administrator)], "test"));
        Services.AddLocalization();
        Services.AddSingleton<IHttpContextAccessor>(_ => new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = admin } });
        Services.AddUserTime();
        Services.AddDbContext<CrmBpmIdentityDbContext>(options => options.UseSqlite(_database));
        Services.AddIdentityCore<CrmBpmUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<CrmBpmIdentityDbContext>();
        Services.AddScoped<UserDirectory>();
        Services.AddScoped<AdminAudit>();
        Services.AddScoped<OrganisationDirectory>();
        Services.AddScoped<OpenPoolTasks>();
        Services.AddScoped<OrganisationAdministration>();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>The organisation as an Administrator changes it, outside the page (to set a scene or to check the result).</summary>
    protected async Task<T> OrganisationAsync<T>(Func<OrganisationAdministration, Task<T>> use)
    {
        using var scope = Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<OrganisationAdministration>());
    }

    /// <summary>Creates active users (no system role needed for membership or heading a department).</summary>
    protected async Task AddUsersAsync(params (string UserName, string DisplayName)[] users)
    {
        using var scope = Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<CrmBpmUser>>();
        foreach (var (userName, displayName) in users)
        {
            (await manager.CreateAsync(new CrmBpmUser { UserName = userName, DisplayName = displayName })).Succeeded.ShouldBeTrue();
        }
    }

    /// <summary>Adds an open task addressed to a role (and object), as the engine's table would hold it.</summary>
    protected async Task AddOpenTaskAsync(string title, string role, string? addressingObject = null)
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CrmBpmIdentityDbContext>().Database.ExecuteSqlAsync(
            $"INSERT INTO tasks (title, active, performer_role, performer_addressing_object) VALUES ({title}, TRUE, {role}, {addressingObject})");
    }

    /// <summary>Audit actions recorded so far, oldest first.</summary>
    protected async Task<IReadOnlyList<string>> AuditActionsAsync()
    {
        using var scope = Services.CreateScope();
        var (items, _) = await scope.ServiceProvider.GetRequiredService<AdminAudit>().PageAsync(null, 1, 100);
        return [.. items.Reverse().Select(e => $"{e.Actor} {e.Action} {e.Target}")];
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentUICulture = _culture;
        base.Dispose(disposing);
        _database.Dispose();
    }
}
