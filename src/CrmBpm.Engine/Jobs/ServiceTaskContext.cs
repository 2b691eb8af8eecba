using System.Text.Json;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Engine.Jobs;

/// <summary>What an <see cref="IServiceTaskHandler"/> is given: a snapshot taken when its job started, not a live view.</summary>
public sealed class ServiceTaskContext
{
    /// <summary>The instance the step belongs to.</summary>
    public required Guid InstanceId { get; init; }

    /// <summary>The route map key of the instance.</summary>
    public required string MapKey { get; init; }

    /// <summary>The automatic step's point id.</summary>
    public required string PointId { get; init; }

    /// <summary>The name the handler was called by.</summary>
    public required string Handler { get; init; }

    /// <summary>The instance's variables as JSON values.</summary>
    public required IReadOnlyDictionary<string, JsonElement> Variables { get; init; }

    /// <summary>The CRM record the instance is about (a deal, a claim…), if any.</summary>
    public SubjectReference? Subject { get; init; }

    /// <summary>The instance's business key, if any.</summary>
    public string? BusinessKey { get; init; }

    /// <summary>
    /// The same for every run of this job, retries and incident retries included, and different for every other visit of
    /// the step (a loop back to it is a new job): a payment service given it as its idempotency key charges once.
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Which run this is: 1 for the first, 2 for the first retry, …; counted again from 1 after an incident is retried.</summary>
    public required int Attempt { get; init; }
}
