using CrmBpm.Crm;
using CrmBpm.Crm.Catalogues;
using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Deals;
using CrmBpm.Crm.DependencyInjection;
using CrmBpm.Crm.Instructions;
using CrmBpm.Crm.Interactions;
using CrmBpm.Crm.Leads;
using CrmBpm.Crm.Partners;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Testing.CrmSuites;

/// <summary>The engine and the CRM wired as an embedder would, on a test database (memory, SQLite, PostgreSQL), with a manual clock.</summary>
public sealed class CrmHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public CrmHost(ICrmTestDatabase database, string? defaultPhoneCountry = "DE", CrmBpm.Crm.Common.IPeopleDirectory? people = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        if (people is not null)
        {
            services.AddSingleton(people);
        }

        services.AddCrmBpm(bpm =>
        {
            database.Attach(bpm);
            bpm.Configure(o => o.RunTimers = false)
                .AddCrm(crm =>
                {
                    database.AttachCrm(crm);
                    crm.Configure(o => o.DefaultPhoneCountry = defaultPhoneCountry);
                });
        });
        _services = services.BuildServiceProvider();
    }

    public ManualClock Clock { get; } = new();

    public IRouteMapService Maps => _services.GetRequiredService<IRouteMapService>();

    public IProcessEngine Engine => _services.GetRequiredService<IProcessEngine>();

    public ITaskService Tasks => _services.GetRequiredService<ITaskService>();

    public PartnerService Partners => _services.GetRequiredService<PartnerService>();

    public LeadService Leads => _services.GetRequiredService<LeadService>();

    public DealService Deals => _services.GetRequiredService<DealService>();

    public InstructionService Instructions => _services.GetRequiredService<InstructionService>();

    public ClaimService Claims => _services.GetRequiredService<ClaimService>();

    public InteractionService Interactions => _services.GetRequiredService<InteractionService>();

    public CatalogueService Catalogues => _services.GetRequiredService<CatalogueService>();

    public CrmBpm.Crm.Notifications.NotificationService Notifications => _services.GetRequiredService<CrmBpm.Crm.Notifications.NotificationService>();

    public IServiceProvider Services => _services;

    public static Actor User(string id) => new(id);

    /// <summary>
    /// The typical sale: Qualification (anna) → Proposal (anna, "Prepare proposal") → Negotiation (role Head of sales,
    /// outcomes Won / Lost) → End Won or End Lost.
    /// </summary>
    public static RouteMap TypicalSale(string key = "typical-sale") => new MapBuilder(key, "Typical sale")
        .Start()
        .Action("qualify", "anna", a => a with { Name = "Qualify the customer", Stage = "Qualification" })
        .Action("propose", "anna", a => a with { TitleTemplate = "Prepare proposal for {dealTitle}", Stage = "Proposal" })
        .RoleAction("negotiate", "Head of sales", null, a => a with { TitleTemplate = "Negotiate", Stage = "Negotiation", Outcomes = ["Won", "Lost"], OutcomeVariable = "result" })
        .Condition("won?", "result === 'Won'")
        .End("won", "Won")
        .End("lost", "Lost")
        .Flow("start", "qualify", "propose", "negotiate", "won?")
        .Yes("won?", "won")
        .No("won?", "lost")
        .Build();

    public async Task<Partner> PartnerAsync(string name = "ACME GmbH", string? taxId = null, string? phone = null, string? email = null) =>
        await Partners.RegisterAsync(new RegisterPartner { Name = name, TaxId = taxId, Phone = phone, Email = email, RegisteredBy = "anna" });

    public Task<Deal> OpenDealAsync(Guid partnerId, DealKind kind, string? mapKey = null, string? stage = null, string manager = "anna", string title = "50 licences") =>
        Deals.OpenAsync(new OpenDeal
        {
            Details = new DealDetails { Title = title, PotentialAmount = 10_000m, PrimaryDemand = "Licences", Interest = "CRM", AdChannel = "Trade fair" },
            PartnerId = partnerId,
            ManagerId = manager,
            Kind = kind,
            RouteMapKey = mapKey,
            Stage = stage,
            OpenedBy = manager,
        });

    public async Task<IReadOnlyList<WorkTask>> OpenTasksAsync(Guid instanceId) =>
        [.. (await Tasks.GetTasksOfInstanceAsync(instanceId)).Where(t => t.IsActive)];

    public async Task<WorkTask> SingleOpenTaskAsync(Guid instanceId) => (await OpenTasksAsync(instanceId)).ShouldHaveSingleItem();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
