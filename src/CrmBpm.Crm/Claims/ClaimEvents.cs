using CrmBpm.Crm.Common;

namespace CrmBpm.Crm.Claims;

/// <summary>A claim was registered.</summary>
public sealed record ClaimRegistered(Guid ClaimId, Guid PartnerId, Guid ReasonId, DateTimeOffset At) : IDomainEvent;

/// <summary>An item was added to a claim's action plan.</summary>
public sealed record ClaimPlanItemAdded(Guid ClaimId, Guid ItemId, bool AddedLate, DateTimeOffset At) : IDomainEvent;

/// <summary>A claim was decided.</summary>
public sealed record ClaimDecided(Guid ClaimId, ClaimResult Result, DateTimeOffset At) : IDomainEvent;
