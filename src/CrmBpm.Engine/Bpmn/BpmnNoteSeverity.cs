namespace CrmBpm.Engine.Bpmn;

/// <summary>How much a loss-report note matters. Neither refuses the file; validation decides what can be published.</summary>
public enum BpmnNoteSeverity
{
    /// <summary>Something the import did for the reader (a task addressed by its lane, a plain task that passes on).</summary>
    Info,

    /// <summary>Something in the file is kept and written back but will not run (a listener, a form key of another tool).</summary>
    Warning,
}
