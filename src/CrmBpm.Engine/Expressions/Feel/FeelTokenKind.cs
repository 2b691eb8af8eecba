namespace CrmBpm.Engine.Expressions.Feel;

/// <summary>The kinds of token in a FEEL expression of the subset CrmBpm runs.</summary>
internal enum FeelTokenKind
{
    EndOfInput,
    Number,
    String,
    Name,
    True,
    False,
    Null,
    And,
    Or,
    If,
    Then,
    Else,
    Between,
    In,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Plus,
    Minus,
    Times,
    Divide,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    Dot,
    DotDot,

    /// <summary>FEEL that CrmBpm does not run (<c>for</c>, <c>some</c>, <c>every</c>, <c>function</c>, <c>instance of</c>, contexts, temporal literals, <c>**</c>).</summary>
    Unsupported,
}
