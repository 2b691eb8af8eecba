using CrmBpm.Crm.Common;

namespace CrmBpm.Crm.Deals;

/// <summary>A deal was opened.</summary>
public sealed record DealOpened(Guid DealId, Guid PartnerId, DealKind Kind, string ManagerId, DateTimeOffset At) : IDomainEvent;

/// <summary>A deal's stage changed.</summary>
public sealed record DealStageChanged(Guid DealId, string? FromStage, string ToStage, string By, StageChangeSource Source, DateTimeOffset At) : IDomainEvent;

/// <summary>A deal's kind changed (e.g. manual stages → process-controlled).</summary>
public sealed record DealKindChanged(Guid DealId, DealKind FromKind, DealKind ToKind, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>A deal was won.</summary>
public sealed record DealWon(Guid DealId, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>A deal was lost.</summary>
public sealed record DealLost(Guid DealId, Guid LossReasonId, string? Details, string By, DateTimeOffset At) : IDomainEvent;

/// <summary>A deal was handed to another manager.</summary>
public sealed record DealReassigned(Guid DealId, string FromManagerId, string ToManagerId, string By, DateTimeOffset At) : IDomainEvent;
