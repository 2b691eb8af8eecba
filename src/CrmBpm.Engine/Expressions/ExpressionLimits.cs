namespace CrmBpm.Engine.Expressions;

/// <summary>Sandbox limits for one expression evaluation.</summary>
public sealed class ExpressionLimits
{
    /// <summary>Maximum statements executed.</summary>
    public int MaxStatements { get; set; } = 10_000;

    /// <summary>Wall-clock limit; it also bounds a single regular-expression match.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Maximum bytes allocated by the script. The engine samples this between statements, so builtins that could allocate
    /// a lot in one call are capped up front by <see cref="MaxStringLength"/> and <see cref="MaxArrayLength"/>.
    /// </summary>
    public long MemoryBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Maximum call depth.</summary>
    public int MaxRecursion { get; set; } = 64;

    /// <summary>Longest string a builtin may build in one call (repeat, padStart/padEnd, join, replace, JSON.stringify).</summary>
    public int MaxStringLength { get; set; } = 1_000_000;

    /// <summary>Longest array a script may build.</summary>
    public int MaxArrayLength { get; set; } = 100_000;
}
