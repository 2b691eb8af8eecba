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
        new MultiInstanceRule(),
        new ExpressionSyntaxRule(),
        new NestedMapRule(),
        new ServiceStepRule(),
        new TimerEventRule(),
        new EscalationRule(),
        new StartTimerRule(),
        new BoundaryEventRule(),
        new BoundaryTimerRule(),
        new ErrorEventRule(),
        new EscalationEventRule(),
        new EventNameRule(),
        new EventGatewayRule(),
        new LinkEventRule(),
        new NotRunYetRule(),
        new SubProcessRule(),
        new StartVariablesRule(),
        new ConditionVariablesRule(),
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

        // Every scope (the process level, the inside of each sub-process) is checked as a map of its own: its own Start, Ends,
        // dead ends and unreachable points. Ids are unique across the whole map, the sub-process rule sees all scopes, and
        // variables are the instance's, whichever scope sets or reads them.
        var scopes = map.Points.OfType<SubProcessPoint>().Select(s => (Map: map.Scope(s.Id), SubProcess: (Point?)s)).Prepend((Map: map.Scope(null), SubProcess: null)).ToList();
        List<ValidationProblem> problems = [.. _rules.SelectMany(rule => rule is UniqueIdsRule or SubProcessRule or StartVariablesRule or ConditionVariablesRule || scopes.Count == 1
            ? rule.Check(map, context)
            : scopes.Where(scope => scope.SubProcess is null || rule is not StartTimerRule) // a start's schedule is the process level's; the sub-process rule checks the timers inside
                .SelectMany(scope => rule.Check(scope.Map, context).Select(p => InScope(p, scope.SubProcess)))).Distinct()];
        // Only a map without errors is exported as a check: problems the rules name say more than the export would.
        return problems.AllowPublishing() ? [.. problems, .. ExportCheck.Check(map)] : problems;
    }

    /// <summary>A problem inside a sub-process says so, and names the sub-process when it names no point.</summary>
    private static ValidationProblem InScope(ValidationProblem problem, Point? subProcess) => subProcess is null
        ? problem
        : problem with { PointId = problem.PointId ?? subProcess.Id, Message = $"In {subProcess.KindName.ToLowerInvariant()} '{subProcess.DisplayName}': {problem.Message}" };

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
