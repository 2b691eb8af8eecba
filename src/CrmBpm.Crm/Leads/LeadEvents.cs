using CrmBpm.Crm.Common;

namespace CrmBpm.Crm.Leads;

/// <summary>A lead was registered.</summary>
public sealed record LeadRegistered(Guid LeadId, string CompanyName, DateTimeOffset At) : IDomainEvent;

/// <summary>A lead became a partner (and a contact) when its first deal was opened.</summary>
public sealed record LeadConverted(Guid LeadId, Guid PartnerId, Guid? ContactId, Guid DealId, DateTimeOffset At) : IDomainEvent;
