namespace CrmBpm.Engine.Expressions.Juel;

/// <summary>What a <see cref="JuelToken"/> is. Word operators (<c>and</c>, <c>eq</c>, …) get the kind of their symbol.</summary>
internal enum JuelTokenKind
{
    /// <summary>Text outside <c>${…}</c>, with <c>\${</c> already turned into <c>${</c>.</summary>
    Text,

    /// <summary><c>${</c>, an immediate evaluation.</summary>
    StartImmediate,

    /// <summary><c>#{</c>, a deferred evaluation (evaluated the same way here).</summary>
    StartDeferred,

    /// <summary>The <c>}</c> that ends an evaluation.</summary>
    End,

    Identifier,
    Integer,
    Floating,
    String,
    True,
    False,
    Null,

    Dot,
    OpenBracket,
    CloseBracket,
    OpenParen,
    CloseParen,
    Comma,
    Question,
    Colon,

    Plus,
    Minus,
    Times,
    Divide,
    Modulo,
    Equal,
    NotEqual,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    And,
    Or,
    Not,
    Empty,

    /// <summary>Expression Language 3.0 syntax (<c>=</c>, <c>+=</c>, <c>;</c>, <c>-></c>, <c>{</c>, <c>instanceof</c>) that JUEL 2.2 does not run.</summary>
    Unsupported,

    EndOfInput,
}
