using CrmBpm.Engine.Expressions;
using static CrmBpm.Engine.Tests.Expressions.Juel.Juel;

namespace CrmBpm.Engine.Tests.Expressions.Juel;

public sealed class Juel_method_calls
{
    [Fact]
    public void Execution_getVariable_reads_a_variable_with_either_quote()
    {
        Value("${execution.getVariable('amount') > 100}", new { amount = 150 }).ShouldBe(true);
        Value("${execution.getVariable(\"amount\") > 100}", new { amount = 50 }).ShouldBe(false);
    }

    [Fact]
    public void Execution_getVariable_of_a_variable_that_is_not_set_is_null() =>
        Value("${execution.getVariable('missing') == null}").ShouldBe(true);

    [Theory]
    [InlineData("${items.size()}", 3L)]
    [InlineData("${items.isEmpty()}", false)]
    [InlineData("${items.contains('b')}", true)]
    [InlineData("${items.contains('z')}", false)]
    [InlineData("${counts.contains(2)}", true)]
    [InlineData("${counts.contains(2.0)}", false)] // Java's equals: a Long is never a Double
    [InlineData("${items.get(0)}", "a")]
    [InlineData("${customer.size()}", 2L)]
    [InlineData("${customer.containsKey('name')}", true)]
    [InlineData("${customer.get('name')}", "Acme")]
    [InlineData("${name.length()}", 5L)]
    [InlineData("${name.isEmpty()}", false)]
    [InlineData("${name.contains('cm')}", true)]
    [InlineData("${name.startsWith('Ac')}", true)]
    [InlineData("${name.endsWith('me')}", false)]
    [InlineData("${name.toUpperCase()}", "ACME ")]
    [InlineData("${name.toLowerCase()}", "acme ")]
    [InlineData("${name.trim()}", "Acme")]
    [InlineData("${name.trim().equals('Acme')}", true)]
    [InlineData("${name.equalsIgnoreCase('ACME ')}", true)]
    [InlineData("${status.equals('new')}", true)]
    [InlineData("${count.equals(3)}", true)]
    [InlineData("${count.equals('3')}", false)]
    [InlineData("${count.toString()}", "3")]
    public void Conditions_may_call_the_usual_methods_of_texts_lists_and_maps(string expression, object expected) =>
        Value(expression, new { items = new[] { "a", "b", "c" }, counts = new[] { 1, 2 }, customer = new { name = "Acme", age = 3 }, name = "Acme ", status = "new", count = 3 })
            .ShouldBe(expected);

    [Theory]
    [InlineData("${someBean.method()}", "'someBean.method()' at column 3 calls the Java method method()")]
    [InlineData("${execution.setVariable('x', 1)}", "'execution.setVariable('x', 1)' at column 3 uses Camunda's execution object")]
    [InlineData("${execution.processBusinessKey == 'x'}", "'execution.processBusinessKey' at column 3 uses Camunda's execution object")]
    [InlineData("${execution}", "'execution' at column 3 uses Camunda's execution object")]
    [InlineData("${customer.prop(\"age\").numberValue() >= 21}", "calls the Java method prop()")]
    [InlineData("${now() > due}", "'now(…)' at column 3 calls a function")]
    [InlineData("${fn:contains(a, b)}", "'fn:contains(…)' at column 3 calls a function")]
    [InlineData("${list.size(1)}", "calls the Java method size() with 1 argument(s)")]
    [InlineData("${x['size']()}", "calls a method chosen by a computed name")]
    public void Calls_into_Java_objects_are_refused_before_anything_runs_naming_the_call(string expression, string reason)
    {
        Evaluator.FindSyntaxError(expression).ShouldNotBeNull().ShouldContain(reason);
        var failure = Failure(expression);
        failure.Message.ShouldContain($"'{expression}'");
        failure.Reason.ShouldContain(reason);
    }

    [Fact]
    public void A_method_the_value_does_not_have_is_an_error_naming_the_call() =>
        Failure("${count.size()}", new { count = 3 }).Reason.ShouldBe("'count.size()' calls size(), which the number 3 does not have.");

    [Fact]
    public void A_method_called_on_null_is_an_error_naming_the_call() =>
        Failure("${customer.name.trim()}", new { customer = new { } }).Reason.ShouldContain("'customer.name.trim()' calls trim() on null");

    [Fact]
    public void An_unknown_variable_is_an_error_as_in_Camunda_7()
    {
        var failure = Failure("${approved}");

        failure.ShouldBeOfType<ExpressionException>();
        failure.Reason.ShouldContain("Unknown property used in expression: no variable 'approved' is set");
        failure.Reason.ShouldContain("execution.getVariable('approved')");
    }
}
