using CrmBpm.Engine.Expressions;
using static CrmBpm.Engine.Tests.Expressions.Feel.Feel;

namespace CrmBpm.Engine.Tests.Expressions.Feel;

public sealed class Routing_feel_expressions
{
    private readonly ExpressionEvaluator _evaluator = new(new ExpressionLimits());

    [Fact]
    public void An_expression_starting_with_an_equals_sign_is_FEEL() =>
        _evaluator.Evaluate("  = reviewResult = \"approved\"", Variables(new { reviewResult = "approved" })).GetBoolean().ShouldBeTrue();

    [Fact]
    public void A_FEEL_syntax_error_is_reported_as_FEEL() =>
        _evaluator.FindSyntaxError("= a === b").ShouldNotBeNull().ShouldContain("it is not a FEEL expression CrmBpm can run");

    [Fact]
    public void JavaScript_and_JUEL_are_read_as_before()
    {
        _evaluator.Evaluate("a === 1", Variables(new { a = 1 })).GetBoolean().ShouldBeTrue();
        _evaluator.Evaluate("${a == 1}", Variables(new { a = 1 })).GetBoolean().ShouldBeTrue();
    }
}
