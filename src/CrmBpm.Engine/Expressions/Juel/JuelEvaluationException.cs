namespace CrmBpm.Engine.Expressions.Juel;

/// <summary>A JUEL expression failed while running (a coercion JUEL refuses, an unknown variable, a call on null); the message says why.</summary>
internal sealed class JuelEvaluationException(string reason) : Exception(reason);
