using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Acornima;
using Acornima.Ast;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace CrmBpm.Engine.Expressions;

/// <summary>
/// JavaScript expressions through Jint, sandboxed: no CLR access (interop is never enabled), no eval or Function
/// from strings, and statement, time, memory, recursion, string and array limits. Every evaluation runs in a fresh
/// engine, so nothing one expression (or one instance's variables) does to JavaScript's objects is seen by the next.
/// Variables are handed over as JSON data so that scripts see plain JavaScript values, never wrapped .NET objects.
/// </summary>
public sealed class JintExpressionEvaluator : IExpressionEvaluator
{
    private readonly ExpressionLimits _limits;
    private readonly ConcurrentDictionary<string, Prepared<Script>> _prepared = new(StringComparer.Ordinal);

    /// <summary>Creates the evaluator with the given limits.</summary>
    public JintExpressionEvaluator(ExpressionLimits limits) => _limits = limits;

    /// <inheritdoc />
    public JsonElement Evaluate(string expression, IReadOnlyDictionary<string, JsonElement> variables)
    {
        var code = Normalize(expression);
        if (FindSyntaxError(expression) is { } syntaxError)
        {
            throw new ExpressionException(expression, $"it is not valid JavaScript ({syntaxError}).");
        }

        var script = _prepared[code];
        try
        {
            using var engine = CreateEngine();
            foreach (var (name, value) in variables)
            {
                // Defined as an own data property, never assigned: assigning '__proto__' would set the global's prototype.
                if (!engine.Global.DefineOwnProperty(name, new PropertyDescriptor(ToJs(engine, value), PropertyFlag.ConfigurableEnumerableWritable)))
                {
                    throw new ExpressionException(expression, $"the variable '{name}' has the name of a JavaScript value that cannot be replaced; rename the variable.");
                }
            }

            var result = engine.Evaluate(script);
            return ToJson(engine, result);
        }
        catch (ExpressionLimitException ex)
        {
            throw new ExpressionException(expression, ex.Message, ex);
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionException(expression, ex.Error.IsObject() ? ex.Message : $"it threw {ex.Message}.", ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            throw new ExpressionException(expression, $"it ran more than {_limits.MaxStatements} statements (an endless loop?).", ex);
        }
        catch (Exception ex) when (ex is TimeoutException or RegexMatchTimeoutException)
        {
            throw new ExpressionException(expression, $"it ran longer than {_limits.Timeout.TotalSeconds:0.##} s (Expressions.Timeout).", ex);
        }
        catch (MemoryLimitExceededException ex) when (ex.Message.StartsWith("The array size", StringComparison.Ordinal))
        {
            // Jint reports its array-size constraint with the memory exception; only the message tells them apart.
            throw new ExpressionException(expression, $"it would build an array of more than {_limits.MaxArrayLength} elements (Expressions.MaxArrayLength).", ex);
        }
        catch (MemoryLimitExceededException ex)
        {
            throw new ExpressionException(expression, $"it used more than {_limits.MemoryBytes / (1024 * 1024)} MB of memory (Expressions.MemoryBytes).", ex);
        }
        catch (RecursionDepthOverflowException ex)
        {
            throw new ExpressionException(expression, $"it recursed deeper than {_limits.MaxRecursion} calls (Expressions.MaxRecursion).", ex);
        }
        catch (JintException ex)
        {
            throw new ExpressionException(expression, ex.Message, ex);
        }
        catch (OutOfMemoryException ex)
        {
            throw new ExpressionException(expression, "it ran out of memory.", ex);
        }
    }

    /// <inheritdoc />
    public string? FindSyntaxError(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return "the expression is empty";
        }

        var code = Normalize(expression);
        if (_prepared.ContainsKey(code))
        {
            return null;
        }

        try
        {
            var prepared = JsEngine.PrepareScript(code, strict: true);
            if (FindBigInt(prepared.Program!) is { } bigInt)
            {
                return $"BigInt values such as {bigInt.Raw} are not available in expressions (column {bigInt.Location.Start.Column + 1})";
            }

            _prepared.TryAdd(code, prepared);
            return null;
        }
        catch (ScriptPreparationException ex) when (ex.InnerException is ParseErrorException parse)
        {
            return $"{parse.Description} at column {parse.Column}";
        }
        catch (ParseErrorException ex)
        {
            return $"{ex.Description} at column {ex.Column}";
        }
    }

    /// <summary>
    /// BigInt arithmetic has no size limit (<c>2n ** 10000000n</c> computes for seconds in one step) and conditions never
    /// need it; the BigInt function is refused at run time, its literals here, before anything runs.
    /// </summary>
    private static BigIntLiteral? FindBigInt(Node root)
    {
        var pending = new Stack<Node>([root]);
        while (pending.TryPop(out var node))
        {
            if (node is BigIntLiteral literal)
            {
                return literal;
            }

            foreach (var child in node.ChildNodes)
            {
                pending.Push(child);
            }
        }

        return null;
    }

    /// <summary>Accepts Camunda/JUEL-style <c>${expr}</c> and <c>#{expr}</c> wrappers.</summary>
    internal static string Normalize(string expression)
    {
        var text = expression.Trim();
        if (text.Length > 3 && (text[0] == '$' || text[0] == '#') && text[1] == '{' && text[^1] == '}')
        {
            text = text[2..^1].Trim();
        }

        return text;
    }

    private JsEngine CreateEngine()
    {
        var engine = new JsEngine(options =>
        {
            options.Strict()
                .LimitRecursion(_limits.MaxRecursion)
                .MaxStatements(_limits.MaxStatements)
                .Constraint(new ElapsedTimeConstraint(_limits.Timeout))
                .LimitMemory(_limits.MemoryBytes);
            options.Host.StringCompilationAllowed = false;
            options.Constraints.MaxArraySize = (uint)_limits.MaxArrayLength;
            options.Constraints.RegexTimeout = _limits.Timeout;
        });
        SandboxBuiltins.Install(engine, _limits);
        return engine;
    }

    private static JsValue ToJs(JsEngine engine, JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.Undefined => JsValue.Undefined,
            JsonValueKind.Null => JsValue.Null,
            JsonValueKind.True => JsBoolean.True,
            JsonValueKind.False => JsBoolean.False,
            JsonValueKind.String => new JsString(value.GetString()!),
            JsonValueKind.Number => new JsNumber(value.GetDouble()),
            _ => new Jint.Native.Json.JsonParser(engine).Parse(value.GetRawText()),
        };

    private static readonly JsonElement JsonTrue = JsonSerializer.SerializeToElement(true);
    private static readonly JsonElement JsonFalse = JsonSerializer.SerializeToElement(false);
    private static readonly JsonElement JsonNull = JsonSerializer.SerializeToElement<object?>(null);

    private static JsonElement ToJson(JsEngine engine, JsValue value)
    {
        // Conditions give booleans almost always: primitives skip the JSON text round trip.
        if (value.IsBoolean())
        {
            return value.AsBoolean() ? JsonTrue : JsonFalse;
        }

        if (value.IsUndefined() || value.IsNull())
        {
            return JsonNull;
        }

        if (value.IsString())
        {
            return JsonSerializer.SerializeToElement(value.AsString());
        }

        if (value.IsNumber() && double.IsFinite(value.AsNumber()))
        {
            var number = value.AsNumber();
            return number == Math.Floor(number) && Math.Abs(number) < 9e15
                ? JsonSerializer.SerializeToElement((long)number)
                : JsonSerializer.SerializeToElement(number);
        }

        var json = new Jint.Native.Json.JsonSerializer(engine).Serialize(value);
        if (json.IsUndefined())
        {
            // Functions and symbols have no JSON form.
            throw new JavaScriptException($"the result ({value.Type}) is not a value that can be stored");
        }

        using var document = JsonDocument.Parse(json.AsString());
        return document.RootElement.Clone();
    }
}
