using System.Globalization;

namespace CrmBpm.Engine.Expressions.Feel;

/// <summary>
/// Recursive descent over the subset of FEEL (DMN 1.3, section 10.3.1.2) that Camunda 8 files write in conditions and
/// mappings, precedence from low to high: <c>if then else</c>, <c>or</c>, <c>and</c>, comparison (<c>= != &lt; &lt;= &gt; &gt;=</c>,
/// <c>between … and …</c>, <c>in …</c>), <c>+ -</c>, <c>* /</c>, unary <c>-</c>, then paths (<c>a.b</c>). What the subset
/// does not run (loops, quantifiers, contexts, filters, temporal values, functions outside <see cref="FeelFunctions"/>) is
/// refused here, so validation names it before anything runs.
/// </summary>
internal sealed class FeelParser
{
    private readonly List<FeelToken> _tokens;
    private int _next;
    private int _nesting;

    // While the high end of a range is read, a '[' closes the range (]1..10[) instead of filtering the end.
    private bool _readingRangeEnd;

    private FeelParser(List<FeelToken> tokens) => _tokens = tokens;

    /// <summary>Parses <paramref name="text"/>, which starts with <c>=</c> (blanks around trimmed).</summary>
    /// <exception cref="FeelSyntaxException">The text is not an expression CrmBpm can run; the message says why and where.</exception>
    public static FeelNode Parse(string text)
    {
        if (text.Length > FeelLimits.MaxLength)
        {
            throw new FeelSyntaxException($"it is {text.Length} characters long; expressions may have at most {FeelLimits.MaxLength}");
        }

        if (!text.StartsWith('='))
        {
            throw new FeelSyntaxException("a FEEL expression starts with '='");
        }

        var parser = new FeelParser(FeelTokenizer.Tokenize(text, 1));
        if (parser.Peek().Kind == FeelTokenKind.EndOfInput)
        {
            throw new FeelSyntaxException("there is nothing after the '='");
        }

        var node = parser.ParseExpression();
        var rest = parser.Peek();
        return rest.Kind == FeelTokenKind.EndOfInput ? node : throw Unexpected(rest, "an operator or the end of the expression");
    }

    private FeelNode ParseExpression()
    {
        Enter();
        var node = ParseBinary(ParseConjunction, FeelTokenKind.Or);
        _nesting--;
        return node;
    }

    private FeelNode ParseConjunction() => ParseBinary(ParseComparison, FeelTokenKind.And);

    private FeelNode ParseComparison()
    {
        var left = ParseAdditive();
        switch (Peek().Kind)
        {
            case FeelTokenKind.Equal or FeelTokenKind.NotEqual or FeelTokenKind.Less or FeelTokenKind.LessOrEqual or FeelTokenKind.Greater or FeelTokenKind.GreaterOrEqual:
                var op = Take().Kind;
                var right = ParseAdditive();
                return Checked(new FeelBinary(op, left, right, 1 + Math.Max(left.Depth, right.Depth)));
            case FeelTokenKind.Between:
                Take();
                var low = ParseAdditive();
                Expect(FeelTokenKind.And, "'and' of 'between … and …'");
                var high = ParseAdditive();
                return Checked(new FeelBetween(left, low, high, 1 + Math.Max(left.Depth, Math.Max(low.Depth, high.Depth))));
            case FeelTokenKind.In:
                Take();
                var tests = ParseTests();
                return Checked(new FeelIn(left, tests, 1 + Math.Max(left.Depth, tests.Max(t => t.Depth))));
            default:
                return left;
        }
    }

    /// <summary>After <c>in</c>: one test, or several in parentheses (<c>x in ("a", "b")</c>, <c>x in (&lt; 0, &gt; 100)</c>).</summary>
    private List<FeelTest> ParseTests()
    {
        if (Peek().Kind != FeelTokenKind.OpenParen || IsRangeAhead())
        {
            return [ParseTest()];
        }

        var open = Take();
        Enter();
        var tests = new List<FeelTest> { ParseTest() };
        while (Peek().Kind == FeelTokenKind.Comma)
        {
            Take();
            tests.Add(ParseTest());
        }

        Expect(FeelTokenKind.CloseParen, $"',' or ')' to close the '(' at column {open.Column}");
        _nesting--;
        return tests;
    }

    private FeelTest ParseTest()
    {
        if (Peek().Kind is FeelTokenKind.Equal or FeelTokenKind.NotEqual or FeelTokenKind.Less or FeelTokenKind.LessOrEqual or FeelTokenKind.Greater or FeelTokenKind.GreaterOrEqual)
        {
            var op = Take().Kind;
            return new FeelComparisonTest(op, ParseAdditive());
        }

        if (Peek().Kind is FeelTokenKind.OpenParen or FeelTokenKind.OpenBracket or FeelTokenKind.CloseBracket && IsRangeAhead())
        {
            var open = Take();
            var low = ParseAdditive();
            Expect(FeelTokenKind.DotDot, "'..' of the range");
            _readingRangeEnd = true;
            var high = ParseAdditive();
            _readingRangeEnd = false;
            var close = Take();
            if (close.Kind is not (FeelTokenKind.CloseBracket or FeelTokenKind.CloseParen or FeelTokenKind.OpenBracket))
            {
                throw Unexpected(close, $"']', ')' or '[' to close the range opened at column {open.Column}");
            }

            var range = new FeelRangeTest(low, open.Kind == FeelTokenKind.OpenBracket, high, close.Kind == FeelTokenKind.CloseBracket);
            return range.Depth > FeelLimits.MaxDepth ? throw TooDeep() : range;
        }

        return new FeelEqualsTest(ParseAdditive());
    }

    /// <summary>Whether the bracket at hand opens a range: a '..' comes before its matching bracket or a ','.</summary>
    private bool IsRangeAhead()
    {
        var nesting = 0;
        for (var i = _next; i < _tokens.Count; i++)
        {
            var kind = _tokens[i].Kind;
            if (i == _next || kind is FeelTokenKind.OpenParen or FeelTokenKind.OpenBracket)
            {
                nesting++;
                continue;
            }

            if (kind is FeelTokenKind.CloseParen or FeelTokenKind.CloseBracket)
            {
                if (--nesting == 0)
                {
                    return false;
                }
            }
            else if (nesting == 1 && kind == FeelTokenKind.DotDot)
            {
                return true;
            }
            else if ((nesting == 1 && kind == FeelTokenKind.Comma) || kind == FeelTokenKind.EndOfInput)
            {
                return false;
            }
        }

        return false;
    }

    private FeelNode ParseAdditive() => ParseBinary(ParseMultiplicative, FeelTokenKind.Plus, FeelTokenKind.Minus);

    private FeelNode ParseMultiplicative() => ParseBinary(ParseUnary, FeelTokenKind.Times, FeelTokenKind.Divide);

    /// <summary>Left-associative: <c>a - b - c</c> is <c>(a - b) - c</c>.</summary>
    private FeelNode ParseBinary(Func<FeelNode> operand, params ReadOnlySpan<FeelTokenKind> operators)
    {
        var left = operand();
        while (operators.Contains(Peek().Kind))
        {
            var op = Take().Kind;
            var right = operand();
            left = Checked(new FeelBinary(op, left, right, 1 + Math.Max(left.Depth, right.Depth)));
        }

        return left;
    }

    private FeelNode ParseUnary()
    {
        if (Peek().Kind == FeelTokenKind.Minus)
        {
            Take();
            Enter();
            var operand = ParseUnary();
            _nesting--;
            return Checked(new FeelNegation(operand, operand.Depth + 1));
        }

        return ParsePath();
    }

    /// <summary>A value followed by <c>.name</c> steps; <c>[…]</c> after a value (a filter or index) is not in the subset.</summary>
    private FeelNode ParsePath()
    {
        var node = ParsePrimary();
        while (true)
        {
            if (Peek().Kind == FeelTokenKind.Dot)
            {
                Take();
                var name = Take();
                if (name.Kind != FeelTokenKind.Name && !IsWord(name))
                {
                    throw Unexpected(name, "a name after '.'");
                }

                node = Checked(new FeelPath(node, name.Text, node.Depth + 1));
            }
            else if (Peek().Kind == FeelTokenKind.OpenBracket && !_readingRangeEnd)
            {
                throw new FeelSyntaxException($"'[' at column {Peek().Column} filters or indexes a list, which CrmBpm's FEEL does not run; use a variable holding the item, or list contains(list, item)");
            }
            else
            {
                return node;
            }
        }
    }

    private FeelNode ParsePrimary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case FeelTokenKind.Number:
                return new FeelLiteral(decimal.Parse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
            case FeelTokenKind.String:
                return new FeelLiteral(token.Text);
            case FeelTokenKind.True:
                return new FeelLiteral(true);
            case FeelTokenKind.False:
                return new FeelLiteral(false);
            case FeelTokenKind.Null:
                return new FeelLiteral(null);
            case FeelTokenKind.OpenParen:
                var inner = ParseExpression();
                Expect(FeelTokenKind.CloseParen, $"')' to close the '(' at column {token.Column}");
                return inner;
            case FeelTokenKind.OpenBracket:
                return ParseList(token);
            case FeelTokenKind.If:
                return ParseIf();
            case FeelTokenKind.Name:
                return ParseNameOrCall(token);
            default:
                throw Unexpected(token, "a value");
        }
    }

    private FeelNode ParseList(FeelToken open)
    {
        Enter();
        var items = new List<FeelNode>();
        if (Peek().Kind != FeelTokenKind.CloseBracket)
        {
            while (true)
            {
                items.Add(ParseExpression());
                if (Peek().Kind == FeelTokenKind.DotDot)
                {
                    throw new FeelSyntaxException($"the range at column {open.Column} stands alone; CrmBpm's FEEL runs ranges only after 'in' (x in [1..10])");
                }

                if (Peek().Kind != FeelTokenKind.Comma)
                {
                    break;
                }

                Take();
            }
        }

        Expect(FeelTokenKind.CloseBracket, $"',' or ']' to close the list opened at column {open.Column}");
        _nesting--;
        return Checked(new FeelList(items, 1 + (items.Count == 0 ? 0 : items.Max(i => i.Depth))));
    }

    private FeelIf ParseIf()
    {
        var condition = ParseExpression();
        Expect(FeelTokenKind.Then, "'then' of 'if … then … else …'");
        var whenTrue = ParseExpression();
        Expect(FeelTokenKind.Else, "'else' of 'if … then … else …'");
        var whenFalse = ParseExpression();
        return (FeelIf)Checked(new FeelIf(condition, whenTrue, whenFalse, 1 + Math.Max(condition.Depth, Math.Max(whenTrue.Depth, whenFalse.Depth))));
    }

    /// <summary>
    /// A variable, or a call: FEEL's function names may hold blanks (<c>string length(s)</c>), so the words before a '('
    /// are joined and looked up among <see cref="FeelFunctions"/>.
    /// </summary>
    private FeelNode ParseNameOrCall(FeelToken first)
    {
        var words = new List<string> { first.Text };
        var ahead = 0;
        while (Peek(ahead).Kind != FeelTokenKind.OpenParen && (Peek(ahead).Kind == FeelTokenKind.Name || IsWord(Peek(ahead))) && ahead < 4)
        {
            words.Add(Peek(ahead).Text);
            ahead++;
        }

        // "a and upper case(b)" read from "a" finds no function "a and upper case": "a" is a name, and the call is read after "and".
        if (Peek(ahead).Kind == FeelTokenKind.OpenParen && (words.Count == 1 || FeelFunctions.Exists(string.Join(' ', words))))
        {
            _next += ahead;
            return ParseCall(string.Join(' ', words), first.Column);
        }

        return new FeelName(first.Text);
    }

    private FeelCall ParseCall(string name, int column)
    {
        var open = Expect(FeelTokenKind.OpenParen, "'('");
        Enter();
        var arguments = new List<FeelNode>();
        if (Peek().Kind != FeelTokenKind.CloseParen)
        {
            while (true)
            {
                arguments.Add(ParseExpression());
                if (Peek().Kind != FeelTokenKind.Comma)
                {
                    break;
                }

                Take();
            }
        }

        Expect(FeelTokenKind.CloseParen, $"',' or ')' to close the arguments of {name}( at column {open.Column}");
        _nesting--;
        if (!FeelFunctions.Exists(name))
        {
            throw new FeelSyntaxException($"'{name}(…)' at column {column} calls a function CrmBpm's FEEL does not have; it has {FeelFunctions.Described}");
        }

        if (!FeelFunctions.Accepts(name, arguments.Count))
        {
            throw new FeelSyntaxException($"'{name}(…)' at column {column} is given {arguments.Count} argument(s); {FeelFunctions.Signature(name)}");
        }

        return (FeelCall)Checked(new FeelCall(name, arguments, 1 + (arguments.Count == 0 ? 0 : arguments.Max(a => a.Depth))));
    }

    /// <summary>Keywords that are also words of function names (<c>get or else</c>) or of a path (<c>a.in</c>).</summary>
    private static bool IsWord(FeelToken token) => token.Kind is FeelTokenKind.And or FeelTokenKind.Or or FeelTokenKind.In or FeelTokenKind.Then
        or FeelTokenKind.Else or FeelTokenKind.If or FeelTokenKind.Between or FeelTokenKind.True or FeelTokenKind.False or FeelTokenKind.Null;

    private FeelToken Peek(int ahead = 0) => _tokens[Math.Min(_next + ahead, _tokens.Count - 1)];

    private FeelToken Take()
    {
        var token = Peek();
        _next = Math.Min(_next + 1, _tokens.Count - 1);
        return token;
    }

    private FeelToken Expect(FeelTokenKind kind, string what)
    {
        var token = Take();
        return token.Kind == kind ? token : throw Unexpected(token, what);
    }

    private static FeelSyntaxException Unexpected(FeelToken token, string expected) => token.Kind switch
    {
        FeelTokenKind.Unsupported => new FeelSyntaxException(
            $"'{token.Text}' at column {token.Column} is FEEL that CrmBpm does not run (loops, some/every, functions defined in the expression, "
            + "instance of, contexts {…}, temporal literals @\"…\", ':' or '**'); CrmBpm runs comparisons, and/or/not(), arithmetic, "
            + "between, in, if/then/else, lists and a few built-in functions"),
        FeelTokenKind.EndOfInput => new FeelSyntaxException($"it ends where {expected} is expected"),
        _ => new FeelSyntaxException($"{expected} is expected at column {token.Column}, not {token}"),
    };

    private void Enter()
    {
        if (++_nesting > FeelLimits.MaxDepth)
        {
            throw TooDeep();
        }
    }

    private static FeelNode Checked(FeelNode node) => node.Depth > FeelLimits.MaxDepth ? throw TooDeep() : node;

    private static FeelSyntaxException TooDeep() =>
        new($"it nests deeper than {FeelLimits.MaxDepth} levels (parentheses, operators, lists and arguments); split it into simpler conditions");
}
