using CrmBpm.Server.Tests.Infrastructure;

namespace CrmBpm.Server.Tests;

/// <summary>
/// GET /api/deals?search= finds a deal by its title or by its partner's name, among the deals the user may see only
/// (the Deals page lists through the same filter).
/// </summary>
public sealed class SearchingDealsThroughTheApi(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task A_search_finds_deals_by_partner_name_but_only_the_users_own()
    {
        var anna = await server.SignInAsync("anna");
        var byPartner = (await anna.GetOkAsync("/api/deals?search=LOGISTIK&pageSize=200")).Items().ToList();
        byPartner.ShouldContain(d => d.Str("title") == "Nordwind: fleet software for 40 trucks");
        byPartner.Select(d => d.Str("partnerId")).Distinct().ShouldHaveSingleItem();

        var byTitle = (await anna.GetOkAsync("/api/deals?search=warehouse%20scanners")).Items();
        byTitle.ShouldHaveSingleItem().Str("title").ShouldBe("Acme: warehouse scanners");

        var boris = await server.SignInAsync("boris");
        (await boris.GetOkAsync("/api/deals?search=logistik")).Items().ShouldBeEmpty();
    }
}
