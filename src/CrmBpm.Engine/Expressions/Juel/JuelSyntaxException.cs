namespace CrmBpm.Engine.Expressions.Juel;

/// <summary>The text is not a JUEL expression CrmBpm can run; the message says why and where, without the expression itself.</summary>
internal sealed class JuelSyntaxException(string reason) : Exception(reason);
