using CrmBpm.Engine.Events;
using CrmBpm.Engine.Jobs;
using CrmBpm.Engine.Persistence;
using CrmBpm.Engine.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmBpm.Engine.DependencyInjection;

/// <summary>Configures the engine inside <c>services.AddCrmBpm(bpm => ...)</c>; provider packages add their <c>UseX</c> methods.</summary>
public sealed class CrmBpmBuilder
{
    internal CrmBpmBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Changes engine options.</summary>
    public CrmBpmBuilder Configure(Action<CrmBpmOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Uses a store kept in process memory (tests, demos, throw-away runs).</summary>
    public CrmBpmBuilder UseInMemoryStore() => UseStore(_ => new InMemoryWorkflowStore());

    /// <summary>Uses the given store; provider packages call this.</summary>
    public CrmBpmBuilder UseStore(Func<IServiceProvider, IWorkflowStore> factory)
    {
        Services.RemoveAll<IWorkflowStore>();
        Services.AddSingleton(factory);
        return this;
    }

    /// <summary>
    /// Registers a handler that runs inside each command's transaction, before it commits, so that what it enlists commits
    /// with the command or not at all (see <see cref="IEngineTransactionHandler"/>).
    /// </summary>
    public CrmBpmBuilder AddTransactionHandler<THandler>()
        where THandler : class, IEngineTransactionHandler
    {
        Services.AddSingleton<IEngineTransactionHandler, THandler>();
        return this;
    }

    /// <summary>Registers a handler for engine events.</summary>
    public CrmBpmBuilder AddEventHandler<THandler>()
        where THandler : class, IEngineEventHandler
    {
        Services.AddSingleton<IEngineEventHandler, THandler>();
        return this;
    }

    /// <summary>
    /// Registers the handler an automatic step calls by <paramref name="name"/> (a map's <c>crm:handler</c>, Camunda's
    /// delegate expression or topic, Zeebe's task type). It is resolved in a new DI scope for every run, so it may depend on
    /// scoped services such as a DbContext. Validation refuses to publish a map naming a handler that is not registered.
    /// </summary>
    /// <param name="name">The name maps call it by.</param>
    /// <param name="description">What it does, reads and sets, shown to consultants in the designer's handler picker.</param>
    public CrmBpmBuilder AddHandler<THandler>(string name, HandlerDescription? description = null)
        where THandler : class, IServiceTaskHandler
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var registry = Services.Select(d => d.ImplementationInstance).OfType<ServiceTaskHandlerRegistry>().First();
        registry.Add(name.Trim(), description);
        Services.AddKeyedScoped<IServiceTaskHandler, THandler>(name.Trim());
        return this;
    }

    /// <summary>
    /// Tells the engine who the people behind its pools are (see <see cref="IPerformerDirectory"/>), so validation warns
    /// about a pool nobody is in. It is a singleton: a directory that reads a database opens its own scope per call.
    /// </summary>
    public CrmBpmBuilder UsePerformerDirectory<TDirectory>()
        where TDirectory : class, IPerformerDirectory
    {
        Services.AddSingleton<IPerformerDirectory, TDirectory>();
        return this;
    }

    /// <summary>
    /// Counts working time with <paramref name="calendar"/> (see <see cref="Calendar.IBusinessCalendar"/>) instead of every
    /// hour counting; a singleton, asked inside commands, so it answers from memory.
    /// </summary>
    public CrmBpmBuilder UseBusinessCalendar(Func<IServiceProvider, Calendar.IBusinessCalendar> calendar)
    {
        Services.Replace(ServiceDescriptor.Singleton(calendar));
        return this;
    }

    /// <summary>Tells escalation ladders who heads whom (see <see cref="IOrganisationHeads"/>); a singleton, like the performer directory.</summary>
    public CrmBpmBuilder UseOrganisationHeads<THeads>()
        where THeads : class, IOrganisationHeads
    {
        Services.Replace(ServiceDescriptor.Singleton<IOrganisationHeads, THeads>());
        return this;
    }
}
