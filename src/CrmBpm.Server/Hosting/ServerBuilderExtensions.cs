using System.Text.Json.Serialization;
using CrmBpm.Server.Api;
using CrmBpm.Server.Demo;
using CrmBpm.Server.Identity;
using CrmBpm.Server.RouteMaps;
using CrmBpm.Server.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.Server.Hosting;

/// <summary>Everything the server registers: storage, identity, API, UI, demo data.</summary>
public static class ServerBuilderExtensions
{
    /// <summary>Registers the whole CrmBpm server on the configured database.</summary>
    public static WebApplicationBuilder AddCrmBpmServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = DatabaseSettings.From(builder.Configuration, builder.Environment);
        var services = builder.Services;
        services.AddSingleton(database);
        services.AddCrmBpmStorage(database);
        // The CRM's settings (e.g. Crm:DefaultPhoneCountry, the country of phone numbers typed without +code).
        services.Configure<CrmBpm.Crm.CrmOptions>(builder.Configuration.GetSection("Crm"));
        var security = SecurityOptions.From(builder.Configuration);
        services.AddSingleton(security);
        services.AddCrmBpmIdentity(database, security);
        services.AddSignInThrottle(security);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = security.MaxRequestBodyBytes);
        services.AddCrmBpmApi();
        services.AddCrmBpmUi();
        services.AddMyTasks();
        services.AddSingleton<Live.NotificationFeed>();
        services.AddSingleton<Engine.Events.IEngineEventHandler>(sp => sp.GetRequiredService<Live.NotificationFeed>());
        services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        services.AddSingleton<DemoLogins>();
        services.AddScoped<DemoSeeder>();
        services.Configure<Setup.SetupOptions>(builder.Configuration.GetSection(Setup.SetupOptions.Section));
        services.AddSingleton<Setup.FirstAdministrator>();
        services.AddScoped<Administration.AdminAudit>();
        services.AddScoped<Administration.UserAdministration>();
        services.AddScoped<Administration.UserImport>();
        services.AddScoped<Organisation.OrganisationDirectory>();
        services.AddScoped<Organisation.OpenPoolTasks>();
        services.AddScoped<Organisation.OrganisationAdministration>();
        services.AddScoped<Claims.ClaimDepartments>();
        services.AddHostedService<ServerInitializer>();
        services.AddHostedService<BusinessCalendarRefresh>();
        return builder;
    }

    private static IServiceCollection AddCrmBpmIdentity(this IServiceCollection services, DatabaseSettings database, SecurityOptions security)
    {
        services.AddDbContext<CrmBpmIdentityDbContext>(options => _ = database.Provider switch
        {
            DatabaseProvider.PostgreSql => options.UseNpgsql(database.ConnectionString),
            _ => options.UseSqlite(database.ConnectionString),
        });

        // One default scheme that reads a bearer token when the request carries one and the cookie otherwise:
        // API clients and tests use bearer tokens, the Blazor UI the cookie.
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = AuthSchemes.CookieOrBearer;
                options.DefaultChallengeScheme = AuthSchemes.CookieOrBearer;
            })
            .AddPolicyScheme(AuthSchemes.CookieOrBearer, "Cookie or bearer token", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                options.LoginPath = "/account/signin";
                options.AccessDeniedPath = "/account/denied";
                options.Cookie.Name = "CrmBpm.Auth";
                // Secure whenever the page came over HTTPS; never readable by scripts; not sent on cross-site posts.
                options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            }));
        services.AddAuthorizationBuilder().AddCrmBpmPolicies();

        services.AddIdentityCore<CrmBpmUser>(options =>
            {
                // Length over composition rules (NIST SP 800-63B); demo passwords are short but printed only for the demo database.
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = true;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // The per-address throttle (SignInThrottle) slows a guesser first; the lockout is the last line and short.
                options.Lockout.MaxFailedAccessAttempts = security.LockoutAttempts;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                options.User.RequireUniqueEmail = false;
                // "Confirmed" here means allowed to sign in at all: active, and no demo account in Production (ActiveAccountConfirmation).
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CrmBpmIdentityDbContext>()
            .AddClaimsPrincipalFactory<CrmBpmClaimsPrincipalFactory>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddScoped<IUserConfirmation<CrmBpmUser>, ActiveAccountConfirmation>();
        services.AddHttpContextAccessor();
        services.AddScoped<SignedInUser>();
        services.AddScoped<UserTime>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, SignedInUserCircuitHandler>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<WorkScope>();
        services.AddScoped<Absences.ActiveSubstitutions>();
        services.AddScoped<Absences.AbsenceBook>();
        services.AddScoped<SubjectRights>();
        services.AddScoped<InstanceAccess>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<ClientSignInFailures>();
        services.AddScoped<RefreshTokenFamilies>();
        services.AddScoped<OwnPasswordChange>();
        return services;
    }

    private static IServiceCollection AddCrmBpmApi(this IServiceCollection services)
    {
        // Enums by name only: a number (-1, 999) is not a value of the enum and must not slip through as one.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false)));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Bodies written for bare status codes (401 from the challenge, 403, unknown routes) get a stable code too.
            if (!context.ProblemDetails.Extensions.ContainsKey("code"))
            {
                context.ProblemDetails.Extensions["code"] = context.ProblemDetails.Status switch
                {
                    StatusCodes.Status400BadRequest => "request.malformed",
                    StatusCodes.Status401Unauthorized => "auth.required",
                    StatusCodes.Status403Forbidden => "auth.forbidden",
                    StatusCodes.Status404NotFound => "route.not-found",
                    StatusCodes.Status405MethodNotAllowed => "route.method-not-allowed",
                    _ => "error",
                };
            }
        });
        services.AddExceptionHandler<CrmBpmExceptionHandler>();
        // Binding failures (malformed JSON, a bad enum) reach the exception handler as BadHttpRequestException in every
        // environment, so they get the same problem details as every other error.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CrmBpm API";
            document.Info.Description = "Route maps, instances, My tasks, partners, leads, deals, instructions, claims and catalogues. " +
                "Sign in at POST /api/auth/token and send the access token as 'Authorization: Bearer ...'.";
            return Task.CompletedTask;
        }));
        return services;
    }

    private static IServiceCollection AddCrmBpmUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        // Resources sit beside their component (NavMenu.resx, NavMenu.ru.resx), found by the component's full name.
        services.AddLocalization();
        // Russian text goes out as text, not as &#x...; escapes: readable pages, a third of the bytes.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<RouteMapEditing>();
        services.AddScoped<Team.TeamWorkloadReport>();
        services.AddScoped<Reports.ReportBuilder>();
        return services;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Authentication scheme names of the server.</summary>
public static class AuthSchemes
{
    /// <summary>The default: bearer token when sent, else the Identity cookie.</summary>
    public const string CookieOrBearer = "CrmBpm.CookieOrBearer";
}
