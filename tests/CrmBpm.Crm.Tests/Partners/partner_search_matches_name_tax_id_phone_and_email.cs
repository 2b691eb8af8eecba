using CrmBpm.Crm.Duplicates;
using CrmBpm.Crm.Partners;

namespace CrmBpm.Crm.Tests.Partners;

public sealed class partner_search_matches_name_tax_id_phone_and_email
{
    [Theory]
    [InlineData("nordwind")]
    [InlineData("Nordwind Logistik GmbH")]
    [InlineData("logistik")]
    public void a_name_matches_as_typed_or_as_the_duplicate_check_compares_it(string text) =>
        PartnerSearchText.From(text, "DE")!.MatchesName("Nordwind Logistik", CompanyNames.Normalize("Nordwind Logistik")).ShouldBeTrue();

    [Fact]
    public void a_tax_id_matches_without_separators_and_case() =>
        PartnerSearchText.From("ee 100-123", null)!.MatchesTaxId(TaxIds.Normalize("EE100123456")).ShouldBeTrue();

    [Theory]
    [InlineData("030 1234567")]
    [InlineData("+49 30 1234567")]
    [InlineData("1234567")]
    public void a_phone_matches_in_the_national_form_the_international_form_or_a_fragment(string text) =>
        PartnerSearchText.From(text, "DE")!.MatchesPhone("+49301234567").ShouldBeTrue();

    [Fact]
    public void a_name_with_a_digit_is_not_taken_for_a_phone_number() =>
        PartnerSearchText.From("Acme 2024", "DE")!.MatchesPhone("+49302024111").ShouldBeFalse();

    [Fact]
    public void an_email_matches_a_fragment_without_case() =>
        PartnerSearchText.From("NORDWIND.example", null)!.MatchesEmail("info@nordwind.example").ShouldBeTrue();

    [Fact]
    public void blank_text_searches_nothing_so_everything_is_listed() =>
        PartnerSearchText.From("  ", "DE").ShouldBeNull();
}
