using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CrmBpm.EntityFrameworkCore.Tests.CrashRounds;

/// <summary>
/// Concurrent API clients doing a sales team's day against a running server until cancelled: anna opens Typical-sale
/// deals and works her tasks, helga works her pools' and her team's tasks (credit checks, shipments, anything of anna's),
/// boris and anna give each other instructions and execute, report, verify or return them through the task endpoints,
/// anna registers claims with an action plan and takes deals out of process control and puts them back under it.
/// Seeded, so a round's mix of requests is repeatable (their interleaving with the kill is not).
/// </summary>
public sealed class CrmLoad(Uri baseAddress, int seed)
{
    private static readonly (string User, string Password)[] Logins = [("anna", "manager1"), ("helga", "head1234"), ("boris", "manager2")];
    private readonly Dictionary<string, string> _tokens = [];
    private readonly SemaphoreSlim _signIn = new(1, 1);
    private Guid? _partnerId;
    private int _seed = seed;

    /// <summary>Runs <paramref name="clients"/> clients, counting into <paramref name="figures"/>, until <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(int clients, LoadFigures figures, CancellationToken stop)
    {
        var workers = Enumerable.Range(0, clients)
            .Select(i => Task.Run(() => ClientAsync(Logins[i % Logins.Length].User, new Random(_seed * 100 + i), figures, stop), CancellationToken.None))
            .ToList();
        _seed++;
        await Task.WhenAll(workers);
    }

    private async Task ClientAsync(string user, Random random, LoadFigures figures, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        while (!stop.IsCancellationRequested)
        {
            try
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(user, stop));
                var step = random.Next(100);
                switch (user)
                {
                    case "anna" when step < 30:
                        await OpenDealAsync(http, random, figures, stop);
                        break;
                    case "anna" or "boris" when step < 45:
                        await GiveInstructionAsync(http, user == "anna" ? (step < 40 ? "boris" : "anna") : (step < 40 ? "anna" : "boris"), figures, stop);
                        break;
                    case "anna" when step < 55:
                        await RegisterClaimAsync(http, random, figures, stop);
                        break;
                    case "anna" when step < 65:
                        await SwitchADealsKindAsync(http, random, figures, stop);
                        break;
                    default:
                        await CompleteATaskAsync(http, user == "helga" && step < 50 ? "Team" : "Mine", random, figures, stop);
                        break;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (TokenRefusedException)
            {
                await ForgetTokenAsync(user);
            }
            catch (HttpRequestException)
            {
                // The server is gone (killed) or not up: the round is ending.
                figures.CutOff();
                await Task.Delay(50, CancellationToken.None);
            }
            catch (TaskCanceledException)
            {
                figures.CutOff();
            }
        }
    }

    private async Task OpenDealAsync(HttpClient http, Random random, LoadFigures figures, CancellationToken stop)
    {
        _partnerId ??= await PartnerAsync(http, stop);
        await SendAsync(http, HttpMethod.Post, "/api/deals", new
        {
            title = $"Load deal {random.Next(1_000_000)}", partnerId = _partnerId, kind = "ProcessControlled", routeMapKey = "typical-sale", potentialAmount = random.Next(1000, 50_000),
            allowDuplicates = true,
        }, figures, stop);
    }

    private async Task RegisterClaimAsync(HttpClient http, Random random, LoadFigures figures, CancellationToken stop)
    {
        _partnerId ??= await PartnerAsync(http, stop);
        await SendAsync(http, HttpMethod.Post, "/api/claims", new
        {
            partnerId = _partnerId, reason = "Delivery delay", responsibleId = "anna", description = $"Load claim {random.Next(1_000_000)}",
            plan = new[] { new { title = "Call the customer", performerId = "anna", deadline = DateTimeOffset.UtcNow.AddDays(2) } },
        }, figures, stop);
    }

    /// <summary>A process-controlled deal goes to manual stages (its process is terminated); a manual one goes back under Typical sale.</summary>
    private static async Task SwitchADealsKindAsync(HttpClient http, Random random, LoadFigures figures, CancellationToken stop)
    {
        using var list = await http.GetAsync("/api/deals?status=InWork&managerId=anna&pageSize=20", stop);
        if (!list.IsSuccessStatusCode)
        {
            Refused(list.StatusCode, figures);
            return;
        }

        var deals = (await list.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("items").EnumerateArray().ToList();
        if (deals.Count == 0)
        {
            return;
        }

        var deal = deals[random.Next(deals.Count)];
        var underProcess = deal.GetProperty("kind").GetString() == "ProcessControlled";
        await SendAsync(http, HttpMethod.Post, $"/api/deals/{deal.GetProperty("id").GetGuid()}/kind",
            underProcess ? new { kind = "ManualStages", routeMapKey = (string?)null } : new { kind = "ProcessControlled", routeMapKey = (string?)"typical-sale" }, figures, stop);
    }

    private static Task GiveInstructionAsync(HttpClient http, string performer, LoadFigures figures, CancellationToken stop) =>
        SendAsync(http, HttpMethod.Post, "/api/instructions", new { title = "Call the customer back", performerId = performer }, figures, stop);

    private static async Task CompleteATaskAsync(HttpClient http, string scope, Random random, LoadFigures figures, CancellationToken stop)
    {
        using var list = await http.GetAsync($"/api/tasks?scope={scope}&pageSize=50", stop);
        if (!list.IsSuccessStatusCode)
        {
            Refused(list.StatusCode, figures);
            return;
        }

        var items = (await list.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("items").EnumerateArray().ToList();
        if (items.Count == 0)
        {
            return;
        }

        var task = items[random.Next(items.Count)];
        var id = task.GetProperty("id").GetGuid();
        if (task.GetProperty("requiresAcceptance").GetBoolean() && task.GetProperty("status").GetString() == "Open" &&
            !await SendAsync(http, HttpMethod.Post, $"/api/tasks/{id}/accept", null, figures, stop))
        {
            return;
        }

        var variables = new Dictionary<string, object?>();
        foreach (var field in task.GetProperty("formFields").EnumerateArray())
        {
            var name = field.GetProperty("name").GetString()!;
            variables[name] = field.GetProperty("type").GetString() switch
            {
                "Number" => random.Next(1000, 50_000),
                "Boolean" => name != "customerAgrees" || random.Next(4) > 0,
                "Date" => DateTimeOffset.UtcNow.AddDays(3),
                _ => $"{name} by load",
            };
        }

        var outcomes = task.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()).ToList();
        var outcome = outcomes.Count == 0 ? null : random.Next(10) < 7 ? outcomes[0] : outcomes[random.Next(outcomes.Count)];
        await SendAsync(http, HttpMethod.Post, $"/api/tasks/{id}/complete", new { outcome, variables }, figures, stop);
    }

    private static async Task<bool> SendAsync(HttpClient http, HttpMethod method, string path, object? body, LoadFigures figures, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body ?? new { }) };
        using var response = await http.SendAsync(request, stop);
        if (response.IsSuccessStatusCode)
        {
            figures.Accepted();
            return true;
        }

        Refused(response.StatusCode, figures);
        return false;
    }

    private static void Refused(HttpStatusCode status, LoadFigures figures)
    {
        figures.Refused(status);
        if (status == HttpStatusCode.Unauthorized)
        {
            throw new TokenRefusedException();
        }
    }

    private static async Task<Guid> PartnerAsync(HttpClient http, CancellationToken stop)
    {
        var partners = await http.GetFromJsonAsync<JsonElement>("/api/partners?pageSize=1", stop);
        return partners.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    /// <summary>One token per user, asked for again after a restart refuses it (401).</summary>
    private async Task<string> TokenAsync(string user, CancellationToken stop)
    {
        await _signIn.WaitAsync(stop);
        try
        {
            if (_tokens.TryGetValue(user, out var token))
            {
                return token;
            }

            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            var password = Logins.Single(l => l.User == user).Password;
            using var response = await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password }, stop);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"signing in as {user}");
            token = (await response.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("accessToken").GetString()!;
            _tokens[user] = token;
            return token;
        }
        finally
        {
            _signIn.Release();
        }
    }

    /// <summary>Forgets a token the server refused (a restart whose data protection keys differ answers 401).</summary>
    private async Task ForgetTokenAsync(string user)
    {
        await _signIn.WaitAsync();
        try
        {
            _tokens.Remove(user);
        }
        finally
        {
            _signIn.Release();
        }
    }

    private sealed class TokenRefusedException : Exception;
}
