using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// Every message wait, message boundary and message start names its message, and every signal wait, throw, boundary,
/// end and start names its signal: a correlation or a broadcast finds its waits by that name alone.
/// </summary>
public sealed class EventNameRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        foreach (var point in map.Points)
        {
            var (kind, name) = point switch
            {
                MessageWaitPoint wait => ("message", wait.MessageName),
                BoundaryMessagePoint boundary => ("message", boundary.MessageName),
                StartPoint { MessageName: { } message } => ("message", message),
                SignalWaitPoint wait => ("signal", wait.SignalName),
                SignalThrowPoint signalThrow => ("signal", signalThrow.SignalName),
                BoundarySignalPoint boundary => ("signal", boundary.SignalName),
                EndPoint { SignalName: { } signal } => ("signal", signal),
                StartPoint { SignalName: { } startSignal } => ("signal", startSignal),
                _ => (null, null),
            };
            if (kind is not null && string.IsNullOrWhiteSpace(name))
            {
                yield return new($"{kind}.name-missing", point.Id,
                    $"{point.KindName} '{point.DisplayName}' names no {kind}: give it the {kind}'s name, which is how a {(kind == "message" ? "correlation" : "broadcast")} finds it.");
            }
        }
    }
}
