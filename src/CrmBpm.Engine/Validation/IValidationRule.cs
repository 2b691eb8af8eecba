using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation;

/// <summary>One rule of route-map validation. Rules are independent; the validator runs them all.</summary>
public interface IValidationRule
{
    /// <summary>Problems this rule finds in <paramref name="map"/>.</summary>
    IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context);
}
