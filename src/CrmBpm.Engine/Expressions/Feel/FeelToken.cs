namespace CrmBpm.Engine.Expressions.Feel;

/// <summary>One token: its kind, its text (a string literal's value without quotes or escapes), its column (1-based, the <c>=</c> being column 1) and its length in the source.</summary>
internal readonly record struct FeelToken(FeelTokenKind Kind, string Text, int Column, int Length)
{
    public override string ToString() => Kind switch
    {
        FeelTokenKind.EndOfInput => "the end of the expression",
        FeelTokenKind.String => $"the text \"{Text}\"",
        _ => $"'{Text}'",
    };
}
