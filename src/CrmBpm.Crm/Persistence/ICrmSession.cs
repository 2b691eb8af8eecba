using CrmBpm.Crm.Catalogues;
using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Common;
using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Instructions;
using CrmBpm.Crm.Interactions;
using CrmBpm.Crm.Leads;
using CrmBpm.Crm.Partners;

namespace CrmBpm.Crm.Persistence;

/// <summary>
/// One unit of work: aggregates loaded or added through the repositories are saved together by
/// <see cref="CommitAsync"/>, with an optimistic-concurrency check on each changed aggregate's
/// <see cref="AggregateRoot.Version"/>. Disposing without committing discards the changes.
/// </summary>
public interface ICrmSession : IAsyncDisposable
{
    /// <summary>Partners (holdings and companies).</summary>
    IAggregateRepository<Partner> Partners { get; }

    /// <summary>Legal entities of partners.</summary>
    IAggregateRepository<Counterparty> Counterparties { get; }

    /// <summary>Contact persons of partners.</summary>
    IAggregateRepository<Contact> Contacts { get; }

    /// <summary>Leads.</summary>
    IAggregateRepository<Lead> Leads { get; }

    /// <summary>Deals.</summary>
    IAggregateRepository<Deal> Deals { get; }

    /// <summary>Instructions.</summary>
    IAggregateRepository<Instruction> Instructions { get; }

    /// <summary>Claims.</summary>
    IAggregateRepository<Claim> Claims { get; }

    /// <summary>Interactions (meetings, calls, e-mails, ...).</summary>
    IAggregateRepository<Interaction> Interactions { get; }

    /// <summary>Catalogue items (stages, loss reasons, claim reasons, departments, roles).</summary>
    IAggregateRepository<CatalogueItem> CatalogueItems { get; }

    /// <summary>The organisation's business calendar (one).</summary>
    IAggregateRepository<Calendar.BusinessCalendar> BusinessCalendars { get; }

    /// <summary>In-app notifications, each for one user.</summary>
    IAggregateRepository<Notifications.Notification> Notifications { get; }

    /// <summary>
    /// Saves every added and loaded aggregate and returns the domain events they raised (taken out of the aggregates).
    /// </summary>
    /// <exception cref="CrmBpm.Engine.Errors.ConcurrencyException">Another unit of work changed one of the aggregates first.</exception>
    Task<IReadOnlyList<IDomainEvent>> CommitAsync(CancellationToken cancellationToken = default);
}
