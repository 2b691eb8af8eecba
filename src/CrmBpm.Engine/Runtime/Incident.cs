namespace CrmBpm.Engine.Runtime;

/// <summary>
/// A token stuck at a point: where (<paramref name="InstanceId"/>, <paramref name="PointId"/>, <paramref name="TokenId"/>), why
/// for code (<paramref name="Code"/>, one of <see cref="IncidentCodes"/>) and why for a person (<paramref name="Message"/>).
/// It stays until <see cref="IProcessEngine.RetryIncidentAsync"/> moves the token on.
/// </summary>
public sealed record Incident(Guid InstanceId, string MapKey, string PointId, Guid TokenId, string Code, string Message);
