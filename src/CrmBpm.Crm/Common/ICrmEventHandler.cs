namespace CrmBpm.Crm.Common;

/// <summary>
/// Reacts to CRM domain events after the unit of work that raised them committed (notifications,
/// reports, integrations). Register with <c>crm.AddEventHandler&lt;T&gt;()</c>. A failing handler is logged and does
/// not undo the change.
/// </summary>
public interface ICrmEventHandler
{
    /// <summary>Handles one event.</summary>
    Task HandleAsync(IDomainEvent domainEvent, CancellationToken cancellationToken = default);
}
