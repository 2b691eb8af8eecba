using CrmBpm.Engine.Definitions;

namespace CrmBpm.Crm.Claims;

/// <summary>
/// The built-in claim maps. <b>Claim handling</b>: one task per action-plan item (multi-instance over
/// <c>planItems</c>, each addressed to <c>planItem.performer</c> and due at <c>planItem.deadline</c>), then the
/// responsible employee decides (Satisfied / Not satisfied). <b>Late plan item</b>: the same plan action for one item,
/// started for every item added after the claim-handling process began, because a running multi-instance action cannot
/// grow. The decision is refused while any item — early or late — is open.
/// </summary>
public static class ClaimRouteMaps
{
    /// <summary>Key of the claim-handling map.</summary>
    public const string HandlingKey = "crm-claim-handling";

    /// <summary>Key of the one-item map for late plan items.</summary>
    public const string LatePlanItemKey = "crm-claim-plan-item";

    /// <summary>The plan action (in both maps).</summary>
    public const string PlanPointId = "plan";

    /// <summary>The decision action.</summary>
    public const string DecidePointId = "decide";

    /// <summary>Decision outcome for <see cref="ClaimResult.Satisfied"/>.</summary>
    public const string Satisfied = "Satisfied";

    /// <summary>Decision outcome for <see cref="ClaimResult.NotSatisfied"/>.</summary>
    public const string NotSatisfied = "Not satisfied";

    /// <summary>Builds the claim-handling map.</summary>
    public static RouteMap BuildHandling() => new()
    {
        Key = HandlingKey,
        Name = "Claim handling",
        Points =
        [
            new StartPoint { Id = "start", Name = "Claim registered" },
            PlanAction(),
            new ActionPoint
            {
                Id = DecidePointId,
                Name = "Decide on the claim",
                TitleTemplate = "Decide on the claim of {partnerName}",
                Description = "{summary}",
                Performer = Performer.FromExpression("responsible"),
                Outcomes = [Satisfied, NotSatisfied],
                OutcomeVariable = "claimResult",
                FormFields = [new FormField { Name = "resultDetails", Label = "Decision details", Type = FormFieldType.Text }],
            },
            new EndPoint { Id = "end", Name = "Claim closed" },
        ],
        Flows =
        [
            new Flow { Id = "start->plan", SourceId = "start", TargetId = PlanPointId },
            new Flow { Id = "plan->decide", SourceId = PlanPointId, TargetId = DecidePointId },
            new Flow { Id = "decide->end", SourceId = DecidePointId, TargetId = "end" },
        ],
    };

    /// <summary>Builds the one-item map for plan items added later.</summary>
    public static RouteMap BuildLatePlanItem() => new()
    {
        Key = LatePlanItemKey,
        Name = "Claim plan item",
        Points =
        [
            new StartPoint { Id = "start", Name = "Plan item added" },
            PlanAction(),
            new EndPoint { Id = "end", Name = "Plan item done" },
        ],
        Flows =
        [
            new Flow { Id = "start->plan", SourceId = "start", TargetId = PlanPointId },
            new Flow { Id = "plan->end", SourceId = PlanPointId, TargetId = "end" },
        ],
    };

    private static ActionPoint PlanAction() => new()
    {
        Id = PlanPointId,
        Name = "Action plan item",
        TitleTemplate = "{planItem.title}",
        Description = "Claim of {partnerName}: {summary}",
        Performer = Performer.FromExpression("planItem.performer"),
        Deadline = Deadline.FromExpression("planItem.deadline"),
        MultiInstance = new MultiInstance { CollectionVariable = "planItems", ElementVariable = "planItem" },
    };
}
