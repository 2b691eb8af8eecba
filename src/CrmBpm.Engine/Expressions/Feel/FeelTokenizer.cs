using System.Globalization;
using System.Text;

namespace CrmBpm.Engine.Expressions.Feel;

/// <summary>
/// Splits the FEEL text after the leading <c>=</c> into tokens (DMN 1.3, section 10.3.1.2, grammar rules 1–66, for the
/// subset CrmBpm runs). Keywords of FEEL that the subset does not run become <see cref="FeelTokenKind.Unsupported"/>, so
/// the parser can say what they are. Multi-word names (<c>string length</c>, <c>starts with</c>) stay separate words;
/// the parser joins them where a function is called.
/// </summary>
internal sealed class FeelTokenizer
{
    private static readonly Dictionary<string, FeelTokenKind> Words = new(StringComparer.Ordinal)
    {
        ["true"] = FeelTokenKind.True,
        ["false"] = FeelTokenKind.False,
        ["null"] = FeelTokenKind.Null,
        ["and"] = FeelTokenKind.And,
        ["or"] = FeelTokenKind.Or,
        ["if"] = FeelTokenKind.If,
        ["then"] = FeelTokenKind.Then,
        ["else"] = FeelTokenKind.Else,
        ["between"] = FeelTokenKind.Between,
        ["in"] = FeelTokenKind.In,
        ["for"] = FeelTokenKind.Unsupported,
        ["return"] = FeelTokenKind.Unsupported,
        ["some"] = FeelTokenKind.Unsupported,
        ["every"] = FeelTokenKind.Unsupported,
        ["satisfies"] = FeelTokenKind.Unsupported,
        ["function"] = FeelTokenKind.Unsupported,
        ["instance"] = FeelTokenKind.Unsupported,
    };

    private readonly string _text;
    private readonly List<FeelToken> _tokens = [];
    private int _position;

    private FeelTokenizer(string text, int start)
    {
        _text = text;
        _position = start;
    }

    /// <summary>Tokens of <paramref name="text"/> from <paramref name="start"/> on; columns count from the text's start.</summary>
    /// <exception cref="FeelSyntaxException">A character or literal no FEEL token starts with.</exception>
    public static List<FeelToken> Tokenize(string text, int start)
    {
        var tokenizer = new FeelTokenizer(text, start);
        tokenizer.Run();
        return tokenizer._tokens;
    }

    private void Run()
    {
        while (true)
        {
            SkipBlanksAndComments();
            if (_position >= _text.Length)
            {
                Add(FeelTokenKind.EndOfInput, "", _position);
                return;
            }

            var start = _position;
            var c = _text[_position];
            if (char.IsAsciiDigit(c) || (c == '.' && Next(1) is >= '0' and <= '9'))
            {
                ReadNumber();
            }
            else if (c == '"')
            {
                ReadString();
            }
            else if (IsNameStart(c))
            {
                while (_position < _text.Length && IsNamePart(_text[_position]))
                {
                    _position++;
                }

                var word = _text[start.._position];
                Add(Words.GetValueOrDefault(word, FeelTokenKind.Name), word, start);
            }
            else
            {
                ReadSymbol(c, start);
            }
        }
    }

    private void SkipBlanksAndComments()
    {
        while (_position < _text.Length)
        {
            if (char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }
            else if (_text[_position] == '/' && Next(1) == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (_text[_position] == '/' && Next(1) == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                _position = end < 0 ? throw new FeelSyntaxException($"the comment at column {_position + 1} has no closing */") : end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private void ReadSymbol(char c, int start)
    {
        var next = Next(1);
        var (kind, length) = (c, next) switch
        {
            ('!', '=') => (FeelTokenKind.NotEqual, 2),
            ('<', '=') => (FeelTokenKind.LessOrEqual, 2),
            ('>', '=') => (FeelTokenKind.GreaterOrEqual, 2),
            ('.', '.') => (FeelTokenKind.DotDot, 2),
            ('*', '*') => (FeelTokenKind.Unsupported, 2),
            ('=', _) => (FeelTokenKind.Equal, 1),
            ('<', _) => (FeelTokenKind.Less, 1),
            ('>', _) => (FeelTokenKind.Greater, 1),
            ('+', _) => (FeelTokenKind.Plus, 1),
            ('-', _) => (FeelTokenKind.Minus, 1),
            ('*', _) => (FeelTokenKind.Times, 1),
            ('/', _) => (FeelTokenKind.Divide, 1),
            ('(', _) => (FeelTokenKind.OpenParen, 1),
            (')', _) => (FeelTokenKind.CloseParen, 1),
            ('[', _) => (FeelTokenKind.OpenBracket, 1),
            (']', _) => (FeelTokenKind.CloseBracket, 1),
            (',', _) => (FeelTokenKind.Comma, 1),
            ('.', _) => (FeelTokenKind.Dot, 1),
            ('{' or '}' or '@' or ':', _) => (FeelTokenKind.Unsupported, 1),
            ('\'', _) => throw new FeelSyntaxException($"the ' at column {start + 1} starts no FEEL text: texts in FEEL are written in double quotes (\"approved\")"),
            ('!', _) => throw new FeelSyntaxException($"the '!' at column {start + 1} is not FEEL: write not(x) to negate and != for 'not equal'"),
            ('&' or '|', _) => throw new FeelSyntaxException($"'{c}' at column {start + 1} is not FEEL: write 'and' and 'or'"),
            _ => throw new FeelSyntaxException($"the character '{c}' at column {start + 1} cannot appear in a FEEL expression"),
        };
        _position += length;
        Add(kind, _text.Substring(start, length), start);
    }

    /// <summary>Digits, optionally a '.' and more digits; FEEL has no exponent in number literals.</summary>
    private void ReadNumber()
    {
        var start = _position;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        // "1..10" is a range: the '.' after 1 starts '..', not a fraction.
        if (_position < _text.Length && _text[_position] == '.' && Next(1) != '.')
        {
            _position++;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
            }
        }

        var text = _text[start.._position];
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            throw new FeelSyntaxException($"the number {text} at column {start + 1} is out of the range of numbers CrmBpm keeps (28 digits)");
        }

        Add(FeelTokenKind.Number, text, start);
    }

    /// <summary>A double-quoted text with the escapes <c>\" \\ \n \r \t \uXXXX</c>.</summary>
    private void ReadString()
    {
        var start = _position++;
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new FeelSyntaxException($"the text starting at column {start + 1} has no closing \"");
            }

            var c = _text[_position++];
            if (c == '"')
            {
                break;
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            var escape = _position < _text.Length ? _text[_position++] : '\0';
            switch (escape)
            {
                case '"' or '\\' or '\'':
                    value.Append(escape);
                    break;
                case 'n':
                    value.Append('\n');
                    break;
                case 'r':
                    value.Append('\r');
                    break;
                case 't':
                    value.Append('\t');
                    break;
                case 'u' when _position + 4 <= _text.Length
                    && int.TryParse(_text.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    value.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw new FeelSyntaxException($"'\\{escape}' at column {_position - 1} is not an escape FEEL knows (\\\" \\\\ \\n \\r \\t \\uXXXX)");
            }
        }

        _tokens.Add(new FeelToken(FeelTokenKind.String, value.ToString(), start + 1, _position - start));
    }

    private char Next(int ahead) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private void Add(FeelTokenKind kind, string text, int start) =>
        _tokens.Add(new FeelToken(kind, text, start + 1, Math.Max(_position - start, text.Length)));

    private static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or '?' or '$';

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c is '_' or '?' or '$';
}
