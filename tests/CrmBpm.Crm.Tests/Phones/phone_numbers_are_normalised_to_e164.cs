using CrmBpm.Crm.Phones;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Tests.Phones;

public sealed class phone_numbers_are_normalised_to_e164
{
    [Theory]
    [InlineData("+49 30 1234567", null, "+49301234567")]
    [InlineData("+49 (0)30 1234567", null, "+49301234567")]
    [InlineData("0049 30 1234567", null, "+49301234567")]
    [InlineData("030 1234567", "DE", "+49301234567")]
    [InlineData("8 (495) 123-45-67", "RU", "+74951234567")]
    [InlineData("+7 495 123 45 67", "DE", "+74951234567")]
    [InlineData("0721 123 456", "RO", "+40721123456")]
    [InlineData("(212) 555-0100", "US", "+12125550100")]
    [InlineData("+373 22 123456", null, "+37322123456")]
    [InlineData("+81 3 1234 5678", null, "+81312345678")]
    public void a_good_number_in_any_common_notation_becomes_e164(string input, string? country, string expected) =>
        PhoneNumbers.Normalize(input, "phone", country).ShouldBe(expected);

    [Theory]
    [InlineData("+49 30 12ab", "contains 'a'")]
    [InlineData("8 (495) 123", "has 6 digits after +7; numbers in Russia have 10")]
    [InlineData("+7 495 123 45 67 89", "has 12 digits after +7")]
    [InlineData("+0 123 4567890", "country code starting with 0")]
    [InlineData("+999 12", "8 to 15")]
    [InlineData("+86 1234567890123456", "8 to 15")]
    public void a_bad_number_is_refused_with_a_message_naming_the_field_and_the_value(string input, string problem)
    {
        var error = Should.Throw<InputException>(() => PhoneNumbers.Normalize(input, "contactPhone", "RU"));

        error.Code.ShouldBe("phone.invalid");
        var single = error.Problems.ShouldHaveSingleItem();
        single.Field.ShouldBe("contactPhone");
        single.Message.ShouldContain($"'{input}'");
        single.Message.ShouldContain("contactPhone");
        single.Message.ShouldContain(problem);
    }

    [Fact]
    public void a_national_number_without_a_default_country_asks_for_the_country_code()
    {
        var error = Should.Throw<InputException>(() => PhoneNumbers.Normalize("030 1234567", "phone", null));

        error.Message.ShouldContain("has no country code");
        error.Message.ShouldContain("+<country code>");
    }
}
