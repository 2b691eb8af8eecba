namespace CrmBpm.Server.Administration;

/// <summary>A CSV text that cannot be read: the line where reading stopped and why. The only exception <see cref="CsvReader"/> throws.</summary>
public sealed class CsvFormatException(int line, string reason) : FormatException($"line {line}: {reason}")
{
    /// <summary>The 1-based line of the file where the problem is.</summary>
    public int Line { get; } = line;

    /// <summary>What is wrong, without the line.</summary>
    public string Reason { get; } = reason;
}
