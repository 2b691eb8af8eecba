namespace CrmBpm.Engine.Expressions.Feel;

/// <summary>The text is not a FEEL expression CrmBpm can run; the message says why and where, without the expression itself.</summary>
internal sealed class FeelSyntaxException(string reason) : Exception(reason);
