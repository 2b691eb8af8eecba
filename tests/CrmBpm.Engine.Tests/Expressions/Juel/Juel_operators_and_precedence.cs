using static CrmBpm.Engine.Tests.Expressions.Juel.Juel;

namespace CrmBpm.Engine.Tests.Expressions.Juel;

public sealed class Juel_operators_and_precedence
{
    [Theory]
    [InlineData("${1 + 2 * 3}", 7L)]
    [InlineData("${(1 + 2) * 3}", 9L)]
    [InlineData("${10 - 4 - 3}", 3L)]
    [InlineData("${7 % 4}", 3L)]
    [InlineData("${7 mod 4}", 3L)]
    [InlineData("${-7 % 4}", -3L)]
    [InlineData("${- - 3}", 3L)]
    [InlineData("${2 * -3}", -6L)]
    [InlineData("${9223372036854775807 + 1}", long.MinValue)]
    public void Integer_arithmetic_is_Java_long_arithmetic(string expression, long expected) =>
        Value(expression).ShouldBe(expected);

    [Theory]
    [InlineData("${7 / 2}", 3.5)]
    [InlineData("${8 div 2}", 4.0)]
    [InlineData("${1.5 + 1}", 2.5)]
    [InlineData("${'1.5' + 1}", 2.5)]
    [InlineData("${1e2 * 2}", 200.0)]
    [InlineData("${7.5 % 2}", 1.5)]
    [InlineData("${.5 + 1.}", 1.5)]
    public void Division_is_always_floating_and_a_floating_side_makes_the_result_floating(string expression, double expected) =>
        Value(expression).ShouldBe(expected);

    [Fact]
    public void Dividing_by_zero_gives_infinity_which_cannot_be_stored_as_a_result_but_can_be_compared() =>
        Value("${1 / 0 > 1000}").ShouldBe(true);

    [Fact]
    public void A_long_remainder_by_zero_fails_as_in_Java() =>
        Failure("${1 % 0}").Reason.ShouldContain("divides by zero");

    [Theory]
    [InlineData("${1 < 2 && 2 < 3}", true)]
    [InlineData("${1 lt 2 and 2 lt 3}", true)]
    [InlineData("${true || false && false}", true)] // && binds tighter than ||
    [InlineData("${(true || false) && false}", false)]
    [InlineData("${true or false and false}", true)]
    [InlineData("${not true or true}", true)] // not binds tighter than or
    [InlineData("${!(true or true)}", false)]
    [InlineData("${1 + 1 == 2}", true)] // arithmetic before equality
    [InlineData("${1 < 2 == true}", true)] // relational before equality
    [InlineData("${2 > 1 ? 'a' : 'b'}", "a")]
    [InlineData("${false ? 'a' : true ? 'b' : 'c'}", "b")] // ?: is right-associative
    [InlineData("${empty '' and 1 == 1}", true)]
    public void Operators_bind_in_the_order_of_the_specification(string expression, object expected) =>
        Value(expression).ShouldBe(expected);

    [Theory]
    [InlineData("${3 eq 3}", true)]
    [InlineData("${3 ne 3}", false)]
    [InlineData("${3 lt 4}", true)]
    [InlineData("${3 gt 4}", false)]
    [InlineData("${3 le 3}", true)]
    [InlineData("${3 ge 4}", false)]
    [InlineData("${true and false}", false)]
    [InlineData("${true or false}", true)]
    [InlineData("${not false}", true)]
    [InlineData("${empty null}", true)]
    [InlineData("${6 div 4}", 1.5)]
    [InlineData("${6 mod 4}", 2L)]
    public void Every_word_operator_means_its_symbol(string expression, object expected) =>
        Value(expression).ShouldBe(expected);

    [Fact]
    public void Word_operators_work_on_variables_as_real_files_write_them() =>
        Value("${not approved and amount ge 100 or status eq 'vip'}", new { approved = false, amount = 150, status = "new" }).ShouldBe(true);

    [Fact]
    public void And_and_or_do_not_evaluate_their_right_side_when_the_left_decides()
    {
        Value("${false and unknownName}").ShouldBe(false);
        Value("${true or unknownName}").ShouldBe(true);
    }

    [Theory]
    [InlineData("${'it\\'s'}", "it's")]
    [InlineData("${\"say \\\"hi\\\"\"}", "say \"hi\"")]
    [InlineData("${'back\\\\slash'}", "back\\slash")]
    [InlineData("${\"it's\"}", "it's")]
    [InlineData("${'}'}", "}")]
    public void String_literals_take_single_or_double_quotes_with_their_escapes(string expression, string expected) =>
        Value(expression).ShouldBe(expected);

    [Theory]
    [InlineData("${null}", null)]
    [InlineData("${true}", true)]
    [InlineData("${false}", false)]
    [InlineData("${42}", 42L)]
    [InlineData("${4.25}", 4.25)]
    [InlineData("#{42}", 42L)]
    [InlineData("  ${ 42 }  ", 42L)]
    public void Literals_and_deferred_expressions_give_their_values(string expression, object? expected) =>
        Value(expression).ShouldBe(expected);

    [Theory]
    [InlineData("Deal ${name}: ${amount}", "Deal Acme: 1200")]
    [InlineData("${a} and ${b}", "true and false")]
    [InlineData("cost \\${amount}", "cost ${amount}")]
    [InlineData("${ratio}", 0.5)]
    [InlineData("${ratio}%", "0.5%")]
    public void Text_around_evaluations_is_joined_with_each_value_as_text(string expression, object expected) =>
        Value(expression, new { name = "Acme", amount = 1200, a = true, b = false, ratio = 0.5 }).ShouldBe(expected);

    [Fact]
    public void Mixing_immediate_and_deferred_evaluations_is_refused() =>
        Evaluator.FindSyntaxError("${a}#{b}").ShouldNotBeNull().ShouldContain("mixes");

    [Fact]
    public void Properties_and_indexes_read_into_maps_and_lists()
    {
        var variables = new { customer = new { name = "Acme", tags = new[] { "a", "b" } }, items = new[] { 10, 20 } };

        Value("${customer.name}", variables).ShouldBe("Acme");
        Value("${customer['name']}", variables).ShouldBe("Acme");
        Value("${customer.tags[1]}", variables).ShouldBe("b");
        Value("${items[0] + items['1']}", variables).ShouldBe(30L);
        Value("${items[5]}", variables).ShouldBeNull();
        Value("${customer.missing}", variables).ShouldBeNull();
        Value("${customer.missing.deeper}", variables).ShouldBeNull();
    }

    [Fact]
    public void A_property_of_a_text_or_number_is_an_error_naming_it() =>
        Failure("${name.first}", new { name = "Acme" }).Reason.ShouldContain("'name.first' reads the property 'first' of the text 'Acme'");
}
