namespace CrmBpm.Engine.Jobs;

/// <summary>
/// Thrown by an <see cref="IServiceTaskHandler"/> for a business outcome the map should react to (BPMN's error: "credit
/// refused"), not a technical failure: it is never retried. Until error boundary events run, it becomes an incident on the
/// step naming <see cref="Code"/>.
/// </summary>
public sealed class BusinessErrorException : Exception
{
    /// <summary>A business error with its code and a message saying what happened.</summary>
    public BusinessErrorException(string code, string? message = null)
        : base(message ?? $"Business error '{code}'.")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
    }

    /// <summary>Not used: a business error always has a code.</summary>
    public BusinessErrorException()
        : this("business-error")
    {
    }

    /// <summary>A business error with a code and the exception that caused it.</summary>
    public BusinessErrorException(string code, string message, Exception innerException)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
    }

    /// <summary>The error code, as BPMN's <c>errorCode</c> that an error boundary event will match.</summary>
    public string Code { get; }
}
