using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Expressions.Feel;
using static CrmBpm.Engine.Tests.Expressions.Feel.Feel;

namespace CrmBpm.Engine.Tests.Expressions.Feel;

public sealed class Feel_syntax_and_bounds
{
    [Theory]
    [InlineData("= a =", "it ends where a value is expected")]
    [InlineData("=", "there is nothing after the '='")]
    [InlineData("= (a = 1", "it ends where ')' to close the '(' at column 3 is expected")]
    [InlineData("= a = 'x'", "texts in FEEL are written in double quotes")]
    [InlineData("= a == 1", "a value is expected at column 6, not '='")]
    [InlineData("= !a", "write not(x) to negate")]
    [InlineData("= a && b", "write 'and' and 'or'")]
    [InlineData("= \"open", "the text starting at column 3 has no closing \"")]
    [InlineData("= a b", "an operator or the end of the expression is expected at column 5, not 'b'")]
    [InlineData("= for i in items return i", "'for' at column 3 is FEEL that CrmBpm does not run")]
    [InlineData("= some i in items satisfies i > 1", "'some' at column 3 is FEEL that CrmBpm does not run")]
    [InlineData("= {a: 1}", "'{' at column 3 is FEEL that CrmBpm does not run")]
    [InlineData("= @\"2024-01-01\"", "'@' at column 3 is FEEL that CrmBpm does not run")]
    [InlineData("= 2 ** 3", "'**' at column 5 is FEEL that CrmBpm does not run")]
    [InlineData("= items[1]", "'[' at column 8 filters or indexes a list, which CrmBpm's FEEL does not run")]
    [InlineData("= date(\"2024-01-01\") > now()", "'date(…)' at column 3 calls a function CrmBpm's FEEL does not have; it has not(negand), is defined(value)")]
    [InlineData("= not(a, b)", "'not(…)' at column 3 is given 2 argument(s); it takes 1: not(negand)")]
    [InlineData("= [1..10]", "CrmBpm's FEEL runs ranges only after 'in'")]
    [InlineData("= if a then 1", "it ends where 'else' of 'if … then … else …' is expected")]
    [InlineData("= a between 1 or 2", "'and' of 'between … and …' is expected at column 15, not 'or'")]
    public void An_expression_outside_the_subset_is_refused_saying_what_and_where(string expression, string reason) =>
        Evaluator.FindSyntaxError(expression).ShouldNotBeNull().ShouldContain(reason);

    [Fact]
    public void Conditions_of_real_Zeebe_files_are_well_formed()
    {
        Evaluator.FindSyntaxError("= reviewResult = \"approved\"").ShouldBeNull();
        Evaluator.FindSyntaxError("= loopAmount != totalLoops").ShouldBeNull();
        Evaluator.FindSyntaxError("= loopAmount + 1").ShouldBeNull();
        Evaluator.FindSyntaxError("=0").ShouldBeNull();
        Evaluator.FindSyntaxError("  = amount > 1000 and not(approved) // a comment\n").ShouldBeNull();
    }

    [Fact]
    public void A_syntax_error_at_run_time_quotes_the_expression() =>
        Failure("= a ==").Message.ShouldStartWith("The expression '= a ==' failed: it is not a FEEL expression CrmBpm can run (a value is expected at column 6, not '=').");

    [Fact]
    public void Ten_thousand_opening_parentheses_are_refused_without_overflowing_the_stack()
    {
        Evaluator.FindSyntaxError("=" + new string('(', 10_000) + "1" + new string(')', 10_000)).ShouldNotBeNull().ShouldContain($"at most {FeelLimits.MaxLength}");
        Evaluator.FindSyntaxError("=" + new string('(', 4_000) + "1" + new string(')', 4_000)).ShouldNotBeNull().ShouldContain("nests deeper than");
        Evaluator.FindSyntaxError("=" + new string('-', 4_000) + "1").ShouldNotBeNull().ShouldContain("nests deeper than");
        Evaluator.FindSyntaxError("=" + string.Join(" or ", Enumerable.Repeat("a", 1_000))).ShouldNotBeNull().ShouldContain("nests deeper than");
        Evaluator.FindSyntaxError("=" + new string('[', 1_000) + new string(']', 1_000)).ShouldNotBeNull().ShouldContain("nests deeper than");
    }

    [Fact]
    public void Nesting_within_the_limit_runs() =>
        Value("=" + new string('(', 90) + "1" + new string(')', 90)).ShouldBe(1L);

    [Fact]
    public void Joining_texts_beyond_the_string_limit_fails_naming_the_limit()
    {
        var evaluator = new FeelExpressionEvaluator(new ExpressionLimits { MaxStringLength = 10 });

        Should.Throw<ExpressionException>(() => evaluator.Evaluate("= a + a", Variables(new { a = "123456" })))
            .Reason.ShouldContain("longer than 10 characters (Expressions.MaxStringLength)");
    }

    [Fact]
    public void A_list_literal_beyond_the_array_limit_fails_naming_the_limit()
    {
        var evaluator = new FeelExpressionEvaluator(new ExpressionLimits { MaxArrayLength = 3 });

        Should.Throw<ExpressionException>(() => evaluator.Evaluate("= [1, 2, 3, 4]", Variables(null)))
            .Reason.ShouldContain("more than 3 items (Expressions.MaxArrayLength)");
    }
}
