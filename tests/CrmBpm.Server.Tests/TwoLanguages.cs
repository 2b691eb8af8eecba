using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CrmBpm.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrmBpm.Server.Tests;

/// <summary>The UI speaks English and Russian: switched by a cookie, chosen from the browser otherwise, every text translated.</summary>
public sealed partial class TwoLanguages(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Switching_to_russian_sets_the_cookie_and_returns_to_the_page_now_in_russian()
    {
        using var client = server.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await client.GetAsync("/culture/ru?returnUrl=%2Faccount%2Fsignin");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/account/signin");
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(".AspNetCore.Culture=c%3Dru%7Cuic%3Dru", StringComparison.Ordinal));

        var html = await client.GetStringAsync("/account/signin");
        html.ShouldContain("<html lang=\"ru\">");
        html.ShouldContain("Имя пользователя");
        html.ShouldContain("Пароль");
        html.ShouldNotContain("User name");
    }

    [Fact]
    public async Task Without_a_cookie_the_browser_language_decides_and_english_is_the_fallback()
    {
        using var client = server.Anonymous();
        using var russian = new HttpRequestMessage(HttpMethod.Get, "/account/signin");
        russian.Headers.AcceptLanguage.ParseAdd("ru-RU,ru;q=0.9");
        (await (await client.SendAsync(russian)).Content.ReadAsStringAsync()).ShouldContain("Пароль");

        using var german = new HttpRequestMessage(HttpMethod.Get, "/account/signin");
        german.Headers.AcceptLanguage.ParseAdd("de-DE");
        var html = await (await client.SendAsync(german)).Content.ReadAsStringAsync();
        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain("Password");
    }

    [Fact]
    public async Task A_language_that_is_not_offered_is_refused_by_name()
    {
        using var client = server.Anonymous();
        using var response = await client.GetAsync("/culture/de");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("'de'");
        body.ShouldContain("en, ru");
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task The_return_address_never_leaves_the_site(string returnUrl)
    {
        using var client = server.Anonymous();
        using var response = await client.GetAsync($"/culture/en?returnUrl={Uri.EscapeDataString(returnUrl)}");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
    }

    [Fact]
    public void Every_english_resource_has_a_russian_translation_with_the_same_keys_and_placeholders()
    {
        var components = Path.Combine(RepositoryRoot(), "src", "CrmBpm.Server", "Components");
        var neutral = Directory.GetFiles(components, "*.resx", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).Count(c => c == '.') == 1)
            .ToList();
        neutral.Count.ShouldBeGreaterThan(3);
        foreach (var file in neutral)
        {
            var russianFile = Path.ChangeExtension(file, ".ru.resx");
            File.Exists(russianFile).ShouldBeTrue($"{Path.GetRelativePath(components, file)} has no Russian translation");
            var english = Read(file);
            var russian = Read(russianFile);
            russian.Keys.Order().ShouldBe(english.Keys.Order(), $"keys of {Path.GetRelativePath(components, russianFile)}");
            foreach (var (key, text) in english)
            {
                russian[key].ShouldNotBeNullOrWhiteSpace($"{key} in {Path.GetFileName(russianFile)}");
                Placeholders(russian[key]).ShouldBe(Placeholders(text), $"placeholders of {key} in {Path.GetFileName(russianFile)}");
            }
        }
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order()];

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CrmBpm.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CrmBpm.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
