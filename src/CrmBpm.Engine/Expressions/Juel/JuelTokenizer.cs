using System.Text;

namespace CrmBpm.Engine.Expressions.Juel;

/// <summary>
/// Splits a JUEL text into tokens: literal text, and the tokens of each <c>${…}</c> or <c>#{…}</c> in it
/// (Expression Language 2.2, section 1.19). Word operators (<c>and</c>, <c>eq</c>, <c>div</c>, …) become the
/// tokens of their symbols; Expression Language 3.0 additions become <see cref="JuelTokenKind.Unsupported"/>.
/// </summary>
internal sealed class JuelTokenizer
{
    private static readonly Dictionary<string, JuelTokenKind> Words = new(StringComparer.Ordinal)
    {
        ["true"] = JuelTokenKind.True,
        ["false"] = JuelTokenKind.False,
        ["null"] = JuelTokenKind.Null,
        ["and"] = JuelTokenKind.And,
        ["or"] = JuelTokenKind.Or,
        ["not"] = JuelTokenKind.Not,
        ["eq"] = JuelTokenKind.Equal,
        ["ne"] = JuelTokenKind.NotEqual,
        ["lt"] = JuelTokenKind.Less,
        ["gt"] = JuelTokenKind.Greater,
        ["le"] = JuelTokenKind.LessOrEqual,
        ["ge"] = JuelTokenKind.GreaterOrEqual,
        ["div"] = JuelTokenKind.Divide,
        ["mod"] = JuelTokenKind.Modulo,
        ["empty"] = JuelTokenKind.Empty,
        ["instanceof"] = JuelTokenKind.Unsupported,
    };

    private readonly string _text;
    private readonly List<JuelToken> _tokens = [];
    private int _position;

    private JuelTokenizer(string text) => _text = text;

    /// <exception cref="JuelSyntaxException">A character or literal no JUEL token starts with.</exception>
    public static List<JuelToken> Tokenize(string text)
    {
        var tokenizer = new JuelTokenizer(text);
        tokenizer.Run();
        return tokenizer._tokens;
    }

    private void Run()
    {
        while (_position < _text.Length)
        {
            ReadText();
            if (_position >= _text.Length)
            {
                break;
            }

            var start = _position;
            _position += 2;
            Add(_text[start] == '$' ? JuelTokenKind.StartImmediate : JuelTokenKind.StartDeferred, _text.Substring(start, 2), start);
            ReadEvaluation();
        }

        Add(JuelTokenKind.EndOfInput, "", _position);
    }

    /// <summary>Literal text up to the next <c>${</c> or <c>#{</c>; <c>\${</c> and <c>\#{</c> stand for themselves.</summary>
    private void ReadText()
    {
        var start = _position;
        var text = new StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\\' && _position + 1 < _text.Length && _text[_position + 1] is '$' or '#')
            {
                text.Append(_text[_position + 1]);
                _position += 2;
                continue;
            }

            if (c is '$' or '#' && _position + 1 < _text.Length && _text[_position + 1] == '{')
            {
                break;
            }

            text.Append(c);
            _position++;
        }

        if (text.Length > 0)
        {
            Add(JuelTokenKind.Text, text.ToString(), start);
        }
    }

    private void ReadEvaluation()
    {
        while (true)
        {
            while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }

            if (_position >= _text.Length)
            {
                return; // the parser reports the missing '}'
            }

            var start = _position;
            var c = _text[_position];
            if (c == '}')
            {
                _position++;
                Add(JuelTokenKind.End, "}", start);
                return;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && _position + 1 < _text.Length && char.IsAsciiDigit(_text[_position + 1])))
            {
                ReadNumber();
            }
            else if (c is '\'' or '"')
            {
                ReadString(c);
            }
            else if (IsIdentifierStart(c))
            {
                while (_position < _text.Length && IsIdentifierPart(_text[_position]))
                {
                    _position++;
                }

                var word = _text[start.._position];
                Add(Words.GetValueOrDefault(word, JuelTokenKind.Identifier), word, start);
            }
            else
            {
                ReadSymbol(c, start);
            }
        }
    }

    private void ReadSymbol(char c, int start)
    {
        var next = _position + 1 < _text.Length ? _text[_position + 1] : '\0';
        var (kind, length) = (c, next) switch
        {
            ('=', '=') => (JuelTokenKind.Equal, 2),
            ('!', '=') => (JuelTokenKind.NotEqual, 2),
            ('<', '=') => (JuelTokenKind.LessOrEqual, 2),
            ('>', '=') => (JuelTokenKind.GreaterOrEqual, 2),
            ('&', '&') => (JuelTokenKind.And, 2),
            ('|', '|') => (JuelTokenKind.Or, 2),
            ('+', '=') => (JuelTokenKind.Unsupported, 2),
            ('-', '>') => (JuelTokenKind.Unsupported, 2),
            ('<', _) => (JuelTokenKind.Less, 1),
            ('>', _) => (JuelTokenKind.Greater, 1),
            ('!', _) => (JuelTokenKind.Not, 1),
            ('+', _) => (JuelTokenKind.Plus, 1),
            ('-', _) => (JuelTokenKind.Minus, 1),
            ('*', _) => (JuelTokenKind.Times, 1),
            ('/', _) => (JuelTokenKind.Divide, 1),
            ('%', _) => (JuelTokenKind.Modulo, 1),
            ('.', _) => (JuelTokenKind.Dot, 1),
            ('[', _) => (JuelTokenKind.OpenBracket, 1),
            (']', _) => (JuelTokenKind.CloseBracket, 1),
            ('(', _) => (JuelTokenKind.OpenParen, 1),
            (')', _) => (JuelTokenKind.CloseParen, 1),
            (',', _) => (JuelTokenKind.Comma, 1),
            ('?', _) => (JuelTokenKind.Question, 1),
            (':', _) => (JuelTokenKind.Colon, 1),
            ('=', _) or (';', _) or ('{', _) => (JuelTokenKind.Unsupported, 1),
            ('&', _) => throw new JuelSyntaxException($"a single '&' at column {start + 1} is not an operator; write && or and"),
            ('|', _) => throw new JuelSyntaxException($"a single '|' at column {start + 1} is not an operator; write || or or"),
            _ => throw new JuelSyntaxException($"the character '{c}' at column {start + 1} cannot appear in an expression"),
        };
        _position += length;
        Add(kind, _text.Substring(start, length), start);
    }

    /// <summary>Integer: digits. Floating: digits '.' digits? exponent? | '.' digits exponent? | digits exponent.</summary>
    private void ReadNumber()
    {
        var start = _position;
        var floating = false;
        SkipDigits();
        if (_position < _text.Length && _text[_position] == '.')
        {
            floating = true;
            _position++;
            SkipDigits();
        }

        if (_position < _text.Length && _text[_position] is 'e' or 'E')
        {
            var mark = _position;
            _position++;
            if (_position < _text.Length && _text[_position] is '+' or '-')
            {
                _position++;
            }

            if (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                floating = true;
                SkipDigits();
            }
            else
            {
                _position = mark; // 'e' starts the next token; the parser reports it
            }
        }

        Add(floating ? JuelTokenKind.Floating : JuelTokenKind.Integer, _text[start.._position], start);
    }

    private void SkipDigits()
    {
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }
    }

    /// <summary>A quoted string; inside, <c>\\</c>, <c>\'</c> and <c>\"</c> are the only escapes (section 1.3.1).</summary>
    private void ReadString(char quote)
    {
        var start = _position;
        var value = new StringBuilder();
        _position++;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new JuelSyntaxException($"the text starting at column {start + 1} has no closing {quote}");
            }

            var c = _text[_position];
            if (c == quote)
            {
                _position++;
                break;
            }

            if (c == '\\')
            {
                var escaped = _position + 1 < _text.Length ? _text[_position + 1] : '\0';
                if (escaped is not ('\\' or '\'' or '"'))
                {
                    throw new JuelSyntaxException($"'\\{(escaped == '\0' ? "" : escaped)}' at column {_position + 1} is not an escape; inside quotes only \\\\, \\' and \\\" are");
                }

                value.Append(escaped);
                _position += 2;
                continue;
            }

            value.Append(c);
            _position++;
        }

        Add(JuelTokenKind.String, value.ToString(), start);
    }

    // Java identifiers: letters, digits, '_' and '$' (section 1.19).
    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c is '_' or '$';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    private void Add(JuelTokenKind kind, string text, int index) => _tokens.Add(new JuelToken(kind, text, index + 1, _position - index));
}
