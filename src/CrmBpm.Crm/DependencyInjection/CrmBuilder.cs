using CrmBpm.Crm.Common;
using CrmBpm.Crm.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmBpm.Crm.DependencyInjection;

/// <summary>Configures the CRM inside <c>bpm.AddCrm(crm => ...)</c>; the EF Core package adds its <c>UseX</c> methods.</summary>
public sealed class CrmBuilder
{
    internal CrmBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Changes CRM options.</summary>
    public CrmBuilder Configure(Action<CrmOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Keeps CRM data in process memory (tests, demos).</summary>
    public CrmBuilder UseInMemoryStore() => UseStore(_ => new InMemoryCrmStore());

    /// <summary>Uses the given store; persistence packages call this.</summary>
    public CrmBuilder UseStore(Func<IServiceProvider, ICrmStore> factory)
    {
        Services.RemoveAll<ICrmStore>();
        Services.AddSingleton(factory);
        return this;
    }

    /// <summary>Registers a handler for CRM domain events.</summary>
    public CrmBuilder AddEventHandler<THandler>()
        where THandler : class, ICrmEventHandler
    {
        Services.AddSingleton<ICrmEventHandler, THandler>();
        return this;
    }
}
