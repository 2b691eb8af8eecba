using CrmBpm.Engine.Definitions;

namespace CrmBpm.Crm.Instructions;

/// <summary>
/// The built-in Instruction route map: Execute (for the performer, must be accepted first) → if the author is the
/// performer, done; otherwise Verify (for the author: Accept or Return) → on Return back to Execute, whose description
/// then carries the author's comment (<c>returnNote</c>). Deployed by <see cref="InstructionService"/> on first use.
/// Verify names the performer by <c>performerName</c> (their display name, or their id when the directory knows none);
/// instances started before it existed stay on the version they started on, which named them by <c>performer</c>.
/// </summary>
public static class InstructionRouteMap
{
    /// <summary>Route map key.</summary>
    public const string Key = "crm-instruction";

    /// <summary>The Execute action.</summary>
    public const string ExecutePointId = "execute";

    /// <summary>The Verify action.</summary>
    public const string VerifyPointId = "verify";

    /// <summary>Verify outcome that ends the instruction.</summary>
    public const string Accept = "Accept";

    /// <summary>Verify outcome that sends it back to the performer.</summary>
    public const string Return = "Return";

    /// <summary>Builds the map (version numbers are assigned on deployment).</summary>
    public static RouteMap Build() => new()
    {
        Key = Key,
        Name = "Instruction",
        Points =
        [
            new StartPoint { Id = "start", Name = "Instruction given" },
            new ActionPoint
            {
                Id = ExecutePointId,
                Name = "Execute",
                TitleTemplate = "{title}",
                Description = "{description}{returnNote}",
                Performer = Performer.FromExpression("performer"),
                RequiresAcceptance = true,
                Deadline = Deadline.FromExpression("deadline"),
                FormFields = [new FormField { Name = "report", Label = "What was done", Type = FormFieldType.Text }],
            },
            new ConditionPoint { Id = "selfGiven", Name = "Author is the performer?", Expression = "author === performer" },
            new ActionPoint
            {
                Id = VerifyPointId,
                Name = "Verify",
                TitleTemplate = "Check: {title}",
                Description = "{performerName} reports: {report}",
                Performer = Performer.FromExpression("author"),
                Outcomes = [Accept, Return],
                OutcomeVariable = "verifyOutcome",
                FormFields = [new FormField { Name = "returnComment", Label = "What is still to be done", Type = FormFieldType.Text }],
            },
            new ConditionPoint { Id = "returned", Name = "Returned?", Expression = "verifyOutcome === 'Return'" },
            new EndPoint { Id = "done", Name = "Done", Result = "Done" },
            new EndPoint { Id = "accepted", Name = "Accepted", Result = "Accepted" },
        ],
        Flows =
        [
            new Flow { Id = "start->execute", SourceId = "start", TargetId = ExecutePointId },
            new Flow { Id = "execute->selfGiven", SourceId = ExecutePointId, TargetId = "selfGiven" },
            new Flow { Id = "selfGiven->done", SourceId = "selfGiven", TargetId = "done", Branch = ConditionBranch.Yes, Name = "Yes" },
            new Flow { Id = "selfGiven->verify", SourceId = "selfGiven", TargetId = VerifyPointId, Branch = ConditionBranch.No, Name = "No" },
            new Flow { Id = "verify->returned", SourceId = VerifyPointId, TargetId = "returned" },
            new Flow { Id = "returned->execute", SourceId = "returned", TargetId = ExecutePointId, Branch = ConditionBranch.Yes, Name = "Return" },
            new Flow { Id = "returned->accepted", SourceId = "returned", TargetId = "accepted", Branch = ConditionBranch.No, Name = "Accept" },
        ],
    };
}
