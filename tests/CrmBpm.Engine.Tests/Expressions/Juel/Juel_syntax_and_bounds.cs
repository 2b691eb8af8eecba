using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Expressions.Juel;
using static CrmBpm.Engine.Tests.Expressions.Juel.Juel;

namespace CrmBpm.Engine.Tests.Expressions.Juel;

public sealed class Juel_syntax_and_bounds
{
    [Theory]
    [InlineData("${a ==}", "a value is expected at column 7, not '}'")]
    [InlineData("${a == 1", "it ends where '}' to close the ${ at column 1 is expected")]
    [InlineData("${(a == 1}", "')' to close the '(' at column 3 is expected at column 10, not '}'")]
    [InlineData("${}", "is empty")]
    [InlineData("${a & b}", "a single '&' at column 5 is not an operator")]
    [InlineData("${a = 1}", "Expression Language 3.0 syntax")]
    [InlineData("${a += 'x'}", "Expression Language 3.0 syntax")]
    [InlineData("${x -> x}", "Expression Language 3.0 syntax")]
    [InlineData("${'open}", "the text starting at column 3 has no closing '")]
    [InlineData("${'a\\nb'}", "is not an escape")]
    [InlineData("${a # b}", "the character '#' at column 5 cannot appear")]
    [InlineData("${99999999999999999999}", "larger than JUEL's integers")]
    [InlineData("${a.}", "a property or method name after '.' is expected")]
    [InlineData("${a b}", "'}' to close the ${ at column 1 is expected at column 5, not 'b'")]
    public void A_malformed_expression_is_refused_saying_what_is_wrong_and_where(string expression, string reason) =>
        Evaluator.FindSyntaxError(expression).ShouldNotBeNull().ShouldContain(reason);

    [Fact]
    public void A_syntax_error_at_run_time_quotes_the_expression() =>
        Failure("${a ==}").Message.ShouldStartWith("The expression '${a ==}' failed: it is not a valid JUEL expression (a value is expected at column 7, not '}').");

    [Fact]
    public void Ten_thousand_opening_parentheses_are_refused_without_overflowing_the_stack()
    {
        var expression = "${" + new string('(', 10_000) + "1" + new string(')', 10_000) + "}";

        Evaluator.FindSyntaxError(expression).ShouldNotBeNull().ShouldContain($"at most {JuelLimits.MaxLength}");
        var deep = "${" + new string('(', 5_000) + "1" + new string(')', 4_000) + "}";
        Evaluator.FindSyntaxError(deep).ShouldNotBeNull().ShouldContain("nests deeper than");
        Evaluator.FindSyntaxError("${" + new string('!', 9_000) + "true}").ShouldNotBeNull().ShouldContain("nests deeper than");
        Evaluator.FindSyntaxError("${" + string.Join(" || ", Enumerable.Repeat("a", 2_000)) + "}").ShouldNotBeNull().ShouldContain("nests deeper than");
    }

    [Fact]
    public void Nesting_within_the_limit_evaluates()
    {
        var depth = JuelLimits.MaxDepth - 2;
        Value("${" + new string('(', depth) + "1" + new string(')', depth) + " == 1}").ShouldBe(true);
    }

    [Fact]
    public void Text_built_from_evaluations_is_bounded_by_the_string_limit()
    {
        var evaluator = new JuelExpressionEvaluator(new ExpressionLimits { MaxStringLength = 1_000 });
        var expression = string.Concat(Enumerable.Repeat("${a}", 20));

        Should.Throw<ExpressionException>(() => evaluator.Evaluate(expression, Variables(new { a = new string('x', 100) })))
            .Reason.ShouldContain("longer than 1000 characters");
    }

    [Theory]
    [InlineData("${a}", true)]
    [InlineData("  #{a} ", true)]
    [InlineData("${a} and ${b}", true)]
    [InlineData("a > 1", false)]
    [InlineData("`${a}`", false)]
    [InlineData("x ${a}", false)]
    [InlineData("${", false)]
    public void Only_text_wrapped_in_a_dollar_or_hash_brace_is_JUEL(string expression, bool isJuel) =>
        JuelExpressionEvaluator.IsJuel(expression).ShouldBe(isJuel);
}
