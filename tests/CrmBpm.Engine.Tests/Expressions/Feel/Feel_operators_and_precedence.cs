using static CrmBpm.Engine.Tests.Expressions.Feel.Feel;

namespace CrmBpm.Engine.Tests.Expressions.Feel;

public sealed class Feel_operators_and_precedence
{
    [Theory]
    [InlineData("= 1 + 2 * 3", 7L)]
    [InlineData("= (1 + 2) * 3", 9L)]
    [InlineData("= 10 - 4 - 3", 3L)]
    [InlineData("= 2 * -3", -6L)]
    [InlineData("= 8 / 2", 4L)]
    [InlineData("= loopAmount + 1", 3L)]
    public void Arithmetic_gives_whole_numbers_as_integers(string expression, long expected) =>
        Value(expression, new { loopAmount = 2 }).ShouldBe(expected);

    [Theory]
    [InlineData("= 7 / 2", 3.5)]
    [InlineData("= 0.1 + 0.2", 0.3)] // FEEL's numbers are decimal: no binary rounding
    [InlineData("= .5 + 1", 1.5)]
    public void Numbers_are_decimal(string expression, double expected) =>
        Value(expression).ShouldBe(expected);

    [Fact]
    public void Adding_two_texts_joins_them() =>
        Value("= \"deal \" + name", new { name = "A-1" }).ShouldBe("deal A-1");

    [Theory]
    [InlineData("= reviewResult = \"approved\"", true)]
    [InlineData("= reviewResult != \"approved\"", false)]
    [InlineData("= loopAmount != totalLoops", true)]
    [InlineData("= amount > 1000 and not(approved)", true)]
    [InlineData("= amount >= 1500", true)]
    [InlineData("= amount < 1500 or approved", false)]
    [InlineData("= amount <= 1500 and amount > 1499.5", true)]
    [InlineData("= \"abc\" < \"abd\"", true)]
    [InlineData("= true or false and false", true)] // and binds tighter than or
    [InlineData("= (true or false) and false", false)]
    [InlineData("= 1 + 1 = 2", true)] // arithmetic before comparison
    [InlineData("= customer.address.city = \"Oslo\"", true)]
    [InlineData("= [1, 2] = [1, 2]", true)]
    [InlineData("= [1, 2] = [2, 1]", false)]
    public void Comparisons_and_logic_read_the_way_Zeebe_reads_them(string expression, bool expected) =>
        Value(expression, new
        {
            reviewResult = "approved",
            loopAmount = 1,
            totalLoops = 3,
            amount = 1500,
            approved = false,
            customer = new { address = new { city = "Oslo" } },
        }).ShouldBe(expected);

    [Theory]
    [InlineData("= amount between 1000 and 2000", true)]
    [InlineData("= amount between 1500 and 1500", true)]
    [InlineData("= amount between 1501 and 2000", false)]
    [InlineData("= amount in [1..1500]", true)]
    [InlineData("= amount in [1..1500[", false)]
    [InlineData("= amount in ]1500..2000]", false)]
    [InlineData("= amount in (1..2000)", true)]
    [InlineData("= amount in (< 0, > 1000)", true)]
    [InlineData("= amount in <= 1000", false)]
    [InlineData("= status in (\"new\", \"open\")", true)]
    [InlineData("= status in (\"closed\")", false)]
    [InlineData("= status in [\"new\", \"open\"]", true)]
    [InlineData("= status in allowed", true)]
    [InlineData("= status = \"open\" and amount in [1000..2000]", true)]
    public void Between_and_in_test_a_value_against_ranges_lists_and_comparisons(string expression, bool expected) =>
        Value(expression, new { amount = 1500, status = "open", allowed = new[] { "open", "won" } }).ShouldBe(expected);

    [Theory]
    [InlineData("= if amount > 1000 then \"big\" else \"small\"", "big")]
    [InlineData("= if missing then \"yes\" else \"no\"", "no")] // a null condition takes the else
    [InlineData("= if amount > 1000 then if amount > 2000 then \"huge\" else \"big\" else \"small\"", "big")]
    public void If_then_else_takes_the_else_unless_the_condition_is_true(string expression, string expected) =>
        Value(expression, new { amount = 1500 }).ShouldBe(expected);

    [Fact]
    public void A_list_literal_gives_a_list() =>
        Value("= [1, \"a\", true, null, 1.5]").ShouldBe("[1,\"a\",true,null,1.5]");

    [Fact]
    public void A_path_over_a_list_gives_each_item_s_entry() =>
        Value("= items.price", new { items = new[] { new { price = 1 }, new { price = 2 } } }).ShouldBe("[1,2]");
}
