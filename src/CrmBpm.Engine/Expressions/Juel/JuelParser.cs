using System.Globalization;

namespace CrmBpm.Engine.Expressions.Juel;

/// <summary>
/// Recursive descent over the grammar of Expression Language 2.2 as JUEL implements it (section 1.20), precedence from
/// low to high: <c>?:</c>, <c>|| or</c>, <c>&amp;&amp; and</c>, <c>== != eq ne</c>, <c>&lt; &gt; &lt;= &gt;= lt gt le ge</c>,
/// <c>+ -</c>, <c>* / div % mod</c>, unary <c>- ! not empty</c>, then <c>. []</c> and calls. What would call into Java
/// (functions, methods outside <see cref="JuelMethods"/>, the execution object beyond <c>getVariable</c>) is refused
/// here, so validation names it before anything runs.
/// </summary>
internal sealed class JuelParser
{
    private readonly string _source;
    private readonly List<JuelToken> _tokens;
    private int _next;
    private int _nesting;

    private JuelParser(string source, List<JuelToken> tokens)
    {
        _source = source;
        _tokens = tokens;
    }

    /// <exception cref="JuelSyntaxException">The text is not an expression CrmBpm can run; the message says why and where.</exception>
    public static JuelExpression Parse(string text)
    {
        if (text.Length > JuelLimits.MaxLength)
        {
            throw new JuelSyntaxException($"it is {text.Length} characters long; expressions may have at most {JuelLimits.MaxLength}");
        }

        var parser = new JuelParser(text, JuelTokenizer.Tokenize(text));
        return parser.ParseComposite();
    }

    /// <summary>Literal text and evaluations in any order (section 1.2.1.1); <c>${</c> and <c>#{</c> cannot be mixed.</summary>
    private JuelExpression ParseComposite()
    {
        var parts = new List<object>();
        JuelTokenKind? kind = null;
        while (true)
        {
            var token = Take();
            switch (token.Kind)
            {
                case JuelTokenKind.Text:
                    parts.Add(token.Text);
                    break;
                case JuelTokenKind.StartImmediate or JuelTokenKind.StartDeferred:
                    if (kind is { } first && first != token.Kind)
                    {
                        throw new JuelSyntaxException($"'{token.Text}' at column {token.Column} mixes ${{…}} and #{{…}} in one expression, which JUEL does not allow");
                    }

                    kind = token.Kind;
                    if (Peek().Kind == JuelTokenKind.End)
                    {
                        throw new JuelSyntaxException($"the {token.Text}…}} at column {token.Column} is empty");
                    }

                    parts.Add(ParseExpression());
                    Expect(JuelTokenKind.End, $"'}}' to close the {token.Text} at column {token.Column}");
                    break;
                case JuelTokenKind.EndOfInput:
                    return new JuelExpression(parts);
                default:
                    throw Unexpected(token, "text or ${");
            }
        }
    }

    private JuelNode ParseExpression()
    {
        Enter();
        var node = ParseOr();
        if (Peek().Kind == JuelTokenKind.Question)
        {
            Take();
            var whenTrue = ParseExpression();
            Expect(JuelTokenKind.Colon, "':' of the ? :");
            var whenFalse = ParseExpression();
            node = Checked(new JuelChoice(node, whenTrue, whenFalse, 1 + Math.Max(node.Depth, Math.Max(whenTrue.Depth, whenFalse.Depth))));
        }

        _nesting--;
        return node;
    }

    private JuelNode ParseOr() => ParseBinary(ParseAnd, JuelTokenKind.Or);

    private JuelNode ParseAnd() => ParseBinary(ParseEquality, JuelTokenKind.And);

    private JuelNode ParseEquality() => ParseBinary(ParseRelational, JuelTokenKind.Equal, JuelTokenKind.NotEqual);

    private JuelNode ParseRelational() => ParseBinary(ParseAdditive, JuelTokenKind.Less, JuelTokenKind.Greater, JuelTokenKind.LessOrEqual, JuelTokenKind.GreaterOrEqual);

    private JuelNode ParseAdditive() => ParseBinary(ParseMultiplicative, JuelTokenKind.Plus, JuelTokenKind.Minus);

    private JuelNode ParseMultiplicative() => ParseBinary(ParseUnary, JuelTokenKind.Times, JuelTokenKind.Divide, JuelTokenKind.Modulo);

    /// <summary>Left-associative: <c>a - b - c</c> is <c>(a - b) - c</c>.</summary>
    private JuelNode ParseBinary(Func<JuelNode> operand, params ReadOnlySpan<JuelTokenKind> operators)
    {
        var left = operand();
        while (operators.Contains(Peek().Kind))
        {
            var op = Take().Kind;
            var right = operand();
            left = Checked(new JuelBinary(op, left, right, 1 + Math.Max(left.Depth, right.Depth)));
        }

        return left;
    }

    private JuelNode ParseUnary()
    {
        if (Peek().Kind is JuelTokenKind.Minus or JuelTokenKind.Not or JuelTokenKind.Empty)
        {
            var op = Take().Kind;
            Enter();
            var operand = ParseUnary();
            _nesting--;
            return Checked(new JuelUnary(op, operand, operand.Depth + 1));
        }

        return ParseValue();
    }

    /// <summary>A base value followed by <c>.name</c>, <c>[key]</c> and method calls.</summary>
    private JuelNode ParseValue()
    {
        var start = Peek().Column;
        var node = ParseBase();
        while (true)
        {
            if (Peek().Kind == JuelTokenKind.Dot)
            {
                Take();
                var name = Expect(JuelTokenKind.Identifier, "a property or method name after '.'");
                if (Peek().Kind == JuelTokenKind.OpenParen)
                {
                    node = Call(node, name, ParseArguments(), start);
                    continue;
                }

                if (node is JuelIdentifier { Name: "execution" })
                {
                    throw ExecutionObject(start, $"execution.{name.Text}");
                }

                node = Checked(new JuelProperty(node, new JuelLiteral(name.Text), SourceFrom(start), node.Depth + 1));
            }
            else if (Peek().Kind == JuelTokenKind.OpenBracket)
            {
                Take();
                var key = ParseExpression();
                Expect(JuelTokenKind.CloseBracket, "']'");
                if (Peek().Kind == JuelTokenKind.OpenParen)
                {
                    throw new JuelSyntaxException($"'{SourceFrom(start)}(…)' at column {start} calls a method chosen by a computed name, which CrmBpm cannot run");
                }

                if (node is JuelIdentifier { Name: "execution" })
                {
                    throw ExecutionObject(start, SourceFrom(start));
                }

                node = Checked(new JuelProperty(node, key, SourceFrom(start), 1 + Math.Max(node.Depth, key.Depth)));
            }
            else
            {
                if (node is JuelIdentifier { Name: "execution" } execution)
                {
                    throw ExecutionObject(execution.Column, "execution");
                }

                return node;
            }
        }
    }

    private JuelNode Call(JuelNode target, JuelToken name, List<JuelNode> arguments, int start)
    {
        var text = SourceFrom(start);
        var depth = 1 + Math.Max(target.Depth, arguments.Count == 0 ? 0 : arguments.Max(a => a.Depth));
        if (target is JuelIdentifier { Name: "execution" })
        {
            // Camunda's and Flowable's variable reads; the execution object itself is not there to call.
            if (name.Text is "getVariable" or "getVariableLocal" && arguments.Count == 1)
            {
                return Checked(new JuelVariableRead(arguments[0], depth));
            }

            throw ExecutionObject(start, text);
        }

        if (!JuelMethods.IsAvailable(name.Text, arguments.Count))
        {
            throw new JuelSyntaxException(
                $"'{text}' at column {start} calls the Java method {name.Text}() with {arguments.Count} argument(s), which CrmBpm cannot run; "
                + $"expressions may call only {JuelMethods.Described} on values and execution.getVariable('name')");
        }

        return Checked(new JuelMethodCall(target, name.Text, arguments, text, depth));
    }

    private static JuelSyntaxException ExecutionObject(int column, string text) =>
        new($"'{text}' at column {column} uses Camunda's execution object, which CrmBpm does not have; "
            + "read variables by their names or with execution.getVariable('name')");

    private List<JuelNode> ParseArguments()
    {
        Expect(JuelTokenKind.OpenParen, "'('");
        var arguments = new List<JuelNode>();
        if (Peek().Kind == JuelTokenKind.CloseParen)
        {
            Take();
            return arguments;
        }

        while (true)
        {
            arguments.Add(ParseExpression());
            if (Peek().Kind == JuelTokenKind.Comma)
            {
                Take();
                continue;
            }

            Expect(JuelTokenKind.CloseParen, "',' or ')' in the arguments");
            return arguments;
        }
    }

    private JuelNode ParseBase()
    {
        var token = Take();
        switch (token.Kind)
        {
            case JuelTokenKind.Integer:
                return long.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var integer)
                    ? new JuelLiteral(integer)
                    : throw new JuelSyntaxException($"the integer {token.Text} at column {token.Column} is larger than JUEL's integers (64 bits); write it as {token.Text}.0");
            case JuelTokenKind.Floating:
                return new JuelLiteral(double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
            case JuelTokenKind.String:
                return new JuelLiteral(token.Text);
            case JuelTokenKind.True:
                return new JuelLiteral(true);
            case JuelTokenKind.False:
                return new JuelLiteral(false);
            case JuelTokenKind.Null:
                return new JuelLiteral(null);
            case JuelTokenKind.OpenParen:
                var inner = ParseExpression();
                Expect(JuelTokenKind.CloseParen, $"')' to close the '(' at column {token.Column}");
                return inner;
            case JuelTokenKind.Identifier:
                if (Peek().Kind == JuelTokenKind.OpenParen
                    || (Peek().Kind == JuelTokenKind.Colon && Peek(1).Kind == JuelTokenKind.Identifier && Peek(2).Kind == JuelTokenKind.OpenParen))
                {
                    var name = Peek().Kind == JuelTokenKind.Colon ? $"{token.Text}:{Peek(1).Text}" : token.Text;
                    throw new JuelSyntaxException($"'{name}(…)' at column {token.Column} calls a function; CrmBpm provides no functions in JUEL expressions");
                }

                return new JuelIdentifier(token.Text, token.Column);
            default:
                throw Unexpected(token, "a value");
        }
    }

    private JuelToken Peek(int ahead = 0) => _tokens[Math.Min(_next + ahead, _tokens.Count - 1)];

    private JuelToken Take()
    {
        var token = Peek();
        _next = Math.Min(_next + 1, _tokens.Count - 1);
        return token;
    }

    private JuelToken Expect(JuelTokenKind kind, string what)
    {
        var token = Take();
        return token.Kind == kind ? token : throw Unexpected(token, what);
    }

    private static JuelSyntaxException Unexpected(JuelToken token, string expected) => token.Kind switch
    {
        JuelTokenKind.Unsupported => new JuelSyntaxException(
            $"'{token.Text}' at column {token.Column} is Expression Language 3.0 syntax (assignment, ';', '+=', lambda, collection or instanceof), which Camunda 7 and Flowable do not run either"),
        JuelTokenKind.EndOfInput => new JuelSyntaxException($"it ends where {expected} is expected"),
        _ => new JuelSyntaxException($"{expected} is expected at column {token.Column}, not {token}"),
    };

    /// <summary>The source text from <paramref name="column"/> to the end of the last token read.</summary>
    private string SourceFrom(int column)
    {
        var last = _tokens[Math.Max(_next - 1, 0)];
        return _source[(column - 1)..(last.Column - 1 + last.Length)];
    }

    private void Enter()
    {
        if (++_nesting > JuelLimits.MaxDepth)
        {
            throw TooDeep();
        }
    }

    private static JuelNode Checked(JuelNode node) => node.Depth > JuelLimits.MaxDepth ? throw TooDeep() : node;

    private static JuelSyntaxException TooDeep() =>
        new($"it nests deeper than {JuelLimits.MaxDepth} levels (parentheses, operators and arguments); split it into simpler conditions");
}
