using System.Text.Json;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Timers;
using CrmBpm.EntityFrameworkCore.Entities;

namespace CrmBpm.EntityFrameworkCore.Storage;

/// <summary>Converts between engine objects and rows.</summary>
internal static class EntityMapper
{
    public static RouteMapEntity ToEntity(RouteMap map) => new()
    {
        Key = map.Key,
        Version = map.Version,
        Status = map.Status,
        Name = map.Name,
        Definition = StoreJson.Serialize(map),
    };

    public static RouteMap ToRouteMap(RouteMapEntity entity) => StoreJson.Deserialize<RouteMap>(entity.Definition);

    public static InstanceEntity ToEntity(ProcessInstance instance)
    {
        var entity = new InstanceEntity { MapKey = instance.MapKey, Tokens = "[]", Variables = "{}" };
        Apply(instance, entity);
        return entity;
    }

    /// <summary>Copies the instance's state onto its row (the surrogate key stays).</summary>
    public static void Apply(ProcessInstance instance, InstanceEntity entity)
    {
        entity.Id = instance.Id;
        entity.MapKey = instance.MapKey;
        entity.MapVersion = instance.MapVersion;
        entity.Status = instance.Status;
        entity.ParentInstanceId = instance.ParentInstanceId;
        entity.ParentTokenId = instance.ParentTokenId;
        entity.RootInstanceId = instance.RootInstanceId;
        entity.SubjectType = instance.Subject?.Type;
        entity.SubjectId = instance.Subject?.Id;
        entity.BusinessKey = instance.BusinessKey;
        entity.Result = instance.Result;
        entity.IncidentMessage = instance.IncidentMessage;
        entity.IncidentCode = instance.IncidentCode;
        entity.StartedBy = instance.StartedBy;
        entity.StartedAt = instance.StartedAt;
        entity.EndedAt = instance.EndedAt;
        entity.Version = instance.Version;
        entity.HistoryCount = instance.HistoryCount;
        entity.Tokens = StoreJson.Serialize(instance.Tokens);
        entity.Variables = StoreJson.Serialize(instance.Variables);
    }

    public static ProcessInstance ToInstance(InstanceEntity entity) => ProcessInstance.Restore(new InstanceSnapshot
    {
        Id = entity.Id,
        MapKey = entity.MapKey,
        MapVersion = entity.MapVersion,
        Status = entity.Status,
        ParentInstanceId = entity.ParentInstanceId,
        ParentTokenId = entity.ParentTokenId,
        RootInstanceId = entity.RootInstanceId,
        Subject = Subject(entity.SubjectType, entity.SubjectId),
        BusinessKey = entity.BusinessKey,
        Result = entity.Result,
        IncidentMessage = entity.IncidentMessage,
        IncidentCode = entity.IncidentCode,
        StartedBy = entity.StartedBy,
        StartedAt = entity.StartedAt,
        EndedAt = entity.EndedAt,
        Version = entity.Version,
        HistoryCount = entity.HistoryCount,
        Tokens = StoreJson.Deserialize<List<Token>>(entity.Tokens),
        Variables = StoreJson.Deserialize<Dictionary<string, JsonElement>>(entity.Variables),
    });

    public static TaskEntity ToEntity(WorkTask task)
    {
        var entity = new TaskEntity
        {
            Id = task.Id,
            InstanceId = task.InstanceId,
            RootInstanceId = task.RootInstanceId,
            MapKey = task.MapKey,
            MapVersion = task.MapVersion,
            PointId = task.PointId,
            PointName = task.PointName,
            TokenId = task.TokenId,
            ItemIndex = task.ItemIndex,
            Item = task.Item is { } item ? item.GetRawText() : null,
            Title = task.Title,
            Description = task.Description,
            PerformerUserId = task.PerformerUserId,
            PerformerRole = task.PerformerRole,
            PerformerAddressingObject = task.PerformerAddressingObject,
            RequiresAcceptance = task.RequiresAcceptance,
            Outcomes = StoreJson.Serialize(task.Outcomes),
            FormFields = StoreJson.Serialize(task.FormFields),
            Stage = task.Stage,
            SubjectType = task.Subject?.Type,
            SubjectId = task.Subject?.Id,
            CreatedAt = task.CreatedAt,
            DueAt = task.DueAt,
            DueSort = task.DueAt?.UtcTicks ?? long.MaxValue,
        };
        Apply(task.State, entity);
        return entity;
    }

    /// <summary>Copies the part of a task that changes after creation onto its row.</summary>
    public static void Apply(WorkTaskState state, TaskEntity entity)
    {
        entity.PerformerRole = state.PerformerRole;
        entity.PerformerAddressingObject = state.PerformerAddressingObject;
        entity.AssigneeId = state.AssigneeId;
        entity.Status = state.Status;
        entity.Active = state.Status is WorkTaskStatus.Open or WorkTaskStatus.Accepted;
        entity.PostponedUntil = state.PostponedUntil;
        entity.AcceptedAt = state.AcceptedAt;
        entity.ClosedAt = state.ClosedAt;
        entity.CompletedBy = state.CompletedBy;
        entity.Outcome = state.Outcome;
        entity.Comment = state.Comment;
    }

    public static WorkTask ToTask(TaskEntity entity)
    {
        var template = new WorkTask
        {
            Id = entity.Id,
            InstanceId = entity.InstanceId,
            RootInstanceId = entity.RootInstanceId,
            MapKey = entity.MapKey,
            MapVersion = entity.MapVersion,
            PointId = entity.PointId,
            PointName = entity.PointName,
            TokenId = entity.TokenId,
            ItemIndex = entity.ItemIndex,
            Item = entity.Item is null ? null : StoreJson.Deserialize<JsonElement>(entity.Item),
            Title = entity.Title,
            Description = entity.Description,
            PerformerUserId = entity.PerformerUserId,
            PerformerRole = entity.PerformerRole,
            PerformerAddressingObject = entity.PerformerAddressingObject,
            RequiresAcceptance = entity.RequiresAcceptance,
            Outcomes = StoreJson.Deserialize<List<string>>(entity.Outcomes),
            FormFields = StoreJson.Deserialize<List<FormField>>(entity.FormFields),
            Stage = entity.Stage,
            Subject = Subject(entity.SubjectType, entity.SubjectId),
            CreatedAt = entity.CreatedAt,
            DueAt = entity.DueAt,
        };
        return WorkTask.Restore(template, new WorkTaskState(
            entity.PerformerRole, entity.PerformerAddressingObject, entity.AssigneeId, entity.Status, entity.PostponedUntil, entity.AcceptedAt, entity.ClosedAt, entity.CompletedBy, entity.Outcome, entity.Comment));
    }

    public static HistoryEntity ToEntity(HistoryEntry entry) => new()
    {
        Id = entry.Id,
        InstanceId = entry.InstanceId,
        Sequence = entry.Sequence,
        At = entry.At,
        Kind = entry.Kind,
        Actor = entry.Actor,
        OnBehalfOf = entry.OnBehalfOf,
        PointId = entry.PointId,
        FromPointId = entry.FromPointId,
        FlowId = entry.FlowId,
        TaskId = entry.TaskId,
        Details = entry.Details,
    };

    public static HistoryEntry ToHistoryEntry(HistoryEntity entity) => new()
    {
        Id = entity.Id,
        InstanceId = entity.InstanceId,
        Sequence = entity.Sequence,
        At = entity.At,
        Kind = entity.Kind,
        Actor = entity.Actor,
        OnBehalfOf = entity.OnBehalfOf,
        PointId = entity.PointId,
        FromPointId = entity.FromPointId,
        FlowId = entity.FlowId,
        TaskId = entity.TaskId,
        Details = entity.Details,
    };

    public static TimerEntity ToEntity(TimerRecord timer)
    {
        var entity = new TimerEntity { Id = timer.Id, InstanceId = timer.InstanceId, TaskId = timer.TaskId, Kind = timer.Kind, DueAt = timer.DueAt, Attempt = timer.Attempt, PointId = timer.PointId, MapKey = timer.MapKey, MapVersion = timer.MapVersion, Topic = timer.Topic, Retries = timer.Retries, EventName = timer.EventName, CorrelationKey = timer.CorrelationKey };
        Apply(timer, entity);
        return entity;
    }

    /// <summary>Copies the lease and firing of a timer onto its row.</summary>
    public static void Apply(TimerRecord timer, TimerEntity entity)
    {
        entity.LeaseOwner = timer.LeaseOwner;
        entity.LeaseUntil = timer.LeaseUntil;
        entity.FiredAt = timer.FiredAt;
    }

    public static TimerRecord ToTimer(TimerEntity entity) => new()
    {
        Id = entity.Id,
        InstanceId = entity.InstanceId,
        TaskId = entity.TaskId,
        Kind = entity.Kind,
        DueAt = entity.DueAt,
        Attempt = entity.Attempt,
        PointId = entity.PointId,
        MapKey = entity.MapKey,
        MapVersion = entity.MapVersion,
        Topic = entity.Topic,
        Retries = entity.Retries,
        EventName = entity.EventName,
        CorrelationKey = entity.CorrelationKey,
        LeaseOwner = entity.LeaseOwner,
        LeaseUntil = entity.LeaseUntil,
        FiredAt = entity.FiredAt,
    };

    private static SubjectReference? Subject(string? type, string? id) =>
        type is null || id is null ? null : new SubjectReference(type, id);
}
