using static CrmBpm.Engine.Tests.Expressions.Feel.Feel;

namespace CrmBpm.Engine.Tests.Expressions.Feel;

/// <summary>FEEL does not fail on a missing or mistyped value: it gives null, or false where FEEL's tables say so.</summary>
public sealed class Feel_null_and_type_mismatch
{
    [Theory]
    [InlineData("= missing")]
    [InlineData("= missing.city")]
    [InlineData("= name.city")] // a path through a text
    [InlineData("= missing + 1")]
    [InlineData("= 1 - missing")]
    [InlineData("= missing * 2")]
    [InlineData("= -missing")]
    [InlineData("= 1 / 0")]
    [InlineData("= 1 + \"a\"")]
    [InlineData("= \"a\" * 2")]
    [InlineData("= missing < 1")]
    [InlineData("= not(missing)")]
    [InlineData("= not(1)")]
    public void A_missing_variable_or_an_operation_its_values_do_not_have_gives_null(string expression) =>
        Value(expression, new { name = "Anna" }).ShouldBeNull();

    [Theory]
    [InlineData("= 1 = \"1\"")]
    [InlineData("= 1 != \"1\"")]
    [InlineData("= true = \"true\"")]
    [InlineData("= 1 < \"2\"")]
    [InlineData("= true < false")]
    [InlineData("= amount = \"1500\"")]
    [InlineData("= amount between \"a\" and \"z\"")]
    [InlineData("= amount in [\"a\"..\"z\"]")]
    public void Values_of_different_kinds_compare_to_null(string expression) =>
        Value(expression, new { amount = 1500 }).ShouldBeNull();

    [Theory]
    [InlineData("= missing = null", true)]
    [InlineData("= null = null", true)]
    [InlineData("= missing = \"approved\"", false)] // null equals nothing but null
    [InlineData("= missing != \"approved\"", true)]
    [InlineData("= empty = null", true)]
    public void Null_equals_null_and_nothing_else(string expression, bool expected) =>
        Value(expression, new { empty = (string?)null }).ShouldBe(expected);

    [Theory]
    [InlineData("= false and missing", false)]
    [InlineData("= missing and false", false)]
    [InlineData("= true or missing", true)]
    [InlineData("= missing or true", true)]
    [InlineData("= true and missing", null)]
    [InlineData("= false or missing", null)]
    [InlineData("= true and 1", null)]
    [InlineData("= 1 = \"1\" or true", true)]
    public void And_and_or_follow_FEELs_three_valued_logic(string expression, bool? expected) =>
        Value(expression).ShouldBe(expected);
}
