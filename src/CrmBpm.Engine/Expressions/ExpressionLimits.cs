namespace CrmBpm.Engine.Expressions;

/// <summary>Sandbox limits for one expression evaluation.</summary>
public sealed class ExpressionLimits
{
    /// <summary>Maximum statements executed.</summary>
    public int MaxStatements { get; set; } = 10_000;

    /// <summary>Wall-clock limit.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Maximum bytes allocated by the script.</summary>
    public long MemoryBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Maximum call depth.</summary>
    public int MaxRecursion { get; set; } = 64;
}
