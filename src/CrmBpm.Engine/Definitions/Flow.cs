using System.Text.Json.Serialization;

namespace CrmBpm.Engine.Definitions;

/// <summary>A directed connection between two points.</summary>
public sealed record Flow
{
    /// <summary>Identifier, unique within the map.</summary>
    public required string Id { get; init; }

    /// <summary>The point the flow leaves.</summary>
    public required string SourceId { get; init; }

    /// <summary>The point the flow enters.</summary>
    public required string TargetId { get; init; }

    /// <summary>Label on the canvas.</summary>
    public string Name { get; init; } = "";

    /// <summary>
    /// The expression that must be true to take the flow (JavaScript, or JUEL when written <c>${…}</c>): a Choice's case, or
    /// the condition of a flow leaving an Action, a Nested process or a plain task. Null for an unconditioned flow.
    /// </summary>
    public string? Condition { get; init; }

    /// <summary>For a flow leaving a Condition: which answer it stands for.</summary>
    public ConditionBranch? Branch { get; init; }

    /// <summary>What another BPMN modeler wrote on the flow and CrmBpm keeps without interpreting; null when nothing.</summary>
    public ForeignBpmn? Foreign { get; init; }

    /// <summary>The sub-process it stands in (a <see cref="SubProcessPoint"/>'s id); null at the process level. Both its points stand there too.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ScopeId { get; init; }
}
