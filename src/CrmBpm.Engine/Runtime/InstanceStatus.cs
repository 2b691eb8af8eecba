namespace CrmBpm.Engine.Runtime;

/// <summary>Lifecycle of a process instance.</summary>
public enum InstanceStatus
{
    /// <summary>Tokens are moving or waiting at actions / nested processes.</summary>
    Active,

    /// <summary>Paused by an operator: no task can be completed and no timer fires until resumed.</summary>
    Suspended,

    /// <summary>Every token reached an end.</summary>
    Completed,

    /// <summary>Stopped by an operator; its tasks were cancelled and its children terminated.</summary>
    Terminated,

    /// <summary>A token is stuck (failing expression, no matching choice case, ...) until an operator retries.</summary>
    Incident,
}
