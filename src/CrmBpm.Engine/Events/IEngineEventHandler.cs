namespace CrmBpm.Engine.Events;

/// <summary>
/// Reacts to engine events. Register with <c>bpm.AddEventHandler&lt;T&gt;()</c>. Handlers run after the
/// command committed, in order of registration; a failing handler is logged and does not undo the command.
/// </summary>
public interface IEngineEventHandler
{
    /// <summary>Handles one event.</summary>
    Task HandleAsync(EngineEvent engineEvent, CancellationToken cancellationToken = default);
}
