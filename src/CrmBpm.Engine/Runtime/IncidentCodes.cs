namespace CrmBpm.Engine.Runtime;

/// <summary>
/// The stable codes an incident carries (<see cref="Incident.Code"/>, <see cref="Token.IncidentCode"/>): what went wrong,
/// for code that must react to it; the message says the same for a person. A code never changes meaning once released;
/// new kinds of incident get new codes.
/// </summary>
public static class IncidentCodes
{
    /// <summary>No outgoing flow can be taken: every condition is false and there is no default flow (also a Condition without the branch it answered).</summary>
    public const string NoFlowMatched = "no-flow-matched";

    /// <summary>An expression (a flow condition, a Condition, a Choice case, a performer or deadline expression) failed to run.</summary>
    public const string ExpressionFailed = "expression-failed";

    /// <summary>A condition ran but gave something other than true or false.</summary>
    public const string ConditionNotBoolean = "condition-not-boolean";

    /// <summary>A script step failed to run.</summary>
    public const string ScriptFailed = "script-failed";

    /// <summary>An automatic step's handler failed on every try its retry cycle allows.</summary>
    public const string HandlerFailed = "handler-failed";

    /// <summary>An automatic step's handler did not finish within its timeout on its last try.</summary>
    public const string HandlerTimedOut = "handler-timed-out";

    /// <summary>No handler of the automatic step's name is registered in this application.</summary>
    public const string HandlerUnknown = "handler-unknown";

    /// <summary>An automatic step's handler raised a business error that nothing in the map catches.</summary>
    public const string BusinessErrorUncaught = "business-error-uncaught";

    /// <summary>A Nested process runs a map that has no published version.</summary>
    public const string NestedMapMissing = "nested-map-missing";

    /// <summary>A Nested process would nest deeper than <see cref="CrmBpmOptions.MaxNestingDepth"/>.</summary>
    public const string NestingTooDeep = "nesting-too-deep";

    /// <summary>The nested instance a Nested process waited for was terminated on its own.</summary>
    public const string NestedInstanceTerminated = "nested-instance-terminated";

    /// <summary>A nested process's input or output mapping failed to run.</summary>
    public const string MappingFailed = "mapping-failed";

    /// <summary>Variables the process itself would set (a handler's result, a script's value, nested inputs or outputs) are past the variable limits.</summary>
    public const string VariablesRefused = "variables-refused";

    /// <summary>A point would give the instance more tokens than <see cref="CrmBpmOptions.MaxTokensPerInstance"/>.</summary>
    public const string TooManyTokens = "too-many-tokens";

    /// <summary>One command passed more than <see cref="CrmBpmOptions.MaxStepsPerCommand"/> points without a wait (a loop of gateways).</summary>
    public const string TooManySteps = "too-many-steps";

    /// <summary>A timer event or boundary timer cannot say when it fires (its expression fails or gives neither a duration nor a date).</summary>
    public const string TimerUnreadable = "timer-unreadable";

    /// <summary>An Action's deadline is neither an ISO 8601 duration nor a date.</summary>
    public const string DeadlineUnreadable = "deadline-unreadable";

    /// <summary>An Action's performer, role or addressing-object expression gave something that names no user, role or object.</summary>
    public const string PerformerInvalid = "performer-invalid";

    /// <summary>A multi-instance activity's collection (a variable or an expression) is missing or not a list.</summary>
    public const string CollectionNotAList = "collection-not-a-list";

    /// <summary>A multi-instance activity's loop cardinality fails or gives no whole number from 0 up.</summary>
    public const string LoopCardinalityInvalid = "loop-cardinality-invalid";

    /// <summary>A multi-instance activity would have more runs than <see cref="CrmBpmOptions.MaxMultiInstanceRuns"/>.</summary>
    public const string TooManyRuns = "too-many-runs";

    /// <summary>An incident stored before incidents carried codes (read from an older database).</summary>
    public const string Unknown = "unknown";

    /// <summary>The point cannot run as drawn (a kind this engine does not execute, a Merge without exactly one outgoing flow).</summary>
    public const string PointNotExecutable = "point-not-executable";

    /// <summary>A message wait's correlation key (an expression over the variables) failed or gave no key.</summary>
    public const string CorrelationKeyFailed = "correlation-key-failed";
}
