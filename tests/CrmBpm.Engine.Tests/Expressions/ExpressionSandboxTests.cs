using System.Text.Json;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Expressions;

/// <summary>Expressions run sandboxed: no .NET reachable, and runaway scripts stop with a message instead of hanging.</summary>
public sealed class ExpressionSandboxTests
{
    private static readonly Dictionary<string, JsonElement> NoVariables = [];

    private static JintExpressionEvaluator Evaluator(Action<ExpressionLimits>? configure = null)
    {
        var limits = new ExpressionLimits();
        configure?.Invoke(limits);
        return new JintExpressionEvaluator(limits);
    }

    [Fact]
    public void Variables_are_plain_javascript_values()
    {
        var variables = Engine.Runtime.Variables.From(new Dictionary<string, object?>
        {
            ["deal"] = new { amount = 1500, partner = new { name = "Acme" } },
            ["items"] = new[] { 1, 2, 3 },
        });

        var result = Evaluator().Evaluate("deal.amount > 1000 && deal.partner.name === 'Acme' && items.length === 3 && typeof deal.GetType === 'undefined'", variables);

        result.ValueKind.ShouldBe(JsonValueKind.True);
    }

    [Fact]
    public void Results_come_back_as_json()
    {
        var result = Evaluator().Evaluate("({ total: 2 + 3, tags: ['a', 'b'] })", NoVariables);

        result.GetProperty("total").GetInt32().ShouldBe(5);
        result.GetProperty("tags").GetArrayLength().ShouldBe(2);
    }

    [Theory]
    [InlineData("typeof System")]
    [InlineData("typeof importNamespace")]
    [InlineData("typeof clrHelper")]
    [InlineData("typeof require")]
    [InlineData("typeof process")]
    [InlineData("typeof host")]
    public void No_dotNET_or_host_objects_are_reachable(string probe)
    {
        Evaluator().Evaluate(probe, NoVariables).GetString().ShouldBe("undefined");
    }

    [Fact]
    public void Compiling_code_from_strings_is_refused()
    {
        // eval and new Function would also get round the checks made when the expression is parsed (BigInt literals).
        Should.Throw<ExpressionException>(() => Evaluator().Evaluate("new Function('return System.IO.File')()", NoVariables)).Message.ShouldContain("String compilation");
        Should.Throw<ExpressionException>(() => Evaluator().Evaluate("(0, eval)('2n ** 10n')", NoVariables)).Message.ShouldContain("String compilation");
    }

    [Fact]
    public void An_endless_loop_stops_at_the_statement_limit()
    {
        var error = Should.Throw<ExpressionException>(() => Evaluator().Evaluate("while (true) {}", NoVariables));

        error.Reason.ShouldContain("endless loop");
    }

    [Fact]
    public void An_endless_loop_stops_at_the_time_limit_when_statements_are_unlimited()
    {
        var error = Should.Throw<ExpressionException>(() => Evaluator(l =>
        {
            l.MaxStatements = int.MaxValue;
            l.Timeout = TimeSpan.FromMilliseconds(200);
        }).Evaluate("while (true) {}", NoVariables));

        error.Reason.ShouldContain("longer than");
    }

    [Fact]
    public void A_memory_bomb_stops_at_the_memory_limit()
    {
        var error = Should.Throw<ExpressionException>(() => Evaluator(l =>
        {
            l.MaxStatements = int.MaxValue;
            l.Timeout = TimeSpan.FromSeconds(30);
            l.MemoryBytes = 4 * 1024 * 1024;
        }).Evaluate("var a = []; while (true) { a.push(new Array(1000).fill('x')); }", NoVariables));

        error.Reason.ShouldContain("memory");
    }

    [Fact]
    public void Runaway_recursion_stops_at_the_depth_limit()
    {
        var error = Should.Throw<ExpressionException>(() => Evaluator(l => l.MaxStatements = int.MaxValue).Evaluate("function f(n) { return f(n + 1); } f(0)", NoVariables));

        error.Reason.ShouldContain("recursed deeper");
    }

    [Fact]
    public void A_syntax_error_is_reported_with_its_position()
    {
        Evaluator().FindSyntaxError("amount >").ShouldNotBeNull().ShouldContain("column");
        Should.Throw<ExpressionException>(() => Evaluator().Evaluate("amount >", NoVariables)).Reason.ShouldContain("not valid JavaScript");
    }

    [Fact]
    public void One_expression_cannot_leave_globals_behind_for_the_next()
    {
        var evaluator = Evaluator();
        evaluator.Evaluate("var leaked = 1; function helper() { return 2; } leaked + helper()", NoVariables).GetInt32().ShouldBe(3);

        evaluator.Evaluate("typeof leaked + '/' + typeof helper", NoVariables).GetString().ShouldBe("undefined/undefined");
    }

    [Fact]
    public void One_expression_cannot_change_builtins_for_the_next()
    {
        var evaluator = Evaluator();

        evaluator.Evaluate("Array.prototype.includes = function () { return true; }; [1].includes(5)", NoVariables).ValueKind.ShouldBe(JsonValueKind.True);
        evaluator.Evaluate("Math.max = function () { return 0; }; 1", NoVariables);
        evaluator.Evaluate("[1, 2].includes(5) === false && Math.max(1, 2) === 2", NoVariables).ValueKind.ShouldBe(JsonValueKind.True);
    }

    [Fact]
    public void Top_level_let_and_variables_named_like_builtins_work_every_time()
    {
        var evaluator = Evaluator();
        var shadowing = Engine.Runtime.Variables.From(new Dictionary<string, object?> { ["Math"] = 7 });

        for (var i = 0; i < 3; i++)
        {
            evaluator.Evaluate("let x = 2; x * 2", NoVariables).GetInt32().ShouldBe(4);
            evaluator.Evaluate("Math + 1", shadowing).GetInt32().ShouldBe(8);
            evaluator.Evaluate("Math.max(1, 3)", NoVariables).GetInt32().ShouldBe(3);
        }
    }

    [Fact]
    public async Task A_runaway_condition_becomes_an_incident_and_the_engine_keeps_working()
    {
        await using var bpm = new EngineHarness(b => b.UseInMemoryStore());
        var map = new MapBuilder("spin").Start().Condition("c", "while (true) {}").End().Flow("start", "c").Yes("c", "end").No("c", "end").Build();

        var instance = await bpm.StartAsync(map);

        instance.Status.ShouldBe(InstanceStatus.Incident);
        instance.IncidentMessage!.ShouldContain("endless loop");
        var fine = await bpm.StartAsync(new MapBuilder("fine").Start().End().Flow("start", "end").Build());
        fine.Status.ShouldBe(InstanceStatus.Completed);
    }
}
