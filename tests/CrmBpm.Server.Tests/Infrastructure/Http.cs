using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CrmBpm.Server.Tests.Infrastructure;

/// <summary>Small helpers that keep the API tests readable: send JSON, expect a status (showing the body when it differs), read JSON.</summary>
public static class Http
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object? body = null) =>
        client.PostAsJsonAsync(url, body ?? new { }, ServerFixture.Json);

    public static async Task<JsonElement> ExpectAsync(this Task<HttpResponseMessage> sending, HttpStatusCode status)
    {
        using var response = await sending;
        return await response.ExpectAsync(status);
    }

    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<JsonElement> GetOkAsync(this HttpClient client, string url) => client.GetAsync(url).ExpectAsync(HttpStatusCode.OK);

    public static string Str(this JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new ShouldAssertException($"{property} is null in {element}");

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static IEnumerable<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray();
}
