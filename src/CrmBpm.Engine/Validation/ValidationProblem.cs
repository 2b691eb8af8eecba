namespace CrmBpm.Engine.Validation;

/// <summary>
/// One thing wrong with a route map: a stable code, the point (or flow) concerned, a sentence a consultant understands
/// and whether it refuses publishing (<see cref="ValidationSeverity.Error"/>, the default) or only warns.
/// </summary>
public sealed record ValidationProblem(string Code, string? PointId, string Message, string? FlowId = null)
{
    /// <summary>Error (refuses publishing) or warning (shown, publishing goes ahead).</summary>
    public ValidationSeverity Severity { get; init; } = ValidationSeverity.Error;

    /// <summary>True for an error: a map with one cannot be published.</summary>
    public bool IsError => Severity == ValidationSeverity.Error;

    /// <summary>The same problem as a warning.</summary>
    public ValidationProblem AsWarning() => this with { Severity = ValidationSeverity.Warning };

    /// <inheritdoc />
    public override string ToString() =>
        (Severity == ValidationSeverity.Warning ? "warning: " : "") + (PointId is null ? Message : $"[{PointId}] {Message}");
}
