namespace CrmBpm.Engine.Definitions;

/// <summary>How a timer says when it fires: BPMN's <c>timeDuration</c>, <c>timeDate</c> or <c>timeCycle</c>.</summary>
public enum TimerDefinitionKind
{
    /// <summary>An ISO 8601 duration counted from when the token arrives (<c>PT1H</c>, <c>P3D</c>).</summary>
    Duration,

    /// <summary>An ISO 8601 date and time (<c>2026-12-24T09:00:00Z</c>); without an offset it is UTC.</summary>
    Date,

    /// <summary>An ISO 8601 repeating interval without a start (<c>R3/PT1H</c>: three times, an hour apart).</summary>
    Cycle,
}
