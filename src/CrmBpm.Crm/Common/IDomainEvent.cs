namespace CrmBpm.Crm.Common;

/// <summary>Something that happened to a CRM aggregate (a deal won, a claim decided, ...).</summary>
public interface IDomainEvent
{
    /// <summary>When it happened.</summary>
    DateTimeOffset At { get; }
}
