namespace CrmBpm.Engine.Errors;

/// <summary>The actor may not act on this task.</summary>
public sealed class ForbiddenException(string code, string message) : CrmBpmException(code, message);
