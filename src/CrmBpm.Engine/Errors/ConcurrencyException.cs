namespace CrmBpm.Engine.Errors;

/// <summary>
/// Another command changed the same instance first. The engine retries commands on its own;
/// this reaches callers only when retries are exhausted.
/// </summary>
public sealed class ConcurrencyException(string message) : CrmBpmException("concurrency.conflict", message);
