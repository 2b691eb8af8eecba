namespace CrmBpm.Engine.Expressions.Juel;

/// <summary>
/// A parsed JUEL text: literal text (strings) and evaluations (<see cref="JuelNode"/>s) in order. One evaluation alone
/// gives its value as it is; anything else gives the parts coerced to text and joined (section 1.2.1.1).
/// </summary>
internal sealed class JuelExpression(IReadOnlyList<object> parts)
{
    /// <summary>Literal texts (<see cref="string"/>) and evaluations (<see cref="JuelNode"/>).</summary>
    public IReadOnlyList<object> Parts { get; } = parts;
}
