namespace CrmBpm.Engine.Errors;

/// <summary>A route map, instance or task does not exist.</summary>
public sealed class NotFoundException(string code, string message) : CrmBpmException(code, message);
