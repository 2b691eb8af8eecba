namespace CrmBpm.Engine.Jobs;

/// <summary>How one run of a handler ended, decided outside any transaction and recorded by the next command.</summary>
internal abstract record JobOutcome
{
    private JobOutcome()
    {
    }

    /// <summary>The handler returned these variables.</summary>
    public sealed record Succeeded(IReadOnlyDictionary<string, System.Text.Json.JsonElement> Variables) : JobOutcome;

    /// <summary>
    /// The run failed (an exception, the timeout): retried while the step's retries last, then an incident with
    /// <paramref name="IncidentCode"/> (that of the last run).
    /// </summary>
    public sealed record Failed(string IncidentCode, string Message) : JobOutcome;

    /// <summary>The handler threw a business error: caught by the step's error boundary, else an incident naming the code; never retried.</summary>
    public sealed record BusinessError(string Code, string Message) : JobOutcome;

    /// <summary>Trying again cannot help (no such handler, a business error): an incident with <paramref name="IncidentCode"/> at once.</summary>
    public sealed record Stuck(string IncidentCode, string Message) : JobOutcome;
}
