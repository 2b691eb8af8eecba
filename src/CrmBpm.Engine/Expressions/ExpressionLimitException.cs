namespace CrmBpm.Engine.Expressions;

/// <summary>
/// A builtin refused to build a value over a sandbox limit. It is not a JavaScript error, so a script cannot catch it and
/// go on; the evaluator turns it into an <see cref="ExpressionException"/> with <see cref="Exception.Message"/> as the reason.
/// </summary>
internal sealed class ExpressionLimitException(string reason) : Exception(reason);
