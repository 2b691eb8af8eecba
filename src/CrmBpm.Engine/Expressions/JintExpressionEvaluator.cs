using System.Collections.Concurrent;
using System.Text.Json;
using Acornima;
using Acornima.Ast;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Runtime;

namespace CrmBpm.Engine.Expressions;

/// <summary>
/// JavaScript expressions through Jint, sandboxed: no CLR access (interop is never enabled),
/// and statement, time, memory and recursion limits. Variables are handed over as JSON so
/// that scripts see plain JavaScript values, never wrapped .NET objects.
/// </summary>
public sealed class JintExpressionEvaluator : IExpressionEvaluator
{
    private readonly ExpressionLimits _limits;
    private const int MaxPooledEngines = 64;

    private const string FreezeBuiltins = """
        (function () {
          for (const name of Object.getOwnPropertyNames(globalThis)) {
            const value = globalThis[name];
            if (value !== globalThis && value !== null && (typeof value === 'object' || typeof value === 'function')) {
              Object.freeze(value);
              if (value.prototype) { Object.freeze(value.prototype); }
            }
          }
        })();
        """;

    private readonly ConcurrentDictionary<string, Prepared<Script>> _prepared = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<PooledEngine> _pool = [];

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
        PooledEngine? engine = null;
        var reusable = false;
        try
        {
            engine = Rent(script, variables);
            reusable = engine.Pooled;
            foreach (var (name, value) in variables)
            {
                engine.Engine.SetValue(name, ToJs(engine.Engine, value));
            }

            var result = engine.Engine.Evaluate(script);
            return ToJson(engine.Engine, result);
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionException(expression, ex.Error.IsObject() ? ex.Message : $"it threw {ex.Message}.", ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            reusable = false;
            throw new ExpressionException(expression, $"it ran more than {_limits.MaxStatements} statements (an endless loop?).", ex);
        }
        catch (TimeoutException ex)
        {
            reusable = false;
            throw new ExpressionException(expression, $"it ran longer than {_limits.Timeout.TotalSeconds:0.##} s.", ex);
        }
        catch (MemoryLimitExceededException ex)
        {
            reusable = false;
            throw new ExpressionException(expression, $"it used more than {_limits.MemoryBytes / (1024 * 1024)} MB of memory.", ex);
        }
        catch (RecursionDepthOverflowException ex)
        {
            reusable = false;
            throw new ExpressionException(expression, $"it recursed deeper than {_limits.MaxRecursion} calls.", ex);
        }
        catch (JintException ex)
        {
            reusable = false;
            throw new ExpressionException(expression, ex.Message, ex);
        }
        finally
        {
            if (reusable && engine is not null)
            {
                Return(engine);
            }
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
            _prepared.TryAdd(code, JsEngine.PrepareScript(code, strict: true));
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

    /// <summary>
    /// A pooled engine when the evaluation cannot leave anything behind; a fresh one otherwise. Building a JavaScript
    /// realm costs far more than running a condition, so engines are reused: builtins are frozen when the engine is
    /// made (a script cannot change them for the next one) and globals a script adds are removed when it is returned.
    /// Scripts with top-level let/const/class (which would stay declared) and variables shadowing builtins get a
    /// fresh engine that is thrown away.
    /// </summary>
    private PooledEngine Rent(Prepared<Script> script, IReadOnlyDictionary<string, JsonElement> variables)
    {
        var poolable = !script.Program!.Body.Any(statement =>
            statement is ClassDeclaration || (statement is VariableDeclaration declaration && declaration.Kind != VariableDeclarationKind.Var));
        if (poolable && _pool.TryTake(out var pooled))
        {
            if (!variables.Keys.Any(pooled.Builtins.Contains))
            {
                return pooled;
            }

            _pool.Add(pooled);
        }

        var engine = CreateEngine();
        var builtins = engine.Global.GetOwnPropertyKeys().Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal);
        return new PooledEngine(engine, builtins, poolable && !variables.Keys.Any(builtins.Contains));
    }

    private void Return(PooledEngine engine)
    {
        foreach (var key in engine.Engine.Global.GetOwnPropertyKeys())
        {
            if (!engine.Builtins.Contains(key.ToString()))
            {
                engine.Engine.Global.RemoveOwnProperty(key);
            }
        }

        if (_pool.Count < MaxPooledEngines)
        {
            _pool.Add(engine);
        }
    }

    private JsEngine CreateEngine()
    {
        var timeLimit = new ElapsedTimeConstraint(_limits.Timeout) { Paused = true };
        var engine = new JsEngine(options => options
            .Strict()
            .LimitRecursion(_limits.MaxRecursion)
            .MaxStatements(_limits.MaxStatements)
            .Constraint(timeLimit)
            .LimitMemory(_limits.MemoryBytes));
        engine.Execute(FreezeBuiltins);
        timeLimit.Paused = false;
        return engine;
    }

    private sealed record PooledEngine(JsEngine Engine, HashSet<string> Builtins, bool Pooled);

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
