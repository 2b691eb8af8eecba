using static CrmBpm.Engine.Tests.Expressions.Juel.Juel;

namespace CrmBpm.Engine.Tests.Expressions.Juel;

/// <summary>The coercion rules of the Expression Language specification (EL 2.2 section 1.18, EL 3.0 section 1.23).</summary>
public sealed class Juel_coercion_rules
{
    [Theory]
    [InlineData("${approved == 'true'}", true, true)]
    [InlineData("${approved == 'true'}", false, false)]
    [InlineData("${approved eq \"true\"}", true, true)]
    [InlineData("${approved != 'true'}", true, false)]
    [InlineData("${approved == 'false'}", false, true)]
    [InlineData("${'true' == approved}", true, true)]
    [InlineData("${approved == 'TRUE'}", true, true)]
    [InlineData("${approved == 'yes'}", true, false)]
    public void A_boolean_compared_with_a_text_compares_as_booleans(string expression, bool approved, bool expected) =>
        Value(expression, new { approved }).ShouldBe(expected);

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("yes", false)]
    [InlineData("", false)]
    public void A_text_variable_compared_with_a_boolean_is_true_only_when_it_says_true(string approved, bool expected) =>
        Value("${approved == true}", new { approved }).ShouldBe(expected);

    [Theory]
    [InlineData("${null == null}", true)]
    [InlineData("${null == false}", false)]
    [InlineData("${null == 0}", false)]
    [InlineData("${null == ''}", false)]
    [InlineData("${null != 'x'}", true)]
    [InlineData("${'' == false}", true)]
    [InlineData("${5 == '5'}", true)]
    [InlineData("${5.0 == '5'}", true)]
    [InlineData("${5 == 5.0}", true)]
    [InlineData("${'5' == '5.0'}", false)]
    [InlineData("${'a' == 'a'}", true)]
    [InlineData("${'a' == 'A'}", false)]
    public void Equality_follows_the_specification_order_null_then_numbers_then_booleans_then_texts(string expression, bool expected) =>
        Value(expression).ShouldBe(expected);

    [Theory]
    [InlineData("${null < 1}", false)]
    [InlineData("${null >= 1}", false)]
    [InlineData("${1 < null}", false)]
    [InlineData("${'10' < 9}", false)] // a number on one side: the text is read as a number
    [InlineData("${'10' < '9'}", true)] // texts on both sides: compared as texts
    [InlineData("${'b' > 'a'}", true)]
    [InlineData("${2.5 >= '2.5'}", true)]
    [InlineData("${false < true}", true)]
    public void Comparisons_coerce_to_numbers_when_a_number_is_involved_and_otherwise_to_texts(string expression, bool expected) =>
        Value(expression).ShouldBe(expected);

    [Theory]
    [InlineData("${null + 1}", 1L)]
    [InlineData("${'' + 1}", 1L)]
    [InlineData("${'3' + 4}", 7L)]
    [InlineData("${null + null}", 0L)]
    [InlineData("${-null}", 0L)]
    [InlineData("${-'4'}", -4L)]
    public void Null_and_the_empty_text_count_as_zero_and_texts_as_the_numbers_they_hold(string expression, long expected) =>
        Value(expression).ShouldBe(expected);

    [Fact]
    public void A_missing_value_read_with_getVariable_counts_as_zero_in_arithmetic() =>
        Value("${execution.getVariable('amount') + 5}").ShouldBe(5L);

    [Theory]
    [InlineData("${'abc' + 1}", "the text 'abc' cannot be coerced to an integer")]
    [InlineData("${true + 1}", "the boolean true cannot be coerced to an integer")]
    [InlineData("${1 == true}", "the boolean true cannot be coerced to an integer")]
    [InlineData("${5 == '5.0'}", "the text '5.0' cannot be coerced to an integer")]
    [InlineData("${1 && true}", "the number 1 cannot be coerced to a boolean")]
    [InlineData("${not 'x' and 0}", "the number 0 cannot be coerced to a boolean")]
    [InlineData("${true < 1}", "the boolean true cannot be coerced to an integer")]
    public void Coercions_the_specification_refuses_fail_with_the_value_named(string expression, string reason) =>
        Failure(expression).Reason.ShouldContain(reason);

    [Theory]
    [InlineData("${'x' and true}", false)] // a text other than "true" is false
    [InlineData("${'TRUE' and true}", true)]
    [InlineData("${not ''}", true)]
    [InlineData("${not null}", true)]
    [InlineData("${'true' ? 1 : 2}", 1L)]
    public void Texts_and_null_coerce_to_booleans_as_Boolean_valueOf_does(string expression, object expected) =>
        Value(expression).ShouldBe(expected);

    [Theory]
    [InlineData("${empty x}", true)]
    [InlineData("${empty text}", true)]
    [InlineData("${empty list}", true)]
    [InlineData("${empty map}", true)]
    [InlineData("${empty full}", false)]
    [InlineData("${empty word}", false)]
    [InlineData("${empty zero}", false)]
    [InlineData("${empty no}", false)]
    [InlineData("${not empty full}", true)]
    public void Empty_is_true_for_null_the_empty_text_and_empty_lists_and_maps(string expression, bool expected) =>
        Value(expression, new { x = (string?)null, text = "", list = Array.Empty<int>(), map = new { }, full = new[] { 1 }, word = "a", zero = 0, no = false })
            .ShouldBe(expected);

    [Theory]
    [InlineData(2.0, "2.0!")]
    [InlineData(1e10, "1.0E10!")]
    [InlineData(0.001, "0.001!")]
    [InlineData(1.5e-5, "1.5E-5!")]
    [InlineData(1234567.5, "1234567.5!")]
    [InlineData(-100.0, "-100.0!")]
    public void Numbers_become_text_as_Java_writes_them(double x, string expected) =>
        Value("${x * 1.0}!", new { x }).ShouldBe(expected); // * 1.0: JSON writes 2.0 as 2, an integer

    [Fact]
    public void Integers_in_variables_stay_integers_and_fractions_stay_floating()
    {
        Value("${a / b}", new { a = 7, b = 2 }).ShouldBe(3.5);
        Value("${a * b}", new { a = 7, b = 2 }).ShouldBe(14L);
        Value("${a * b}", new { a = 7.5, b = 2 }).ShouldBe(15.0);
    }
}
