namespace CrmBpm.Engine.Definitions;

/// <summary>Copies a value between a parent and a nested instance: <see cref="Source"/> is an expression, <see cref="Target"/> a variable name.</summary>
public sealed record VariableMapping(string Source, string Target);
