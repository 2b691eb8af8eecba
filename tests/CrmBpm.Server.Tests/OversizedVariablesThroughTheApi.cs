using System.Net;
using CrmBpm.Server.Api;
using CrmBpm.Server.Tests.Infrastructure;
using CrmBpm.Testing.Postgres;
using Microsoft.AspNetCore.Http;

namespace CrmBpm.Server.Tests;

/// <summary>Variables over the engine's size limits are refused with 413 problem details naming the variable and the limit.</summary>
public abstract class OversizedVariablesThroughTheApi(ServerFixture server)
{
    [Fact]
    public async Task A_25_MB_start_variable_is_a_413_problem_naming_the_variable()
    {
        var anna = await server.SignInAsync("anna");

        var problem = await anna.PostJsonAsync("/api/instances", new { mapKey = "typical-sale", variables = new { notes = new string('x', 25 * 1024 * 1024) } })
            .ExpectAsync(HttpStatusCode.RequestEntityTooLarge);

        problem.Str("code").ShouldBe("variable.too-large");
        problem.Str("variable").ShouldBe("notes");
        problem.Str("limit").ShouldBe("MaxVariableBytes");
        problem.Str("detail").ShouldContain("'notes'");
    }

    [Fact]
    public async Task Start_variables_over_the_instance_limit_are_a_413_problem()
    {
        var anna = await server.SignInAsync("anna");
        var variables = Enumerable.Range(1, 6).ToDictionary(i => $"part{i}", _ => new string('x', 200 * 1024));

        var problem = await anna.PostJsonAsync("/api/instances", new { mapKey = "typical-sale", variables }).ExpectAsync(HttpStatusCode.RequestEntityTooLarge);

        problem.Str("code").ShouldBe("variables.too-large");
        problem.Str("limit").ShouldBe("MaxInstanceVariablesBytes");
    }

    [Fact]
    public void A_request_body_over_the_servers_limit_is_a_413_problem_not_a_400()
    {
        var problem = CrmBpmExceptionHandler.ToProblem(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge)).ShouldNotBeNull();

        problem.Status.ShouldBe(StatusCodes.Status413PayloadTooLarge);
        problem.Extensions["code"].ShouldBe("request.too-large");
    }
}

public sealed class OversizedVariablesThroughTheApiOnSqlite(SqliteServer server) : OversizedVariablesThroughTheApi(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class OversizedVariablesThroughTheApiOnPostgreSql(PostgresServer server) : OversizedVariablesThroughTheApi(server), IClassFixture<PostgresServer>;
