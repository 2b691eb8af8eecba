using SecurityClaim = System.Security.Claims.Claim;
using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Instructions;
using CrmBpm.Crm.Leads;
using CrmBpm.Crm.Partners;
using CrmBpm.Crm.Persistence;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Validation;
using CrmBpm.Server.Identity;
using CrmBpm.Server.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmBpm.Server.Demo;

/// <summary>
/// Seeds a new database so a newcomer sees a living system: users of every role, the standard route maps published,
/// partners with counterparties and contacts, deals of each kind at various stages (a Typical sale with open tasks for
/// anna), a lead, a claim with its plan and an instruction in progress.
/// </summary>
internal sealed partial class DemoSeeder(
    UserManager<CrmBpmUser> users, RoleManager<IdentityRole> roles, IOptions<DemoOptions> options, DemoLogins logins,
    IHostEnvironment environment, IRouteMapService maps, ICrmStore crmStore, PartnerService partners, LeadService leads, DealService deals, ClaimService claims,
    InstructionService instructions, ITaskService tasks, TimeProvider clock, CrmBpmIdentityDbContext identity, Crm.Calendar.BusinessCalendarService calendars,
    ILogger<DemoSeeder> logger)
{
    /// <summary>Ensures the roles; in a new database (and with <see cref="DemoOptions.Seed"/>) creates the demo users and data.</summary>
    public async Task SeedAsync(bool newDatabase, CancellationToken cancellationToken)
    {
        foreach (var role in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Require(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        var seed = options.Value.Seed ?? environment.IsDevelopment();
        if (seed && environment.IsProduction())
        {
            throw new InvalidOperationException(
                "Demo:Seed is true in the Production environment: the demo users have known passwords. Set Demo:Seed=false " +
                "(the first Administrator is then set up from Setup:AdminUser or the one-time setup page), or run the demo in Development.");
        }

        if (newDatabase && seed)
        {
            foreach (var user in DemoUsers.All)
            {
                await CreateUserAsync(user);
            }

            await CreateStructureAsync(cancellationToken);
        }

        var demoUsers = new List<DemoUser>();
        foreach (var user in DemoUsers.All)
        {
            if (await users.FindByNameAsync(user.UserName) is { IsActive: true } found && (await users.GetClaimsAsync(found)).Any(c => c.Type == CrmBpmClaims.Demo))
            {
                demoUsers.Add(user);
            }
        }

        // Known passwords are shown (sign-in page) and printed (console) only on a developer's machine.
        logins.Set(environment.IsDevelopment() ? [.. demoUsers.Select(u => new DemoLogin(u.UserName, u.DisplayName, u.Role, u.Password, u.Notes))] : []);
        if (demoUsers.Count > 0 && environment.IsProduction())
        {
            LogDemoUsersInProduction(logger, demoUsers.Count);
        }

        if (!seed || demoUsers.Count == 0)
        {
            return;
        }

        await DeployStandardMapsAsync(cancellationToken);
        if (await CrmIsEmptyAsync(cancellationToken))
        {
            await SeedCrmAsync(cancellationToken);
            await calendars.SaveAsync(DemoCalendar.Create(), cancellationToken: cancellationToken);
            LogSeeded(logger);
        }
    }

    private async Task CreateUserAsync(DemoUser demo)
    {
        var user = new CrmBpmUser { UserName = demo.UserName, DisplayName = demo.DisplayName, Email = $"{demo.UserName}@demo.crmbpm.dev", EmailConfirmed = true };
        Require(await users.CreateAsync(user, demo.Password), $"user {demo.UserName}");
        Require(await users.AddToRoleAsync(user, demo.Role), $"role of {demo.UserName}");
        var claims = new List<SecurityClaim> { new(CrmBpmClaims.Demo, "true") };
        if (demo.Department is not null)
        {
            claims.Add(new SecurityClaim(CrmBpmClaims.Department, demo.Department));
        }

        claims.AddRange(demo.Pools.Select(pool => new SecurityClaim(CrmBpmClaims.Pool, pool)));
        Require(await users.AddClaimsAsync(user, claims), $"claims of {demo.UserName}");
    }

    /// <summary>The performer roles and departments the demo users' pools and departments name (after the users: heads are users).</summary>
    private async Task CreateStructureAsync(CancellationToken cancellationToken)
    {
        identity.PerformerRoles.AddRange(DemoStructure.Roles.Select(r => new PerformerRole { Name = r.Name, Description = r.Description }));
        var created = new Dictionary<string, AddressingObject>(StringComparer.Ordinal);
        foreach (var (kind, name, parent, head) in DemoStructure.Objects)
        {
            var item = new AddressingObject { Kind = kind, Name = name, HeadUserName = head };
            identity.AddressingObjects.Add(item);
            await identity.SaveChangesAsync(cancellationToken);
            item.ParentId = parent is null ? null : created[parent].Id;
            created[name] = item;
        }

        await identity.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deploys every standard map not yet published; nested maps first (a map is retried after the others).</summary>
    private async Task DeployStandardMapsAsync(CancellationToken cancellationToken)
    {
        var folder = options.Value.RouteMapsFolder ?? Path.Combine(AppContext.BaseDirectory, "RouteMaps");
        if (!Directory.Exists(folder))
        {
            LogNoMaps(logger, folder);
            return;
        }

        var pending = new List<RouteMap>();
        foreach (var file in Directory.GetFiles(folder, "*.bpmn").Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            foreach (var map in new BpmnImporter().Import(stream))
            {
                if (await maps.GetLatestPublishedAsync(map.Key, cancellationToken) is null)
                {
                    pending.Add(map);
                }
            }
        }

        while (pending.Count > 0)
        {
            var deployed = 0;
            foreach (var map in pending.ToList())
            {
                try
                {
                    await maps.DeployAsync(map, cancellationToken);
                    pending.Remove(map);
                    deployed++;
                }
                catch (RouteMapValidationException ex) when (ex.Problems.Any(p => p.Code == "nested.map-unknown"))
                {
                    // deployed in a later pass, once the map it nests is published
                }
            }

            if (deployed == 0)
            {
                throw new InvalidOperationException($"The standard route maps {string.Join(", ", pending.Select(m => m.Key))} nest maps that do not exist.");
            }
        }
    }

    private async Task<bool> CrmIsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var session = await crmStore.OpenSessionAsync(cancellationToken);
        return (await session.Partners.ListAsync(null, cancellationToken)).Count == 0;
    }

    private async Task SeedCrmAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var anna = ActorOf(DemoUsers.Anna);
        var boris = DemoUsers.Boris.UserName;

        var nordwind = await partners.RegisterAsync(new RegisterPartner
        {
            Name = "Nordwind Logistik", Phone = "+49 30 1234567", Email = "info@nordwind.example", LegalName = "Nordwind Logistik GmbH",
            TaxId = "DE123456789", RegisteredBy = anna.UserId,
        }, cancellationToken);
        await partners.AddContactAsync(nordwind.Id, new AddContact { Name = "Jens Becker", Phone = "+49 30 1234568", Email = "jens.becker@nordwind.example", Position = "Head of fleet" }, cancellationToken);
        var romashka = await partners.RegisterAsync(new RegisterPartner
        {
            Name = "Romashka", Phone = "+7 495 123-45-67", Email = "office@romashka.example", LegalName = "ООО «Ромашка»", TaxId = "7701234567", RegisteredBy = anna.UserId,
        }, cancellationToken);
        await partners.AddContactAsync(romashka.Id, new AddContact { Name = "Olga Ivanova", Phone = "+7 495 123-45-68", Position = "Procurement" }, cancellationToken);
        var baltic = await partners.RegisterAsync(new RegisterPartner
        {
            Name = "Baltic Timber", Phone = "+372 612 3456", LegalName = "Baltic Timber AS", TaxId = "EE100123456", RegisteredBy = boris,
        }, cancellationToken);
        await partners.AddContactAsync(baltic.Id, new AddContact { Name = "Mart Tamm", Email = "mart@baltictimber.example", Position = "CFO" }, cancellationToken);
        var acme = await partners.RegisterAsync(new RegisterPartner
        {
            Name = "Acme Supplies", Relations = PartnerRelations.Customer | PartnerRelations.Supplier, Email = "sales@acme.example",
            LegalName = "Acme Supplies Ltd", TaxId = "GB123456789", RegisteredBy = anna.UserId,
        }, cancellationToken);

        // Process-controlled: a Typical sale whose first task anna has taken, and one a step further on.
        var fleet = await OpenAsync("Nordwind: fleet software for 40 trucks", nordwind.Id, anna.UserId, DealKind.ProcessControlled, 48_000m, cancellationToken);
        await AcceptAsync(fleet, anna, cancellationToken);
        var rollout = await OpenAsync("Romashka: CRM rollout", romashka.Id, anna.UserId, DealKind.ProcessControlled, 25_000m, cancellationToken);
        await CompleteFirstAsync(rollout, anna, cancellationToken);

        // Manual stages at various stages, won and lost ones for the probability estimate, a non-process deal.
        var erp = await OpenAsync("Baltic Timber: ERP integration", baltic.Id, boris, DealKind.ManualStages, 60_000m, cancellationToken, "Proposal");
        await deals.ChangeStageAsync(erp.Id, "Negotiation", boris, cancellationToken);
        await OpenAsync("Acme: warehouse scanners", acme.Id, anna.UserId, DealKind.ManualStages, 12_000m, cancellationToken, "Qualification");
        var won = await OpenAsync("Baltic Timber: pilot licences", baltic.Id, boris, DealKind.ManualStages, 8_000m, cancellationToken, "Negotiation");
        await deals.WinAsync(won.Id, boris, "Signed after the pilot.", cancellationToken);
        var lost = await OpenAsync("Acme: support contract 2024", acme.Id, anna.UserId, DealKind.ManualStages, 5_000m, cancellationToken, "Proposal");
        await deals.LoseAsync(lost.Id, "Price too high", "Went with a cheaper local provider.", anna.UserId, cancellationToken);
        await OpenAsync("Nordwind: annual support renewal", nordwind.Id, anna.UserId, DealKind.NonProcess, 9_600m, cancellationToken);

        await leads.RegisterAsync(new RegisterLead
        {
            CompanyName = "Helios Solar", ContactName = "Petra Lang", Phone = "+49 89 7654321", Email = "petra.lang@helios.example",
            AdChannel = "Trade fair", PrimaryDemand = "Route planning for installers", OwnerId = anna.UserId,
        }, cancellationToken);

        await claims.RegisterAsync(new RegisterClaim
        {
            PartnerId = nordwind.Id, Reason = "Delivery delay", Department = "Service", ResponsibleId = DemoUsers.Helga.UserName,
            Description = "The scanners for the Hamburg depot arrived two weeks late.", RegisteredBy = anna.UserId,
            Plan =
            [
                new PlanItemRequest("Call Jens Becker and apologise", anna.UserId, now.AddDays(2)),
                new PlanItemRequest("Find the delay in the warehouse log", boris, now.AddDays(3)),
            ],
        }, cancellationToken);

        var instruction = await instructions.GiveAsync(new GiveInstruction
        {
            Title = "Prepare the pipeline review for Nordwind", Description = "Summarise the fleet deal and the open claim for Friday's meeting.",
            AuthorId = DemoUsers.Helga.UserName, PerformerId = anna.UserId, Subject = new SubjectReference(DealService.SubjectType, fleet.Id.ToString()),
            DueAt = now.AddDays(4),
        }, cancellationToken);
        await instructions.AcceptForExecutionAsync(instruction.Id, anna, cancellationToken);
    }

    private Task<Deal> OpenAsync(string title, Guid partnerId, string managerId, DealKind kind, decimal amount, CancellationToken cancellationToken, string? stage = null) =>
        deals.OpenAsync(new OpenDeal
        {
            Details = new DealDetails { Title = title, PotentialAmount = amount },
            PartnerId = partnerId, ManagerId = managerId, OpenedBy = managerId, Kind = kind, Stage = stage,
            RouteMapKey = kind == DealKind.ProcessControlled ? "typical-sale" : null,
        }, cancellationToken);

    private async Task AcceptAsync(Deal deal, Actor actor, CancellationToken cancellationToken)
    {
        var task = await FirstOpenTaskAsync(deal, cancellationToken);
        await tasks.AcceptAsync(task.Id, actor, cancellationToken);
    }

    private async Task CompleteFirstAsync(Deal deal, Actor actor, CancellationToken cancellationToken)
    {
        var task = await FirstOpenTaskAsync(deal, cancellationToken);
        await tasks.CompleteAsync(task.Id, actor, cancellationToken: cancellationToken);
    }

    private async Task<WorkTask> FirstOpenTaskAsync(Deal deal, CancellationToken cancellationToken) =>
        (await tasks.GetTasksOfInstanceAsync(deal.ProcessInstanceId ?? throw new InvalidOperationException($"Deal '{deal.Title}' has no process."), cancellationToken))
            .First(t => t.IsActive);

    private static Actor ActorOf(DemoUser user) => new(user.UserName, CurrentUser.ParseMemberships(user.Pools));

    private static void Require(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the demo {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "This database holds {Count} demo users; in Production they cannot sign in. Drop them in Administration → Users (POST /api/admin/demo-users/drop).")]
    private static partial void LogDemoUsersInProduction(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo CRM data seeded")]
    private static partial void LogSeeded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No standard route maps in {Folder}; the demo deals need typical-sale")]
    private static partial void LogNoMaps(ILogger logger, string folder);
}
