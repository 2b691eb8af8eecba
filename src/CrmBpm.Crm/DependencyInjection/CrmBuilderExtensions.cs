using CrmBpm.Crm.Catalogues;
using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Common;
using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Instructions;
using CrmBpm.Crm.Interactions;
using CrmBpm.Crm.Leads;
using CrmBpm.Crm.Partners;
using CrmBpm.Crm.Persistence;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBpm.Crm.DependencyInjection;

/// <summary>Adds the CRM to the engine: <c>services.AddCrmBpm(bpm => bpm.UseInMemoryStore().AddCrm(crm => crm.UseInMemoryStore()))</c>.</summary>
public static class CrmBuilderExtensions
{
    /// <summary>
    /// Registers the CRM services (<see cref="PartnerService"/>, <see cref="LeadService"/>, <see cref="DealService"/>,
    /// <see cref="InstructionService"/>, <see cref="ClaimService"/>, <see cref="InteractionService"/>,
    /// <see cref="CatalogueService"/>) and the engine event handlers that keep deals, instructions and claims in step with
    /// their processes. A CRM store must be chosen (<see cref="CrmBuilder.UseInMemoryStore"/> or a database package).
    /// </summary>
    public static CrmBpmBuilder AddCrm(this CrmBpmBuilder bpm, Action<CrmBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(bpm);
        var services = bpm.Services;
        services.AddOptions<CrmOptions>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<CrmOptions>>().Value);
        services.TryAddSingleton<ICrmStore>(_ => throw new InvalidOperationException(
            "The CRM has no store: call UseInMemoryStore() or a database store inside AddCrm(...)."));
        services.TryAddSingleton(sp => new DomainEventPublisher(sp.GetServices<ICrmEventHandler>(), sp.GetRequiredService<ILogger<DomainEventPublisher>>()));
        services.TryAddSingleton(sp => new CrmCommands(sp.GetRequiredService<ICrmStore>(), sp.GetRequiredService<DomainEventPublisher>(), sp.GetRequiredService<CrmOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new CatalogueService(sp.GetRequiredService<ICrmStore>()));

        // Working-time deadlines and timers count in the organisation's calendar (see the CRM README, "Business calendar").
        services.TryAddSingleton(sp => new Calendar.CompanyCalendar(sp.GetRequiredService<Engine.CrmBpmOptions>().ScheduleTimeZone));
        services.TryAddSingleton(sp => new Calendar.BusinessCalendarService(sp.GetRequiredService<ICrmStore>(), sp.GetRequiredService<Calendar.CompanyCalendar>(),
            sp.GetRequiredService<Engine.CrmBpmOptions>().ScheduleTimeZone));
        bpm.UseBusinessCalendar(sp => sp.GetRequiredService<Calendar.CompanyCalendar>());
        services.TryAddSingleton(sp => new PartnerService(sp.GetRequiredService<CrmCommands>(), sp.GetRequiredService<CrmOptions>()));
        services.TryAddSingleton(sp => new LeadService(sp.GetRequiredService<CrmCommands>(), sp.GetRequiredService<CrmOptions>()));
        services.TryAddSingleton(sp => new InteractionService(sp.GetRequiredService<CrmCommands>()));
        services.TryAddSingleton<IPeopleDirectory, NoPeopleDirectory>();
        services.TryAddSingleton(sp => new DealService(sp.GetRequiredService<CrmCommands>(), sp.GetRequiredService<CatalogueService>(),
            sp.GetRequiredService<IRouteMapService>(), sp.GetRequiredService<IProcessEngine>(), sp.GetRequiredService<ITaskService>(),
            sp.GetRequiredService<IPeopleDirectory>()));
        services.TryAddSingleton(sp => new InstructionService(sp.GetRequiredService<CrmCommands>(), sp.GetRequiredService<CrmOptions>(),
            sp.GetRequiredService<IRouteMapService>(), sp.GetRequiredService<IProcessEngine>(), sp.GetRequiredService<ITaskService>(),
            sp.GetRequiredService<IPeopleDirectory>()));
        services.TryAddSingleton(sp => new ClaimService(sp.GetRequiredService<CrmCommands>(), sp.GetRequiredService<CatalogueService>(),
            sp.GetRequiredService<IRouteMapService>(), sp.GetRequiredService<IProcessEngine>(), sp.GetRequiredService<ITaskService>()));

        // Automatic steps a consultant can use in maps without code.
        bpm.AddHandler<Handlers.SetDealAmount>(Handlers.SetDealAmount.Name, Handlers.SetDealAmount.Description);

        // The CRM follows its processes inside each engine command's transaction (see CrmFollowsProcesses).
        services.AddSingleton<IProcessFollower>(sp => new DealProcessTracker(sp.GetRequiredService<CatalogueService>()));
        services.AddSingleton<IProcessFollower, InstructionTracker>();
        services.AddSingleton<IProcessFollower, ClaimTracker>();
        services.AddSingleton<IProcessFollower>(sp => new Notifications.NotificationWriter(sp.GetRequiredService<IPeopleDirectory>()));
        services.TryAddSingleton(sp => new Notifications.NotificationService(sp.GetRequiredService<CrmCommands>()));
        services.AddSingleton<Engine.Events.IEngineTransactionHandler>(sp => new CrmFollowsProcesses(
            sp.GetRequiredService<ICrmStore>(), sp.GetRequiredService<DomainEventPublisher>(), sp.GetServices<IProcessFollower>()));
        configure?.Invoke(new CrmBuilder(services));
        return bpm;
    }
}
