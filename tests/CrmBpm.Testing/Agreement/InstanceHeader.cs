namespace CrmBpm.Testing.Agreement;

/// <summary>
/// A root process instance as a store lists it: the engine's API finds instances by id only, so the store's test project
/// supplies the list (e.g. from its instances table) for the checks that start from the engine side.
/// </summary>
public sealed record InstanceHeader(Guid Id, string MapKey, string? SubjectType, string? SubjectId);
