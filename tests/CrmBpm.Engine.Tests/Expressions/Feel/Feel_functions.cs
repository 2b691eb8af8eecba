using static CrmBpm.Engine.Tests.Expressions.Feel.Feel;

namespace CrmBpm.Engine.Tests.Expressions.Feel;

public sealed class Feel_functions
{
    [Theory]
    [InlineData("= string length(name)", 4L)]
    [InlineData("= count(items)", 3L)]
    [InlineData("= sum(items)", 6L)]
    [InlineData("= sum(1, 2, 3.5) * 2", 13L)]
    [InlineData("= min(items)", 1L)]
    [InlineData("= max([4, 9, 2])", 9L)]
    public void Functions_that_count_and_add(string expression, long expected) =>
        Value(expression, new { name = "Anna", items = new[] { 1, 2, 3 } }).ShouldBe(expected);

    [Theory]
    [InlineData("= upper case(name)", "ANNA")]
    [InlineData("= lower case(name)", "anna")]
    [InlineData("= string(amount) + \" EUR\"", "1500.5 EUR")]
    [InlineData("= get or else(missing, \"none\")", "none")]
    [InlineData("= get or else(name, \"none\")", "Anna")]
    public void Functions_on_texts_and_defaults(string expression, string expected) =>
        Value(expression, new { name = "Anna", amount = 1500.50m }).ShouldBe(expected);

    [Theory]
    [InlineData("= contains(name, \"nn\")", true)]
    [InlineData("= starts with(name, \"An\")", true)]
    [InlineData("= ends with(name, \"x\")", false)]
    [InlineData("= list contains(items, 2)", true)]
    [InlineData("= list contains(items, \"2\")", false)]
    [InlineData("= is defined(name)", true)]
    [InlineData("= is defined(empty)", true)] // set, to null
    [InlineData("= is defined(missing)", false)]
    [InlineData("= is defined(deal.owner)", true)]
    [InlineData("= is defined(deal.stage)", false)]
    [InlineData("= not(contains(name, \"x\")) and count(items) > 2", true)]
    [InlineData("= amount > 1 and upper case(name) = \"ANNA\"", true)] // the words before a call are not read as its name
    public void Functions_that_answer_yes_or_no(string expression, bool expected) =>
        Value(expression, new { name = "Anna", empty = (string?)null, amount = 5, items = new[] { 1, 2, 3 }, deal = new { owner = "bob" } }).ShouldBe(expected);

    [Theory]
    [InlineData("= string length(5)")]
    [InlineData("= contains(name, 1)")]
    [InlineData("= count(name)")]
    [InlineData("= sum([1, \"a\"])")]
    [InlineData("= sum([])")]
    public void A_function_given_a_value_of_the_wrong_kind_gives_null(string expression) =>
        Value(expression, new { name = "Anna" }).ShouldBeNull();
}
