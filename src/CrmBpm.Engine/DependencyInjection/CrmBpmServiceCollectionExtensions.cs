using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Jobs;
using CrmBpm.Engine.Persistence;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmBpm.Engine.DependencyInjection;

/// <summary>The engine's single entry point.</summary>
public static class CrmBpmServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine: <see cref="IRouteMapService"/>, <see cref="IProcessEngine"/>, <see cref="ITaskService"/>,
    /// <see cref="TimerProcessor"/> and, unless switched off, the background timer service. A store must be chosen
    /// (<c>UseSqlite</c>, <c>UsePostgreSql</c>, <see cref="CrmBpmBuilder.UseInMemoryStore"/>).
    /// </summary>
    public static IServiceCollection AddCrmBpm(this IServiceCollection services, Action<CrmBpmBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CrmBpmOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CrmBpmOptions>>().Value;
            var problems = options.Validate();
            return problems.Count == 0 ? options : throw new OptionsValidationException(nameof(CrmBpmOptions), typeof(CrmBpmOptions), problems);
        });
        services.TryAddSingleton<IWorkflowStore>(_ => throw new InvalidOperationException(
            "CrmBpm has no store: call UseSqlite(...), UsePostgreSql(...) or UseInMemoryStore() inside AddCrmBpm(...)."));
        services.TryAddSingleton<IExpressionEvaluator>(sp => new ExpressionEvaluator(sp.GetRequiredService<CrmBpmOptions>().Expressions));
        if (!services.Any(d => d.ServiceType == typeof(ServiceTaskHandlerRegistry)))
        {
            services.AddSingleton(new ServiceTaskHandlerRegistry());
        }

        services.TryAddSingleton<Calendar.IBusinessCalendar>(Calendar.EveryHourCalendar.Instance);
        services.TryAddSingleton<EngineEventPublisher>();
        services.TryAddSingleton<Jobs.JobWake>();
        services.TryAddSingleton<CommandRunner>();
        services.TryAddSingleton<RouteMapCatalog>();
        services.TryAddSingleton<WorkTaskFactory>();
        services.TryAddSingleton<VariableLimits>();
        services.TryAddSingleton<InstanceExecutor>();
        services.TryAddSingleton<IRouteMapService, RouteMapService>();
        services.TryAddSingleton<IProcessEngine, ProcessEngine>();
        services.TryAddSingleton<ITaskService, TaskService>();
        services.TryAddSingleton<JobRunner>();
        services.TryAddSingleton<IExternalTaskService, ExternalTaskService>();
        services.TryAddSingleton<TimerEvents>();
        services.TryAddSingleton<StartTimers>();
        services.TryAddSingleton<IOrganisationHeads, NoOrganisationHeads>();
        services.TryAddSingleton(sp => (TaskService)sp.GetRequiredService<ITaskService>());
        services.TryAddSingleton<EscalationLadder>();
        services.TryAddSingleton(sp => new TimerProcessor(
            sp.GetRequiredService<IWorkflowStore>(),
            sp.GetRequiredService<CommandRunner>(),
            sp.GetRequiredService<JobRunner>(),
            sp.GetRequiredService<TimerEvents>(),
            sp.GetRequiredService<StartTimers>(),
            sp.GetRequiredService<EscalationLadder>(),
            sp.GetRequiredService<CrmBpmOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TimerProcessor>>()));
        services.AddHostedService(sp => new TimerBackgroundServiceGate(sp));
        configure?.Invoke(new CrmBpmBuilder(services));
        return services;
    }
}
