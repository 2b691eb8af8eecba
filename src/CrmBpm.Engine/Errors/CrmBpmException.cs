namespace CrmBpm.Engine.Errors;

/// <summary>Base of every error the engine reports on purpose; <see cref="Code"/> is stable for clients.</summary>
public abstract class CrmBpmException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected CrmBpmException(string code, string message, Exception? inner = null)
        : base(message, inner) => Code = code;

    /// <summary>Stable machine-readable code, e.g. <c>task.already-completed</c>.</summary>
    public string Code { get; }
}
