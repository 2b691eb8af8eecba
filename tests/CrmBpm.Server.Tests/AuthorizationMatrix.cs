using CrmBpm.Testing.Postgres;
using System.Net;
using System.Text.RegularExpressions;
using CrmBpm.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.Tests;

/// <summary>
/// Every API endpoint × every role: allowed (anything but 401/403, and never a 500) or refused (403; 401 without credentials).
/// Ids are unknown and bodies empty, so an allowed call ends in 404 or 400 and changes nothing.
/// </summary>
public abstract partial class AuthorizationMatrix(ServerFixture server)
{
    /// <summary>Who may call an endpoint.</summary>
    public enum Access
    {
        /// <summary>Anyone, signed in or not.</summary>
        Public,

        /// <summary>Any signed-in user.</summary>
        SignedIn,

        /// <summary>Manager, Head, Administrator.</summary>
        Work,

        /// <summary>Consultant, Administrator.</summary>
        Design,

        /// <summary>Head, Administrator.</summary>
        Supervise,

        /// <summary>Administrator.</summary>
        Administer,

        /// <summary>Worker, Administrator (no demo user is a Worker: see ExternalWorkersThroughTheApi).</summary>
        ExternalWork,
    }

    /// <summary>The demo user of each application role.</summary>
    private static readonly Dictionary<string, string> UserOfRole = new()
    {
        ["Manager"] = "anna", ["Head"] = "helga", ["Consultant"] = "carl", ["Administrator"] = "admin",
    };

    private static readonly Dictionary<Access, string[]> AllowedRoles = new()
    {
        [Access.Public] = ["Manager", "Head", "Consultant", "Administrator"],
        [Access.SignedIn] = ["Manager", "Head", "Consultant", "Administrator"],
        [Access.Work] = ["Manager", "Head", "Administrator"],
        [Access.Design] = ["Consultant", "Administrator"],
        [Access.Supervise] = ["Head", "Administrator"],
        [Access.Administer] = ["Administrator"],
        [Access.ExternalWork] = ["Administrator"],
    };

    /// <summary>THE TABLE: method, route pattern (as mapped), who may call it.</summary>
    public static TheoryData<string, string, Access> Endpoints { get; } = new()
    {
        { "POST", "/api/auth/token", Access.Public },
        { "POST", "/api/auth/refresh", Access.Public },
        { "POST", "/api/auth/password", Access.Public },
        { "GET", "/api/auth/me", Access.SignedIn },
        { "GET", "/api/users", Access.SignedIn },

        { "GET", "/api/route-maps", Access.SignedIn },
        { "GET", "/api/route-maps/{key}", Access.SignedIn },
        { "GET", "/api/route-maps/{key}/versions", Access.SignedIn },
        { "GET", "/api/route-maps/{key}/versions/{version:int}", Access.SignedIn },
        { "GET", "/api/route-maps/{key}/versions/{version:int}/bpmn", Access.SignedIn },
        { "GET", "/api/route-maps/{key}/bpmn", Access.SignedIn },
        { "POST", "/api/route-maps", Access.Design },
        { "POST", "/api/route-maps/validate", Access.Design },
        { "GET", "/api/handlers", Access.Design },
        { "POST", "/api/route-maps/{key}/validate", Access.Design },
        { "POST", "/api/route-maps/{key}/publish", Access.Design },

        { "POST", "/api/instances", Access.SignedIn },
        { "GET", "/api/instances/{instanceId:guid}", Access.SignedIn },
        { "GET", "/api/instances/{instanceId:guid}/history", Access.SignedIn },
        { "GET", "/api/instances/{instanceId:guid}/tasks", Access.SignedIn },
        { "POST", "/api/instances/{instanceId:guid}/suspend", Access.Design },
        { "POST", "/api/instances/{instanceId:guid}/resume", Access.Design },
        { "POST", "/api/instances/{instanceId:guid}/terminate", Access.Design },
        { "POST", "/api/instances/{instanceId:guid}/retry", Access.Design },
        { "POST", "/api/messages", Access.Design },
        { "POST", "/api/signals", Access.Design },

        { "POST", "/api/external-tasks/fetch-and-lock", Access.ExternalWork },
        { "POST", "/api/external-tasks/{taskId:guid}/complete", Access.ExternalWork },
        { "POST", "/api/external-tasks/{taskId:guid}/failure", Access.ExternalWork },
        { "POST", "/api/external-tasks/{taskId:guid}/bpmn-error", Access.ExternalWork },
        { "POST", "/api/external-tasks/{taskId:guid}/extend-lock", Access.ExternalWork },

        { "GET", "/api/tasks", Access.Work },
        { "GET", "/api/tasks/{taskId:guid}", Access.Work },
        { "POST", "/api/tasks/{taskId:guid}/accept", Access.Work },
        { "POST", "/api/tasks/{taskId:guid}/complete", Access.Work },
        { "POST", "/api/tasks/{taskId:guid}/redirect", Access.Work },
        { "POST", "/api/tasks/{taskId:guid}/postpone", Access.Work },
        { "POST", "/api/tasks/{taskId:guid}/bring-back", Access.Work },
        { "POST", "/api/tasks/{taskId:guid}/return-to-pool", Access.Work },
        { "GET", "/api/tasks/unassigned", Access.Supervise },
        { "POST", "/api/tasks/unassigned/{taskId:guid}/redirect", Access.Supervise },

        { "GET", "/api/absences", Access.Work },
        { "POST", "/api/absences", Access.Work },
        { "POST", "/api/absences/{absenceId:guid}/end", Access.Work },
        { "DELETE", "/api/absences/{absenceId:guid}", Access.Work },

        { "GET", "/api/notifications", Access.SignedIn },
        { "GET", "/api/notifications/unread-count", Access.SignedIn },
        { "GET", "/api/notifications/{notificationId:guid}", Access.SignedIn },
        { "POST", "/api/notifications/{notificationId:guid}/read", Access.SignedIn },
        { "POST", "/api/notifications/read-all", Access.SignedIn },

        { "GET", "/api/partners", Access.Work },
        { "GET", "/api/partners/{partnerId:guid}", Access.Work },
        { "POST", "/api/partners", Access.Work },
        { "POST", "/api/partners/duplicates", Access.Work },
        { "POST", "/api/partners/{partnerId:guid}/counterparties", Access.Work },
        { "POST", "/api/partners/{partnerId:guid}/contacts", Access.Work },
        { "PUT", "/api/partners/{partnerId:guid}", Access.Work },
        { "PUT", "/api/partners/{partnerId:guid}/contacts/{contactId:guid}", Access.Work },

        { "GET", "/api/leads", Access.Work },
        { "GET", "/api/leads/{leadId:guid}", Access.Work },
        { "POST", "/api/leads", Access.Work },
        { "POST", "/api/leads/{leadId:guid}/discard", Access.Work },
        { "POST", "/api/leads/{leadId:guid}/convert", Access.Work },

        { "GET", "/api/deals", Access.Work },
        { "GET", "/api/deals/{dealId:guid}", Access.Work },
        { "POST", "/api/deals", Access.Work },
        { "POST", "/api/deals/{dealId:guid}/stage", Access.Work },
        { "POST", "/api/deals/{dealId:guid}/win", Access.Work },
        { "POST", "/api/deals/{dealId:guid}/lose", Access.Work },
        { "POST", "/api/deals/{dealId:guid}/kind", Access.Work },
        { "GET", "/api/deals/{dealId:guid}/probability-estimate", Access.Work },
        { "POST", "/api/deals/{dealId:guid}/probability", Access.Work },
        { "PUT", "/api/deals/{dealId:guid}/details", Access.Work },
        { "POST", "/api/deals/{dealId:guid}/manager", Access.Supervise },

        { "GET", "/api/instructions", Access.Work },
        { "GET", "/api/instructions/{instructionId:guid}", Access.Work },
        { "POST", "/api/instructions", Access.Work },
        { "POST", "/api/instructions/{instructionId:guid}/accept", Access.Work },
        { "POST", "/api/instructions/{instructionId:guid}/report", Access.Work },
        { "POST", "/api/instructions/{instructionId:guid}/verify", Access.Work },
        { "POST", "/api/instructions/{instructionId:guid}/return", Access.Work },

        { "GET", "/api/claims", Access.Work },
        { "GET", "/api/claims/{claimId:guid}", Access.Work },
        { "POST", "/api/claims", Access.Work },
        { "POST", "/api/claims/{claimId:guid}/plan-items", Access.Work },
        { "POST", "/api/claims/{claimId:guid}/decision", Access.Work },
        { "PUT", "/api/claims/{claimId:guid}/plan-items/{itemId:guid}", Access.Work },
        { "DELETE", "/api/claims/{claimId:guid}/plan-items/{itemId:guid}", Access.Work },

        { "GET", "/api/catalogues/{kind}", Access.SignedIn },
        { "POST", "/api/catalogues/{kind}", Access.Administer },
        { "PUT", "/api/catalogues/items/{itemId:guid}", Access.Administer },
        { "POST", "/api/catalogues/items/{itemId:guid}/archive", Access.Administer },
        { "GET", "/api/calendar", Access.SignedIn },
        { "PUT", "/api/calendar", Access.Administer },

        { "GET", "/api/admin/users", Access.Administer },
        { "GET", "/api/admin/users/{userName}", Access.Administer },
        { "POST", "/api/admin/users", Access.Administer },
        { "PUT", "/api/admin/users/{userName}", Access.Administer },
        { "POST", "/api/admin/users/{userName}/deactivate", Access.Administer },
        { "POST", "/api/admin/users/{userName}/reactivate", Access.Administer },
        { "POST", "/api/admin/users/{userName}/reset-password", Access.Administer },
        { "POST", "/api/admin/users/{userName}/unlock", Access.Administer },
        { "POST", "/api/admin/users/import/preview", Access.Administer },
        { "POST", "/api/admin/users/import", Access.Administer },
        { "POST", "/api/admin/demo-users/drop", Access.Administer },
        { "GET", "/api/admin/audit", Access.Administer },

        { "GET", "/api/admin/performer-roles", Access.Administer },
        { "GET", "/api/admin/performer-roles/{name}", Access.Administer },
        { "POST", "/api/admin/performer-roles", Access.Administer },
        { "PUT", "/api/admin/performer-roles/{name}", Access.Administer },
        { "DELETE", "/api/admin/performer-roles/{name}", Access.Administer },
        { "POST", "/api/admin/performer-roles/{name}/members", Access.Administer },
        { "DELETE", "/api/admin/performer-roles/{name}/members/{userName}", Access.Administer },
        { "GET", "/api/admin/addressing-objects", Access.Administer },
        { "GET", "/api/admin/addressing-objects/{name}", Access.Administer },
        { "POST", "/api/admin/addressing-objects", Access.Administer },
        { "PUT", "/api/admin/addressing-objects/{name}", Access.Administer },
        { "DELETE", "/api/admin/addressing-objects/{name}", Access.Administer },
        { "GET", "/api/organisation/performer-roles", Access.Design },
        { "GET", "/api/organisation/addressing-objects", Access.Design },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_role_is_allowed_or_refused_as_the_table_says(string method, string pattern, Access access)
    {
        var url = Fill(pattern);
        using (var anonymous = server.Anonymous())
        {
            var status = await SendAsync(anonymous, method, url);
            if (access == Access.Public)
            {
                status.ShouldNotBe(HttpStatusCode.Unauthorized, $"anonymous {method} {url}");
                ((int)status).ShouldBeLessThan(500, $"anonymous {method} {url}");
            }
            else
            {
                status.ShouldBe(HttpStatusCode.Unauthorized, $"anonymous {method} {url}");
            }
        }

        foreach (var (role, user) in UserOfRole)
        {
            using var client = await server.SignInAsync(user);
            var status = await SendAsync(client, method, url);
            var because = $"{role} ({user}) {method} {url}";
            if (AllowedRoles[access].Contains(role))
            {
                status.ShouldNotBe(HttpStatusCode.Unauthorized, because);
                status.ShouldNotBe(HttpStatusCode.Forbidden, because);
                ((int)status).ShouldBeLessThan(500, because);
            }
            else
            {
                status.ShouldBe(HttpStatusCode.Forbidden, because);
            }
        }
    }

    [Fact]
    public void The_table_covers_every_api_endpoint()
    {
        var table = Endpoints.Select(row => $"{row[0]} {row[1]}").ToHashSet(StringComparer.Ordinal);
        var mapped = server.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Where(e => !e.Contains("/api/docs", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        mapped.Except(table).ShouldBeEmpty("endpoints missing from the authorization table");
        table.Except(mapped).ShouldBeEmpty("table rows without an endpoint");
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method != "GET")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static string Fill(string pattern) => Parameter().Replace(pattern, match => match.Groups[2].Value switch
    {
        ":guid" => "5f0c1b9e-0000-4000-8000-000000000001",
        ":int" => "1",
        _ => match.Groups[1].Value == "kind" ? "SalesStage" : "no-such-map",
    });

    [GeneratedRegex(@"\{(\w+)(:\w+)?\}")]
    private static partial Regex Parameter();
}

public sealed class AuthorizationMatrixOnSqlite(SqliteServer server) : AuthorizationMatrix(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class AuthorizationMatrixOnPostgreSql(PostgresServer server) : AuthorizationMatrix(server), IClassFixture<PostgresServer>;
