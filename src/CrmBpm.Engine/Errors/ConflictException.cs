namespace CrmBpm.Engine.Errors;

/// <summary>The operation does not fit the current state (a task already completed, an instance suspended, ...).</summary>
public sealed class ConflictException(string code, string message) : CrmBpmException(code, message);
