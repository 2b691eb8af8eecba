using System.Diagnostics;
using System.Text;
using CrmBpm.Engine.Expressions;
using static CrmBpm.Engine.Tests.Expressions.Feel.Feel;

namespace CrmBpm.Engine.Tests.Expressions.Feel;

/// <summary>Seeded random texts built from FEEL's pieces: nothing but <see cref="ExpressionException"/> ever escapes, and nothing hangs.</summary>
public sealed class Fuzzing_feel
{
    private static readonly string[] Pieces =
    [
        "(", ")", "[", "]", ".", "..", ",", " ", "  ", "{", "}", ":", "@", "'", "\"", "\\", "!", "&", "//", "/*", "*/",
        "+", "-", "*", "/", "**", "=", "!=", "<", ">", "<=", ">=",
        "and", "or", "not", "between", "in", "if", "then", "else", "for", "some", "every", "satisfies", "true", "false", "null",
        "a", "n", "s", "list", "map", "nothing", "string length", "upper case", "contains", "starts with", "count", "sum",
        "is defined", "get or else", "list contains", "min", "max", "string",
        "0", "1", "2.5", ".5", "99999999999999999999999999999999", "\"x\"", "\"\\u0041\"", "\"\\q\"", "é", "\u0000", "\n",
    ];

    private static readonly IReadOnlyDictionary<string, System.Text.Json.JsonElement> Values =
        Variables(new { a = true, n = 3, s = "text", list = new[] { 1, 2 }, map = new { k = "v" }, nothing = (string?)null });

    [Fact]
    public void Random_texts_give_a_value_or_an_expression_error_and_never_anything_else()
    {
        var random = new Random(20261207);
        var watch = Stopwatch.StartNew();
        var (evaluated, refused) = (0, 0);
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder("=");
            var length = random.Next(1, 20);
            for (var j = 0; j < length; j++)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var expression = text.ToString();
            _ = Evaluator.FindSyntaxError(expression);
            try
            {
                Evaluator.Evaluate(expression, Values);
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
}
