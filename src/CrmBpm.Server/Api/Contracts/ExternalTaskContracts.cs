using System.Text.Json;
using CrmBpm.Engine.Jobs;

namespace CrmBpm.Server.Api.Contracts;

/// <summary>A worker asking for work (Camunda's fetch-and-lock): durations in milliseconds, as Camunda's workers send them.</summary>
public sealed record FetchExternalTasksRequest(string? WorkerId, IReadOnlyList<string>? Topics, int? MaxTasks, long? LockDuration);

/// <summary>Work done: the variables to set.</summary>
public sealed record CompleteExternalTaskRequest(string? WorkerId, Dictionary<string, JsonElement>? Variables);

/// <summary>Work failed: the retries left and how long to wait before the next try (milliseconds); 0 retries left is an incident.</summary>
public sealed record ExternalTaskFailureRequest(string? WorkerId, string? ErrorMessage, int? Retries, long? RetryTimeout);

/// <summary>A business outcome the map's error boundary catches by <see cref="ErrorCode"/>.</summary>
public sealed record ExternalTaskBpmnErrorRequest(string? WorkerId, string? ErrorCode, string? ErrorMessage);

/// <summary>Keep the lock for <see cref="NewDuration"/> milliseconds from now.</summary>
public sealed record ExtendExternalTaskLockRequest(string? WorkerId, long? NewDuration);

/// <summary>A locked task as a worker receives it.</summary>
public sealed record ExternalTaskDto(
    Guid Id, string Topic, string WorkerId, DateTimeOffset LockExpirationTime, IReadOnlyDictionary<string, JsonElement> Variables,
    Guid ProcessInstanceId, string ProcessDefinitionKey, string ActivityId, string? BusinessKey, int Attempt, int? Retries, string IdempotencyKey)
{
    /// <summary>The engine's task as the API shows it.</summary>
    public static ExternalTaskDto From(ExternalTask task) => new(
        task.Id, task.Topic, task.WorkerId, task.LockExpiresAt, task.Variables, task.InstanceId, task.MapKey, task.PointId, task.BusinessKey,
        task.Attempt, task.Retries, task.IdempotencyKey);
}
