using CrmBpm.Engine.Runtime;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBpm.Server.Api;

/// <summary>
/// /api/messages and /api/signals: what other systems send to waiting processes (a payment arrived, prices changed).
/// Consultant and Administrator, as the instance operations: a message moves whichever instance it matches, whoever may
/// see it, so an integration signs in as a user of one of those roles. A message nobody waits for answers 404 (nothing is
/// buffered: the sender retries); a signal nobody waits for reaches nothing and answers 200.
/// </summary>
public static class MessagesEndpoints
{
    /// <summary>Maps the message and signal endpoints.</summary>
    public static RouteGroupBuilder MapMessagesEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/messages", CorrelateMessage).WithName("CorrelateMessage").WithTags("Messages").RequireAuthorization(Policies.Design)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Delivers a message to the waiting instance it matches (or every one), or starts the map whose message start it names; 404 when none.");
        api.MapPost("/signals", BroadcastSignal).WithName("BroadcastSignal").WithTags("Messages").RequireAuthorization(Policies.Design)
            .WithSummary("Broadcasts a signal to every instance waiting for it and starts every map with a signal start on it.");
        return api;
    }

    /// <summary>Correlate.</summary>
    public static async Task<Ok<CorrelationDto>> CorrelateMessage(CorrelateMessageRequest request, IProcessEngine engine, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().Required(request.MessageName, "messageName")
            .MaxLength(request.BusinessKey, "businessKey", 200)
            .MaxLength(request.CorrelationKey, "correlationKey", 200).ThrowIfAny();
        var result = await engine.CorrelateAsync(new MessageCorrelation
        {
            MessageName = request.MessageName!,
            BusinessKey = request.BusinessKey,
            CorrelationKey = request.CorrelationKey,
            CorrelationVariables = Variables.From(request.CorrelationVariables),
            Variables = Variables.From(request.Variables),
            All = request.All,
            Actor = work.User.Id,
        }, cancellationToken);
        return TypedResults.Ok(new CorrelationDto(result.ReachedInstanceIds, result.StartedInstanceId));
    }

    /// <summary>Broadcast.</summary>
    public static async Task<Ok<SignalDto>> BroadcastSignal(BroadcastSignalRequest request, IProcessEngine engine, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().Required(request.SignalName, "signalName").ThrowIfAny();
        var reached = await engine.BroadcastSignalAsync(request.SignalName!, Variables.From(request.Variables), work.User.Id, cancellationToken);
        return TypedResults.Ok(new SignalDto(reached));
    }
}
