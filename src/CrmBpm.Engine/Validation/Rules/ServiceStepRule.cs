using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// An automatic step names its handler, one this application registered when validation knows them
/// (<see cref="ValidationContext.RegisteredHandlers"/>; the engine's own validation does, a file checked on its own does not),
/// and its retry cycle and timeout read as what they say.
/// </summary>
public sealed class ServiceStepRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        foreach (var step in map.Points.OfType<ServicePoint>())
        {
            if (string.IsNullOrWhiteSpace(step.Handler))
            {
                yield return new("service.handler-missing", step.Id, $"Automatic step '{step.DisplayName}' does not say which handler it calls.");
            }
            else if (!step.External && context.RegisteredHandlers is { } registered && !registered.Contains(step.Handler))
            {
                var known = registered.Count == 0 ? "none is registered" : "registered: " + string.Join(", ", registered.Order(StringComparer.Ordinal).Select(h => $"'{h}'"));
                yield return new("service.handler-unknown", step.Id,
                    $"Automatic step '{step.DisplayName}' calls the handler '{step.Handler}', which this application has not registered ({known}).");
            }

            if (step.Retries is { } retries && RetryCycle.TryParse(retries, out var error) is null)
            {
                yield return new("service.retries", step.Id, $"Automatic step '{step.DisplayName}': {error}");
            }

            if (step.Timeout is { } timeout && !(RetryCycle.TryDuration(timeout, out var duration) && duration > TimeSpan.Zero))
            {
                yield return new("service.timeout", step.Id, $"Automatic step '{step.DisplayName}': the timeout '{timeout}' is not a positive ISO 8601 duration such as PT30S.");
            }
        }
    }
}
