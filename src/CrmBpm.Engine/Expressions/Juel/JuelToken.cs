namespace CrmBpm.Engine.Expressions.Juel;

/// <summary>One token: its kind, its text (a string literal's value without quotes or escapes), its column (1-based) and its length in the source.</summary>
internal readonly record struct JuelToken(JuelTokenKind Kind, string Text, int Column, int Length)
{
    public override string ToString() => Kind switch
    {
        JuelTokenKind.EndOfInput => "the end of the expression",
        JuelTokenKind.End => "'}'",
        JuelTokenKind.String => $"the text '{Text}'",
        JuelTokenKind.Text => "literal text",
        _ => $"'{Text}'",
    };
}
