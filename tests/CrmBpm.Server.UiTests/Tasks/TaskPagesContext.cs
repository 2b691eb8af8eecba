using System.Security.Claims;
using CrmBpm.Crm.DependencyInjection;
using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Partners;
using CrmBpm.Engine;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Absences;
using CrmBpm.Server.Identity;
using CrmBpm.Server.Organisation;
using CrmBpm.Server.Tasks;
using CrmBpm.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Tasks;

/// <summary>
/// The task pages on the real engine and CRM (in memory) and real Identity (SQLite in memory), signed in as
/// <c>anna</c> (Manager, pool "Sales manager") unless a test says otherwise, at a fixed moment in a UTC server zone.
/// </summary>
public abstract class TaskPagesContext : BunitContext
{
    /// <summary>The moment the tests run at: Monday 23 November 2026, 10:00 UTC.</summary>
    protected static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly SqliteConnection _identity = new("Data Source=:memory:");
    private ClaimsPrincipal _user = Principal("anna", AppRoles.Manager, "Sales", "Sales manager");

    static TaskPagesContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(15);

    protected TaskPagesContext()
        : this(decorateTasks: null)
    {
    }

    /// <param name="decorateTasks">Wraps the engine's task service the pages use (to hold a command running, say).</param>
    protected TaskPagesContext(Func<ITaskService, ITaskService>? decorateTasks)
    {
        Services.AddLocalization();
        Services.AddUserTime();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddCrmBpm(bpm => bpm.UseInMemoryStore().AddCrm(crm => crm.UseInMemoryStore()));
        if (decorateTasks is not null)
        {
            var engine = Services.Single(d => d.ServiceType == typeof(ITaskService));
            Services.Remove(engine);
            Services.AddSingleton(sp => decorateTasks((ITaskService)ActivatorUtilities.CreateInstance(sp, engine.ImplementationType!)));
        }

        _identity.Open();
        using (var schema = new CrmBpmIdentityDbContext(new DbContextOptionsBuilder<CrmBpmIdentityDbContext>().UseSqlite(_identity).Options))
        {
            // The tables exist from the start, as in the server: My tasks reads the absences table for every list.
            schema.Database.EnsureCreated();
        }

        Services.AddDbContext<CrmBpmIdentityDbContext>(options => options.UseSqlite(_identity));
        Services.AddIdentityCore<CrmBpmUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<CrmBpmIdentityDbContext>();
        Services.AddSingleton<IHttpContextAccessor>(_ => new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = _user } });
        Services.AddScoped<SignedInUser>();
        Services.AddScoped<UserDirectory>();
        Services.AddScoped<OrganisationDirectory>();
        Services.AddScoped<WorkScope>();
        Services.AddScoped<ActiveSubstitutions>();
        Services.AddScoped<AbsenceBook>();
        Services.AddMyTasks();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>The server's clock: stands still unless a test moves it.</summary>
    protected TestClock Clock { get; } = new(Now);

    protected IProcessEngine Engine => Services.GetRequiredService<IProcessEngine>();

    protected ITaskService TaskService => Services.GetRequiredService<ITaskService>();

    protected static Actor Anna { get; } = new("anna", [new RoleMembership("Sales manager")]);

    /// <summary>Signs in as someone else (before the first render).</summary>
    protected void SignInAs(string userName, string role, string? department, params string[] pools) =>
        _user = Principal(userName, role, department, pools);

    /// <summary>Creates the Identity tables and the users the pickers and the team scope list.</summary>
    protected async Task AddUsersAsync(params (string UserName, string DisplayName, string Role, string? Department)[] users)
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CrmBpmIdentityDbContext>().Database.EnsureCreatedAsync();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<CrmBpmUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var (userName, displayName, role, department) in users)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }

            var user = new CrmBpmUser { UserName = userName, DisplayName = displayName };
            (await manager.CreateAsync(user)).Succeeded.ShouldBeTrue();
            await manager.AddToRoleAsync(user, role);
            if (department is not null)
            {
                await manager.AddClaimAsync(user, new Claim(CrmBpmClaims.Department, department));
            }
        }
    }

    /// <summary>
    /// Publishes "call-back" (one Action "Call {customer}" for the pool Sales manager, due at the variable <c>due</c>,
    /// outcomes Reached / Not reached) and "follow-up" (an Action "Send the offer" for anna, no deadline).
    /// </summary>
    protected async Task DeployMapsAsync()
    {
        var maps = Services.GetRequiredService<IRouteMapService>();
        await maps.DeployAsync(new MapBuilder("call-back", "Call back")
            .Start()
            .RoleAction("call", "Sales manager", configure: a => a with
            {
                Name = "Call", TitleTemplate = "Call {customer}", Description = "Call the customer back.",
                Deadline = Deadline.FromExpression("due"), Outcomes = ["Reached", "Not reached"],
            })
            .End()
            .Flow("start", "call", "end")
            .Build());
        await maps.DeployAsync(new MapBuilder("follow-up", "Follow-up")
            .Start()
            .Action("send", "anna", a => a with { Name = "Send", TitleTemplate = "Send the offer to {customer}" })
            .End()
            .Flow("start", "send", "end")
            .Build());
    }

    /// <summary>Starts "call-back" about <paramref name="subject"/>, due <paramref name="dueIn"/> from now.</summary>
    protected Task<ProcessInstance> CallBackAsync(string customer, TimeSpan dueIn, SubjectReference? subject = null) =>
        Engine.StartAsync("call-back", new StartOptions
        {
            Subject = subject,
            Variables = new Dictionary<string, object?> { ["customer"] = customer, ["due"] = (Clock.GetUtcNow() + dueIn).ToString("O") },
        });

    /// <summary>Starts "follow-up" for anna.</summary>
    protected Task<ProcessInstance> FollowUpAsync(string customer) =>
        Engine.StartAsync("follow-up", new StartOptions { Variables = new Dictionary<string, object?> { ["customer"] = customer } });

    /// <summary>Opens a deal (manual stages, no process) and returns its subject reference.</summary>
    protected async Task<SubjectReference> DealAsync(string title)
    {
        var partner = await Services.GetRequiredService<PartnerService>().RegisterAsync(new RegisterPartner { Name = $"{title} partner", RegisteredBy = "anna", AllowDuplicates = true });
        var deal = await Services.GetRequiredService<DealService>().OpenAsync(new OpenDeal
        {
            Details = new DealDetails { Title = title }, PartnerId = partner.Id, ManagerId = "anna", OpenedBy = "anna", AllowDuplicates = true,
        });
        return new SubjectReference(DealService.SubjectType, deal.Id.ToString());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _identity.Dispose();
    }

    private static ClaimsPrincipal Principal(string userName, string role, string? department, params string[] pools)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, userName), new(ClaimTypes.Role, role) };
        if (department is not null)
        {
            claims.Add(new Claim(CrmBpmClaims.Department, department));
        }

        claims.AddRange(pools.Select(pool => new Claim(CrmBpmClaims.Pool, pool)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    /// <summary>A clock that moves only when told, in a UTC server zone.</summary>
    protected sealed class TestClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
