using CrmBpm.Engine.Expressions;
using static CrmBpm.Engine.Tests.Expressions.Juel.Juel;

namespace CrmBpm.Engine.Tests.Expressions.Juel;

public sealed class Routing_expressions_by_their_form
{
    private readonly ExpressionEvaluator _evaluator = new(new ExpressionLimits());

    [Fact]
    public void A_dollar_brace_expression_is_evaluated_with_JUELs_rules() =>
        _evaluator.Evaluate("${approved == 'true'}", Variables(new { approved = true })).GetBoolean().ShouldBeTrue();

    [Fact]
    public void Any_other_expression_is_JavaScript() =>
        _evaluator.Evaluate("approved == 'true'", Variables(new { approved = true })).GetBoolean().ShouldBeFalse();

    [Fact]
    public void Word_operators_pass_validation_in_JUEL_and_are_still_refused_in_JavaScript()
    {
        _evaluator.FindSyntaxError("${not approved and amount gt 10}").ShouldBeNull();
        _evaluator.FindSyntaxError("not approved").ShouldNotBeNull();
    }

    [Fact]
    public void A_JUEL_syntax_error_is_reported_as_JUEL()
    {
        _evaluator.FindSyntaxError("${a ===  b}").ShouldNotBeNull().ShouldContain("'=' at column 7 is Expression Language 3.0 syntax");
        Should.Throw<ExpressionException>(() => _evaluator.Evaluate("${a === b}", Variables(new { a = 1, b = 1 })))
            .Message.ShouldContain("'${a === b}' failed: it is not a valid JUEL expression");
    }
}
