using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Validation.Rules;

namespace CrmBpm.Engine.Validation;

/// <summary>Runs every validation rule and returns all problems at once, in a stable order.</summary>
public sealed class RouteMapValidator
{
    /// <summary>The rules of DESIGN §2, one class each.</summary>
    public static IReadOnlyList<IValidationRule> DefaultRules { get; } =
    [
        new UniqueIdsRule(),
        new FlowEndpointsRule(),
        new StartPointRule(),
        new EndPointRule(),
        new SingleOutgoingRule(),
        new ActivityFlowsRule(),
        new ConditionBranchesRule(),
        new ChoiceCasesRule(),
        new SplitMergeShapeRule(),
        new UnreachablePointRule(),
        new DeadEndRule(),
        new MergeCanFireRule(),
        new SplitLoopRule(),
        new PerformerRule(),
        new ActionPropertiesRule(),
        new ExpressionSyntaxRule(),
        new NestedMapRule(),
        new ServiceStepRule(),
        new TimerEventRule(),
        new EscalationRule(),
        new StartTimerRule(),
        new BoundaryEventRule(),
        new BoundaryTimerRule(),
        new ErrorEventRule(),
        new EventNameRule(),
        new EventGatewayRule(),
        new NotRunYetRule(),
    ];

    private readonly IReadOnlyList<IValidationRule> _rules;

    /// <summary>Creates a validator with the default rules, or the given ones.</summary>
    public RouteMapValidator(IReadOnlyList<IValidationRule>? rules = null) => _rules = rules ?? DefaultRules;

    /// <summary>All problems of <paramref name="map"/>, errors and warnings; it can be published when none is an error.</summary>
    public IReadOnlyList<ValidationProblem> Validate(RouteMap map, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(context);
        // Beyond the size limits no rule runs: the limits are what keeps the rules' cost bounded.
        var size = SizeProblems(map, context.Limits);
        if (size.Count > 0)
        {
            return size;
        }

        List<ValidationProblem> problems = [.. _rules.SelectMany(rule => rule.Check(map, context)).Distinct()];
        // Only a map without errors is exported as a check: problems the rules name say more than the export would.
        return problems.AllowPublishing() ? [.. problems, .. ExportCheck.Check(map)] : problems;
    }

    private static List<ValidationProblem> SizeProblems(RouteMap map, RouteMapLimits limits)
    {
        var problems = new List<ValidationProblem>();
        if (map.Points.Count > limits.MaxPoints)
        {
            problems.Add(new("map.too-many-points", null,
                $"The map has {map.Points.Count:N0} points; the limit is {limits.MaxPoints:N0} (RouteMapLimits.MaxPoints). Split it into nested processes."));
        }

        if (map.Flows.Count > limits.MaxFlows)
        {
            problems.Add(new("map.too-many-flows", null,
                $"The map has {map.Flows.Count:N0} flows; the limit is {limits.MaxFlows:N0} (RouteMapLimits.MaxFlows). Split it into nested processes."));
        }

        return problems;
    }
}
