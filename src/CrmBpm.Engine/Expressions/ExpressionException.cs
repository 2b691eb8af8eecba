namespace CrmBpm.Engine.Expressions;

/// <summary>An expression could not be evaluated; the message says why in words a consultant understands.</summary>
public sealed class ExpressionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExpressionException(string expression, string reason, Exception? inner = null)
        : base($"The expression '{expression}' failed: {reason}", inner)
    {
        Expression = expression;
        Reason = reason;
    }

    /// <summary>The expression text.</summary>
    public string Expression { get; }

    /// <summary>Why it failed.</summary>
    public string Reason { get; }
}
