using System.Text.Json;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Expressions;

/// <summary>
/// Evaluations share nothing: whatever one expression (or one instance's variables) does to JavaScript's objects is gone
/// before the next one runs, and variables arrive as plain data, never as prototypes.
/// </summary>
public sealed class ExpressionIsolationTests
{
    private const string IsVip = "typeof vip !== 'undefined' && vip === true";
    private const string BreakArrayIterator = "Object.getPrototypeOf([][Symbol.iterator]()).next = function () { return { done: true }; }; true";
    private const string UsesArrayFrom = "Array.from([1, 2, 3]).length === 3";

    private static readonly Dictionary<string, JsonElement> NoVariables = [];

    private static Dictionary<string, JsonElement> ProtoVariable() =>
        new(StringComparer.Ordinal) { ["__proto__"] = JsonSerializer.SerializeToElement(new { vip = true }) };

    [Fact]
    public void A_variable_named___proto___does_not_change_the_next_evaluation()
    {
        var evaluator = new JintExpressionEvaluator(new ExpressionLimits());

        evaluator.Evaluate("1", ProtoVariable());

        evaluator.Evaluate(IsVip, NoVariables).ValueKind.ShouldBe(JsonValueKind.False);
    }

    [Fact]
    public void A_variable_named___proto___is_an_ordinary_own_key_and_never_a_prototype()
    {
        var evaluator = new JintExpressionEvaluator(new ExpressionLimits());

        var result = evaluator.Evaluate(
            "Object.getPrototypeOf(globalThis) !== null && typeof vip === 'undefined' && Object.getOwnPropertyNames(globalThis).includes('__proto__') && __proto__.vip === true",
            ProtoVariable());

        result.ValueKind.ShouldBe(JsonValueKind.True);
    }

    [Fact]
    public void A___proto___key_inside_a_json_variable_stays_an_own_key()
    {
        var variables = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["deal"] = JsonDocument.Parse("""{ "__proto__": { "vip": true } }""").RootElement.Clone(),
        };

        new JintExpressionEvaluator(new ExpressionLimits())
            .Evaluate("deal.vip === undefined && Object.keys(deal).includes('__proto__')", variables)
            .ValueKind.ShouldBe(JsonValueKind.True);
    }

    [Fact]
    public void Replacing_the_array_iterator_does_not_break_Array_from_for_the_next_evaluation()
    {
        var evaluator = new JintExpressionEvaluator(new ExpressionLimits());

        evaluator.Evaluate(BreakArrayIterator, NoVariables);

        evaluator.Evaluate(UsesArrayFrom, NoVariables).ValueKind.ShouldBe(JsonValueKind.True);
    }

    [Fact]
    public async Task One_instance_started_with_a___proto___variable_does_not_change_another_maps_conditions()
    {
        await using var bpm = new EngineHarness(b => b.UseInMemoryStore());
        var attacker = new MapBuilder("attacker").Start().Condition("c", "true").End().Flow("start", "c").Yes("c", "end").No("c", "end").Build();
        var victim = new MapBuilder("victim").Start().Condition("vip", IsVip).End("yes", "Yes").End("no", "No")
            .Flow("start", "vip").Yes("vip", "yes").No("vip", "no").Build();

        await bpm.StartAsync(attacker, new Dictionary<string, object?> { ["__proto__"] = new { vip = true } });
        var instance = await bpm.StartAsync(victim);

        instance.Status.ShouldBe(InstanceStatus.Completed);
        instance.Result.ShouldBe("No");
    }

    [Fact]
    public async Task One_maps_condition_that_breaks_the_array_iterator_does_not_break_another_maps_conditions()
    {
        await using var bpm = new EngineHarness(b => b.UseInMemoryStore());
        var attacker = new MapBuilder("attacker").Start().Condition("c", BreakArrayIterator).End().Flow("start", "c").Yes("c", "end").No("c", "end").Build();
        var victim = new MapBuilder("victim").Start().Condition("from", UsesArrayFrom).End("yes", "Yes").End("no", "No")
            .Flow("start", "from").Yes("from", "yes").No("from", "no").Build();

        await bpm.StartAsync(attacker);
        var instance = await bpm.StartAsync(victim);

        instance.Status.ShouldBe(InstanceStatus.Completed);
        instance.Result.ShouldBe("Yes");
    }
}
