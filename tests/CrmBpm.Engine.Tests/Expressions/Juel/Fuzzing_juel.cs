using System.Diagnostics;
using System.Text;
using CrmBpm.Engine.Expressions;
using static CrmBpm.Engine.Tests.Expressions.Juel.Juel;

namespace CrmBpm.Engine.Tests.Expressions.Juel;

/// <summary>Seeded random texts built from JUEL's pieces: nothing but <see cref="ExpressionException"/> ever escapes, and nothing hangs.</summary>
public sealed class Fuzzing_juel
{
    private static readonly string[] Pieces =
    [
        "${", "#{", "}", "(", ")", "[", "]", ".", ",", "?", ":", " ", "  ",
        "+", "-", "*", "/", "%", "==", "!=", "<", ">", "<=", ">=", "&&", "||", "!", "=", "+=", ";", "->", "&", "|", "{",
        "and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "empty", "instanceof", "true", "false", "null",
        "a", "b", "n", "s", "list", "map", "nothing", "execution", "getVariable", "size", "contains", "trim", "length", "equals",
        "0", "1", "-1", "2.5", "1e308", "9223372036854775807", "9223372036854775808", ".5", "1.", "1e", "NaN",
        "'x'", "\"y\"", "'true'", "''", "'it\\'s'", "'\\q'", "'", "\"", "\\", "$", "#", "é", "\u0000", "\n",
    ];

    private static readonly IReadOnlyDictionary<string, System.Text.Json.JsonElement> Variables =
        Juel.Variables(new { a = true, b = "true", n = 3, s = "text", list = new[] { 1, 2 }, map = new { k = "v" }, nothing = (string?)null });

    [Fact]
    public void Random_texts_give_a_value_or_an_expression_error_and_never_anything_else()
    {
        var random = new Random(20240613);
        var watch = Stopwatch.StartNew();
        var (evaluated, refused) = (0, 0);
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder(random.Next(2) == 0 ? "${" : "");
            var length = random.Next(1, 25);
            for (var j = 0; j < length; j++)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            if (random.Next(3) > 0)
            {
                text.Append('}');
            }

            var expression = text.ToString();
            _ = Evaluator.FindSyntaxError(expression);
            try
            {
                Evaluator.Evaluate(expression, Variables);
                evaluated++;
            }
            catch (ExpressionException)
            {
                refused++;
            }
        }

        (evaluated + refused).ShouldBe(20_000);
        evaluated.ShouldBeGreaterThan(100); // the pieces do form valid expressions, so evaluation is exercised too
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Random_deep_nesting_is_refused_or_evaluated_without_overflowing_the_stack()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var depth = random.Next(50, 3_000);
            var open = string.Concat(Enumerable.Range(0, depth).Select(_ => Pieces[random.Next(13, 20)] is var op && random.Next(2) == 0 ? "(" : op));
            var expression = "${" + open + "1" + new string(')', random.Next(depth)) + "}";
            try
            {
                Evaluator.Evaluate(expression, Variables);
            }
            catch (ExpressionException)
            {
                // refused: fine
            }
        }
    }
}
