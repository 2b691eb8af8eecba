using CrmBpm.Engine.Expressions;

namespace CrmBpm.Engine;

/// <summary>Engine settings; validated when the engine is first resolved.</summary>
public sealed class CrmBpmOptions
{
    /// <summary>Sandbox limits for expressions.</summary>
    public ExpressionLimits Expressions { get; } = new();

    /// <summary>How often a command is retried when another command changed the same instance first.</summary>
    public int MaxConcurrencyRetries { get; set; } = 20;

    /// <summary>Points a command may pass without any token waiting; more means an endless loop of gateways and becomes an incident.</summary>
    public int MaxStepsPerCommand { get; set; } = 10_000;

    /// <summary>Tokens one instance may hold at once; a Split that would pass this becomes an incident (a map looping through a Split).</summary>
    public int MaxTokensPerInstance { get; set; } = 1_000;

    /// <summary>
    /// Runs one multi-instance activity may have (items of its list, or its loop cardinality); more becomes an incident
    /// before anything starts, so a list or a count gone wrong cannot create a million tasks or child instances in one command.
    /// </summary>
    public int MaxMultiInstanceRuns { get; set; } = 1_000;

    /// <summary>How deep nested processes may go.</summary>
    public int MaxNestingDepth { get; set; } = 16;

    /// <summary>Largest variable, as UTF-8 JSON text; larger ones are refused wherever variables are set.</summary>
    public int MaxVariableBytes { get; set; } = 256 * 1024;

    /// <summary>Largest total of an instance's variables (names and JSON text).</summary>
    public int MaxInstanceVariablesBytes { get; set; } = 1024 * 1024;

    /// <summary>How deep arrays and objects may nest inside one variable.</summary>
    public int MaxVariableDepth { get; set; } = 32;

    /// <summary>Run the background timer service (deadlines, reminders).</summary>
    public bool RunTimers { get; set; } = true;

    /// <summary>How often the timer service looks for due timers.</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a leased timer belongs to this node before other nodes may take it.</summary>
    public TimeSpan TimerLeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timers leased per poll.</summary>
    public int TimerBatchSize { get; set; } = 100;

    /// <summary>The time zone cron expressions of timer start events are read in (<c>0 9 * * MON-FRI</c>: 9 o'clock there); UTC by default.</summary>
    public TimeZoneInfo ScheduleTimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>Identifies this node in timer leases.</summary>
    public string NodeId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Problems with the settings; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxConcurrencyRetries < 0) problems.Add("MaxConcurrencyRetries must be 0 or more.");
        if (MaxStepsPerCommand < 10) problems.Add("MaxStepsPerCommand must be at least 10.");
        if (MaxTokensPerInstance < 2) problems.Add("MaxTokensPerInstance must be at least 2.");
        if (MaxMultiInstanceRuns < 1) problems.Add("MaxMultiInstanceRuns must be at least 1.");
        if (MaxNestingDepth < 1) problems.Add("MaxNestingDepth must be at least 1.");
        if (TimerPollInterval <= TimeSpan.Zero) problems.Add("TimerPollInterval must be positive.");
        if (TimerLeaseDuration <= TimeSpan.Zero) problems.Add("TimerLeaseDuration must be positive.");
        if (TimerBatchSize < 1) problems.Add("TimerBatchSize must be at least 1.");
        if (string.IsNullOrWhiteSpace(NodeId)) problems.Add("NodeId must not be empty.");
        if (MaxVariableBytes < 1024) problems.Add("MaxVariableBytes must be at least 1 KB.");
        if (MaxInstanceVariablesBytes < MaxVariableBytes) problems.Add("MaxInstanceVariablesBytes must be at least MaxVariableBytes.");
        if (MaxVariableDepth < 1) problems.Add("MaxVariableDepth must be at least 1.");
        if (Expressions.MaxStatements < 1) problems.Add("Expressions.MaxStatements must be at least 1.");
        if (Expressions.Timeout <= TimeSpan.Zero) problems.Add("Expressions.Timeout must be positive.");
        if (Expressions.MemoryBytes < 1024 * 1024) problems.Add("Expressions.MemoryBytes must be at least 1 MB.");
        if (Expressions.MaxRecursion < 1) problems.Add("Expressions.MaxRecursion must be at least 1.");
        if (Expressions.MaxStringLength < 1024) problems.Add("Expressions.MaxStringLength must be at least 1024.");
        if (Expressions.MaxArrayLength < 1024) problems.Add("Expressions.MaxArrayLength must be at least 1024.");
        return problems;
    }
}
