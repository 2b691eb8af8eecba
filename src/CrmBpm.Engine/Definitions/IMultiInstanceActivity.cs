namespace CrmBpm.Engine.Definitions;

/// <summary>
/// An activity that may run once per item of a list (BPMN multi-instance): an Action (one task per run) and every point
/// whose work runs as child instances (one child per run).
/// </summary>
public interface IMultiInstanceActivity
{
    /// <summary>How the activity repeats; null runs it once.</summary>
    MultiInstance? MultiInstance { get; }
}
