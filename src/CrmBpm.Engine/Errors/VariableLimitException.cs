namespace CrmBpm.Engine.Errors;

/// <summary>
/// Variables were refused because one of them, or all of an instance's together, passed a size or nesting limit
/// (<see cref="CrmBpmOptions.MaxVariableBytes"/>, <see cref="CrmBpmOptions.MaxInstanceVariablesBytes"/>,
/// <see cref="CrmBpmOptions.MaxVariableDepth"/>). Codes: <c>variable.too-large</c>, <c>variable.too-deep</c>,
/// <c>variables.too-large</c>.
/// </summary>
public sealed class VariableLimitException : CrmBpmException
{
    /// <summary>Creates the exception.</summary>
    public VariableLimitException(string code, string variable, string limitName, long limit, long actual, string message)
        : base(code, message)
    {
        Variable = variable;
        LimitName = limitName;
        Limit = limit;
        Actual = actual;
    }

    /// <summary>The variable that passed the limit (for the instance total, the one whose change passed it).</summary>
    public string Variable { get; }

    /// <summary>The setting that sets the limit, e.g. <c>MaxVariableBytes</c>.</summary>
    public string LimitName { get; }

    /// <summary>The limit (bytes of JSON, or nesting levels).</summary>
    public long Limit { get; }

    /// <summary>What the variable (or the instance) would have had.</summary>
    public long Actual { get; }
}
