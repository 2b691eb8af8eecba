namespace CrmBpm.Engine.Validation;

/// <summary>
/// One thing wrong with a route map: a stable code, the point (or flow) concerned and a sentence a consultant understands.
/// </summary>
public sealed record ValidationProblem(string Code, string? PointId, string Message, string? FlowId = null)
{
    /// <inheritdoc />
    public override string ToString() => PointId is null ? Message : $"[{PointId}] {Message}";
}
