using System.Diagnostics;
using System.Text.Json;
using CrmBpm.Engine.Expressions;

namespace CrmBpm.Engine.Tests.Expressions;

/// <summary>
/// Every limit holds for the builtins that allocate or compute in one step (strings, typed arrays, array buffers,
/// arrays, regular expressions, BigInt): the expression is refused with the limit named, soon after the limit, and the
/// process never allocates what the script asked for.
/// </summary>
public sealed class ExpressionResourceLimitTests
{
    private const long GenerousAllocationBound = 128L * 1024 * 1024;
    private static readonly TimeSpan GenerousTimeBound = TimeSpan.FromSeconds(5);
    private static readonly Dictionary<string, JsonElement> NoVariables = [];

    [Theory]
    [InlineData("'x'.repeat(2 ** 27).length", "characters")]
    [InlineData("'x'.padStart(2 ** 27).length", "characters")]
    [InlineData("'x'.padEnd(2 ** 27).length", "characters")]
    [InlineData("new Array(100000).join('x'.repeat(10000)).length", "characters")]
    [InlineData("String(new Array(50000).fill('x'.repeat(100000))).length", "characters")]
    [InlineData("JSON.stringify(new Array(50000).fill('x'.repeat(100000))).length", "characters")]
    [InlineData("'x'.repeat(100000).replaceAll('x', 'y'.repeat(100000)).length", "characters")]
    [InlineData("new Uint8Array(1 << 30).length", "not available")]
    [InlineData("new ArrayBuffer(1 << 30).byteLength", "not available")]
    [InlineData("new Float64Array(1 << 27).fill(1).length", "not available")]
    [InlineData("new Array(2 ** 28).fill(0).length", "elements")]
    [InlineData("const a = []; a.length = 2 ** 28; a.fill(0); a.length", "elements")]
    [InlineData("Array.from({ length: 2 ** 27 }, () => 0).length", "elements")]
    [InlineData("(2n ** 10000000n).toString().length", "BigInt")]
    [InlineData("BigInt(2) ** BigInt(10000000) > 0", "BigInt")]
    public void An_expression_that_would_build_a_huge_value_is_refused_without_allocating_it(string expression, string named)
    {
        var evaluator = new JintExpressionEvaluator(new ExpressionLimits());
        evaluator.Evaluate("1", NoVariables); // the first evaluation pays for compiling the engine; keep it off the clock
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var error = Should.Throw<ExpressionException>(() => evaluator.Evaluate(expression, NoVariables));

        clock.Elapsed.ShouldBeLessThan(GenerousTimeBound);
        (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore).ShouldBeLessThan(GenerousAllocationBound);
        error.Reason.ShouldContain(named);
    }

    [Fact]
    public void A_catastrophic_backtracking_regex_stops_at_the_time_limit()
    {
        var evaluator = new JintExpressionEvaluator(new ExpressionLimits { Timeout = TimeSpan.FromSeconds(2) });
        var clock = Stopwatch.StartNew();

        var error = Should.Throw<ExpressionException>(() => evaluator.Evaluate("/^(a+)+$/.test('a'.repeat(40) + 'b')", NoVariables));

        clock.Elapsed.ShouldBeLessThan(GenerousTimeBound);
        error.Reason.ShouldContain("longer than 2 s");
    }

    [Fact]
    public void Many_slow_regex_calls_in_a_loop_stop_at_the_time_limit()
    {
        var evaluator = new JintExpressionEvaluator(new ExpressionLimits { Timeout = TimeSpan.FromSeconds(1) });
        var clock = Stopwatch.StartNew();

        var error = Should.Throw<ExpressionException>(() => evaluator.Evaluate(
            "let n = 0; for (let i = 0; i < 1000; i++) { if (/^(a+)+$/.test('a'.repeat(21) + 'b')) n++; } n", NoVariables));

        clock.Elapsed.ShouldBeLessThan(GenerousTimeBound);
        error.Reason.ShouldContain("longer than 1 s");
    }

    [Fact]
    public void A_refused_allocation_cannot_be_caught_by_the_script_to_go_on()
    {
        var evaluator = new JintExpressionEvaluator(new ExpressionLimits());

        var error = Should.Throw<ExpressionException>(() => evaluator.Evaluate("try { 'x'.repeat(2 ** 27); } catch (e) { } true", NoVariables));

        error.Reason.ShouldContain("characters");
    }

    [Theory]
    [InlineData("'ab'.repeat(3) === 'ababab'")]
    [InlineData("'7'.padStart(3, '0') === '007' && '7'.padEnd(3, '-') === '7--'")]
    [InlineData("[1, null, undefined, 'x', [2, 3]].join('-') === '1---x-2,3' && [1, 2].join() === '1,2' && String([1, [2, 3]]) === '1,2,3'")]
    [InlineData("Array.prototype.join.call({ length: 2, 0: 'a', 1: 'b' }, '+') === 'a+b'")]
    [InlineData("JSON.stringify({ a: [1, 'x'], b: { c: true } }) === '{\"a\":[1,\"x\"],\"b\":{\"c\":true}}'")]
    [InlineData("JSON.stringify({ a: 1, b: 2 }, (k, v) => k === 'b' ? undefined : v) === '{\"a\":1}'")]
    [InlineData("JSON.stringify({ a: 1, b: 2 }, ['a']) === '{\"a\":1}' && JSON.stringify([1], null, 2) === '[\\n  1\\n]'")]
    [InlineData("'a-b-c'.replaceAll('-', '+') === 'a+b+c' && 'abc'.replace('b', '[$&]') === 'a[b]c' && 'aaa'.replace(/a/g, (m) => m + m) === 'aaaaaa'")]
    [InlineData("/^[A-Z]{2}\\d+$/.test('DE123') && 'x'.repeat(0) === ''")]
    public void Ordinary_string_and_array_work_is_unchanged(string expression)
    {
        new JintExpressionEvaluator(new ExpressionLimits()).Evaluate(expression, NoVariables).ValueKind.ShouldBe(JsonValueKind.True);
    }
}
