namespace CrmBpm.Engine.Bpmn;

/// <summary>Where an element starts in a file (1-based).</summary>
public readonly record struct SourceLocation(int Line, int Column);
