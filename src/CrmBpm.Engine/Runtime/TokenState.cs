namespace CrmBpm.Engine.Runtime;

/// <summary>Where a token is in its life at a point.</summary>
public enum TokenState
{
    /// <summary>Has arrived and is about to be executed by the point.</summary>
    Ready,

    /// <summary>Waits for tasks or a nested instance to complete.</summary>
    Waiting,

    /// <summary>Waits at a merge for tokens on the other incoming flows.</summary>
    Merging,

    /// <summary>Stuck; see the instance's incident message.</summary>
    Incident,
}
