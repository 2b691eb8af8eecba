using CrmBpm.Engine.Expressions;

namespace CrmBpm.Engine.Tests.Expressions;

/// <summary>The variables an expression reads, found by each language's parser: the first name of a member chain, never a word inside a string.</summary>
public sealed class Reading_the_variables_an_expression_reads
{
    [Theory]
    [InlineData("reached == true", new[] { "reached" })]
    [InlineData("deal.amount > limit && deal.stage === 'won'", new[] { "deal", "limit" })]
    [InlineData("name.startsWith('amount') || note === \"limit reached\"", new[] { "name", "note" })]
    [InlineData("Math.max(a, b) > 3 && JSON.stringify(c) !== undefined && isNaN(d)", new[] { "a", "b", "c", "d" })]
    [InlineData("items.filter(i => i.open).length > min", new[] { "items", "min" })]
    [InlineData("(function (x) { var y = x * 2; return y > z; })(w)", new[] { "z", "w" })]
    [InlineData("customer['vip'] || scores[index] > 3", new[] { "customer", "scores", "index" })]
    [InlineData("({ total: sum, [key]: 1 }).total > 0", new[] { "sum", "key" })]
    [InlineData("typeof optional === 'undefined' || optional > 1", new[] { "optional" })]
    [InlineData("typeof optional === 'undefined'", new string[0])]
    [InlineData("`${first} and ${second.name}` === label", new[] { "first", "second", "label" })]
    public void JavaScript_reads_free_names_only(string expression, string[] expected)
    {
        ExpressionVariables.Read(expression).ShouldBe(expected);
    }

    [Theory]
    [InlineData("${approved}", new[] { "approved" })]
    [InlineData("${order.total > limit and customer.vip}", new[] { "order", "limit", "customer" })]
    [InlineData("${status == 'reached limit'}", new[] { "status" })]
    [InlineData("${empty notes or name.startsWith(prefix)}", new[] { "notes", "name", "prefix" })]
    [InlineData("${execution.getVariable('maybe') != null}", new[] { "maybe" })]
    public void Juel_reads_identifiers_and_execution_get_variable(string expression, string[] expected)
    {
        ExpressionVariables.Read(expression).ShouldBe(expected);
    }

    [Theory]
    [InlineData("= amount > 1000", new[] { "amount" })]
    [InlineData("= order.total > limit and status = \"limit reached\"", new[] { "order", "limit", "status" })]
    [InlineData("= count(items) > 2", new[] { "items" })]
    [InlineData("= is defined(optional) and x in [1..max]", new[] { "x", "max" })]
    public void Feel_reads_names_and_paths_but_not_function_names(string expression, string[] expected)
    {
        ExpressionVariables.Read(expression).ShouldBe(expected);
    }

    [Theory]
    [InlineData("amount >")]
    [InlineData("${a +}")]
    [InlineData("= (")]
    public void An_expression_that_does_not_parse_gives_null(string expression)
    {
        ExpressionVariables.Read(expression).ShouldBeNull();
    }
}
