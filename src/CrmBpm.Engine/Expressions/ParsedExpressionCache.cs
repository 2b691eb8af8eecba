using System.Collections.Concurrent;

namespace CrmBpm.Engine.Expressions;

/// <summary>
/// Expressions of a language CrmBpm parses itself (JUEL, FEEL), parsed once per text: bounded, so that a stream of distinct
/// texts cannot grow it without end, and giving the reader's message when a text does not parse.
/// </summary>
/// <typeparam name="TNode">The parsed form.</typeparam>
/// <typeparam name="TSyntaxException">What the language's parser throws for a text it cannot read.</typeparam>
internal sealed class ParsedExpressionCache<TNode, TSyntaxException>(Func<string, TNode> parse)
    where TNode : class
    where TSyntaxException : Exception
{
    private const int MaxCached = 10_000;
    private readonly ConcurrentDictionary<string, TNode> _parsed = new(StringComparer.Ordinal);

    /// <summary>The parsed expression, or null with <paramref name="syntaxError"/> saying why it does not parse.</summary>
    public TNode? Parse(string expression, out string? syntaxError)
    {
        syntaxError = null;
        var text = expression.Trim();
        if (_parsed.TryGetValue(text, out var cached))
        {
            return cached;
        }

        try
        {
            var parsed = parse(text);
            if (_parsed.Count >= MaxCached)
            {
                _parsed.Clear();
            }

            _parsed.TryAdd(text, parsed);
            return parsed;
        }
        catch (TSyntaxException ex)
        {
            syntaxError = ex.Message;
            return null;
        }
        catch (InsufficientExecutionStackException)
        {
            syntaxError = "it nests too deep to read";
            return null;
        }
    }
}
