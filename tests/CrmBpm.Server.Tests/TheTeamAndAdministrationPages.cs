using System.Net;
using System.Text.RegularExpressions;
using CrmBpm.Server.Tests.Infrastructure;

namespace CrmBpm.Server.Tests;

/// <summary>The Head's team page and the Administrator's catalogues page: who may open them and what they show first.</summary>
public sealed partial class TheTeamAndAdministrationPages(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task The_head_sees_each_manager_of_the_department_with_the_tasks_on_them_and_their_deals()
    {
        using var api = await server.SignInAsync("anna");
        var annasDeals = (await api.GetOkAsync("/api/deals?pageSize=200")).Items().Count(d => d.Str("status") == "InWork");
        using var helga = await server.SignInWithCookieAsync("helga");
        var html = await helga.GetStringAsync("/team");

        Regex.IsMatch(html, "<h1[^>]*>Team</h1>").ShouldBeTrue();
        var anna = Row(html, "Anna Petrova");
        Row(html, "Boris Nowak").ShouldNotBeNullOrEmpty();
        html.ShouldNotContain("Carl Jensen", customMessage: "a consultant works no deals or tasks");
        var cells = Cells().Matches(anna).Select(m => m.Groups[1].Value.Trim()).ToList();
        int.Parse(cells[0]).ShouldBeGreaterThan(0, "the demo's running Typical sales put tasks on anna");
        int.Parse(cells[2]).ShouldBe(annasDeals);
    }

    [Fact]
    public async Task A_manager_may_open_neither_the_team_nor_the_catalogues()
    {
        using var anna = await server.SignInWithCookieAsync("anna");
        foreach (var page in new[] { "/team", "/admin" })
        {
            using var response = await anna.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            response.Headers.Location!.ToString().ShouldContain("/account/denied", customMessage: page);
        }
    }

    [Fact]
    public async Task The_administrator_opens_the_catalogues_on_the_sales_stages_in_funnel_order()
    {
        using var admin = await server.SignInWithCookieAsync("admin");
        using var api = await server.SignInAsync("admin");
        var stages = (await api.GetOkAsync("/api/catalogues/SalesStage")).Items().Select(s => s.Str("name")).ToList();
        var html = await admin.GetStringAsync("/admin");

        Regex.IsMatch(html, "<h1[^>]*>Catalogues</h1>").ShouldBeTrue();
        var positions = stages.Select(name => html.IndexOf(WebUtility.HtmlEncode(name), StringComparison.Ordinal)).ToList();
        positions.ShouldAllBe(p => p > 0);
        positions.ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public async Task The_head_reads_the_funnel_of_the_teams_deals_in_stage_order_with_the_counts_of_the_api()
    {
        using var api = await server.SignInAsync("helga");
        var inWork = (await api.GetOkAsync("/api/deals?pageSize=200")).Items().Where(d => d.Str("status") == "InWork").ToList();
        var stages = (await api.GetOkAsync("/api/catalogues/SalesStage")).Items().Select(s => (Code: s.Str("code"), Name: s.Str("name"))).ToList();
        using var helga = await server.SignInWithCookieAsync("helga");
        var html = await helga.GetStringAsync("/reports");

        var funnel = Regex.Match(html, "<table class=\"bars\"[^>]*aria-label=\"Sales funnel[^\"]*\".*?</table>", RegexOptions.Singleline).Value;
        funnel.ShouldNotBeEmpty(html);
        var rows = Regex.Matches(funnel, "<th scope=\"row\"[^>]*>([^<]*)</th>.*?<span class=\"count\"[^>]*>(\\d+)</span>", RegexOptions.Singleline)
            .Select(m => (Label: WebUtility.HtmlDecode(m.Groups[1].Value), Count: int.Parse(m.Groups[2].Value))).ToList();
        rows.Take(stages.Count).Select(r => r.Label).ShouldBe(stages.Select(s => s.Name), "every stage, in funnel order, even when empty");
        foreach (var (code, name) in stages)
        {
            rows.Single(r => r.Label == name).Count.ShouldBe(inWork.Count(d => d.TryGetProperty("stage", out var stage) && stage.ValueKind == System.Text.Json.JsonValueKind.String && stage.GetString() == code), name);
        }

        rows.Sum(r => r.Count).ShouldBe(inWork.Count, "every deal in work is in exactly one bar");
    }

    private static string Row(string html, string name) =>
        Regex.Match(html, $"<tr[^>]*><th scope=\"row\"[^>]*>{Regex.Escape(name)}.*?</tr>", RegexOptions.Singleline).Value;

    [GeneratedRegex("<td class=\"number[^\"]*\"[^>]*>([^<]*)</td>")]
    private static partial Regex Cells();
}
