using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CrmBpm.Engine.Timers;
using CrmBpm.Server.Tests.Infrastructure;
using CrmBpm.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.Tests;

/// <summary>
/// The CRM registers automatic steps a consultant uses without code, listed with what they read and set; a deal's process
/// with the step "crm.set-deal-amount" after the offer writes the offered amount onto the deal card through a job.
/// </summary>
public abstract class AutomaticStepsOfTheCrmThroughTheApi(ServerFixture server)
{
    private const string OfferThenAmount = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="https://crmbpm.dev/maps">
          <bpmn:process id="KEY" name="Offer with amount" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="offer" name="Make the offer" crm:performerExpression="manager">
              <bpmn:extensionElements><crm:formField name="amount" label="Offer amount" type="number" required="true" /></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:serviceTask id="amount" name="Put the amount on the deal" crm:handler="crm.set-deal-amount" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="offer" />
            <bpmn:sequenceFlow id="f2" sourceRef="offer" targetRef="amount" />
            <bpmn:sequenceFlow id="f3" sourceRef="amount" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task The_designer_lists_the_crm_handlers_with_their_inputs_and_a_manager_may_not_read_them()
    {
        var carl = await server.SignInAsync("carl");

        var handlers = await carl.GetOkAsync("/api/handlers");

        var setAmount = handlers.EnumerateArray().Single(h => h.Str("name") == "crm.set-deal-amount");
        setAmount.GetProperty("description").Str("summary").ShouldContain("potential amount");
        setAmount.GetProperty("description").GetProperty("inputs")[0].Str("name").ShouldBe("amount");
        await (await server.SignInAsync("anna")).GetAsync("/api/handlers").ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_offered_amount_reaches_the_deal_card_through_the_automatic_step()
    {
        var carl = await server.SignInAsync("carl");
        var key = $"offer-amount-{Guid.NewGuid():N}"[..24];
        await carl.PostAsync("/api/route-maps", new StringContent(OfferThenAmount.Replace("KEY", key, StringComparison.Ordinal), Encoding.UTF8, new MediaTypeHeaderValue("application/xml")))
            .ExpectAsync(HttpStatusCode.OK);
        (await carl.PostJsonAsync($"/api/route-maps/{key}/publish").ExpectAsync(HttpStatusCode.OK)).Str("status").ShouldBe("Published");
        var anna = await server.SignInAsync("anna");
        var deal = await anna.PostJsonAsync("/api/deals", new
        {
            title = "Pallets", partnerId = await ManagersDayThroughTheApi.PartnerIdAsync(anna, "Nordwind"), kind = "ProcessControlled", routeMapKey = key, potentialAmount = 100,
        }).ExpectAsync(HttpStatusCode.Created);
        var offer = (await anna.GetOkAsync($"/api/tasks?subjectType=deal&subjectId={deal.Id()}")).Items().Single(t => t.Str("pointId") == "offer");

        await anna.PostJsonAsync($"/api/tasks/{offer.Id()}/complete", new { variables = new { amount = 4200 } }).ExpectAsync(HttpStatusCode.OK);
        await server.Host.Services.GetRequiredService<TimerProcessor>().FireDueTimersAsync();

        var card = await WaitAsync(anna, $"/api/deals/{deal.Id()}", d => d.GetProperty("deal").GetProperty("potentialAmount").GetDecimal() == 4200m);
        card.GetProperty("deal").GetProperty("changeLog").EnumerateArray().ShouldContain(c => c.Str("field") == "PotentialAmount" && c.Str("by").Contains(key));
    }

    private static async Task<System.Text.Json.JsonElement> WaitAsync(HttpClient client, string url, Func<System.Text.Json.JsonElement, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await client.GetOkAsync(url);
            if (done(current) || attempt == 50)
            {
                return current;
            }

            await Task.Delay(100);
        }
    }
}

public sealed class AutomaticStepsOfTheCrmThroughTheApiOnSqlite(SqliteServer server) : AutomaticStepsOfTheCrmThroughTheApi(server), IClassFixture<SqliteServer>;

[RequiresPostgres]
public sealed class AutomaticStepsOfTheCrmThroughTheApiOnPostgreSql(PostgresServer server) : AutomaticStepsOfTheCrmThroughTheApi(server), IClassFixture<PostgresServer>;
