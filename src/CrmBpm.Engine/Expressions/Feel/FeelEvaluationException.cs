namespace CrmBpm.Engine.Expressions.Feel;

/// <summary>A FEEL expression failed while running (a text or list over the sandbox's limits); the message says why.</summary>
internal sealed class FeelEvaluationException(string reason) : Exception(reason);
