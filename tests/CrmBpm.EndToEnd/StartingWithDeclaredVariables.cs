using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>Issue #15: the start form asks for the start variables a map declares, and a refusal names the variable.</summary>
[Collection(ServerCollection.Name)]
public sealed class StartingWithDeclaredVariables(ServerFixture server)
{
    [Fact]
    public async Task The_start_form_asks_for_the_declared_variables_names_a_missing_one_and_then_starts()
    {
        var key = "approval-" + Guid.NewGuid().ToString("N")[..8];
        await UploadAndPublishAsync(key);
        var page = await server.SignInAsync("carl", "consultant1");
        try
        {
            await page.GotoAsync($"route-maps/{key}");
            await ServerFixture.WaitForCircuitAsync(page);
            var form = page.GetByTestId("start-instance");
            await Expect(form.GetByTestId("start-declared")).ToContainTextAsync("Deal amount *");

            // Without the required amount the engine refuses, naming it; nothing starts.
            await form.GetByTestId("start-urgent").SelectOptionAsync("true");
            await form.Locator("button[type=submit]").ClickAsync();
            await Expect(page.GetByTestId("start-problems")).ToContainTextAsync("needs the start variable 'Deal amount' (amount)");
            await ServerFixture.ScreenshotAsync(page, "server-start-form-refused");

            await form.GetByTestId("start-amount").FillAsync("25000");
            await form.Locator("button[type=submit]").ClickAsync();
            await ServerFixture.WaitForAddressAsync(page, url => url.Contains("/instances/", StringComparison.Ordinal));
            await Expect(page.GetByTestId("instance-state")).ToContainTextAsync("Running");
        }
        catch
        {
            await ServerFixture.ScreenshotAsync(page, "server-failed-start-form");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task UploadAndPublishAsync(string key)
    {
        using var http = new HttpClient { BaseAddress = server.Host.BaseAddress };
        using var token = await http.PostAsJsonAsync("api/auth/token", new { userName = "carl", password = "consultant1" });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="t">
              <bpmn:process id="{key}" name="Approval" isExecutable="true">
                <bpmn:extensionElements>
                  <crm:startVariable name="amount" type="number" label="Deal amount" required="true" />
                  <crm:startVariable name="urgent" type="boolean" label="Urgent" />
                </bpmn:extensionElements>
                <bpmn:startEvent id="start" />
                <bpmn:exclusiveGateway id="big" name="Big deal?" crm:kind="condition" crm:expression="amount &gt;= 10000" default="f_no" />
                <bpmn:userTask id="director" name="Director approves" crm:performerRole="Sales manager" />
                <bpmn:userTask id="manager" name="Manager approves" crm:performerRole="Sales manager" />
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="big" />
                <bpmn:sequenceFlow id="f_yes" name="Yes" sourceRef="big" targetRef="director" crm:branch="yes" />
                <bpmn:sequenceFlow id="f_no" name="No" sourceRef="big" targetRef="manager" crm:branch="no" />
                <bpmn:sequenceFlow id="f2" sourceRef="director" targetRef="end" />
                <bpmn:sequenceFlow id="f3" sourceRef="manager" targetRef="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        using var upload = await http.PostAsync("api/route-maps", new StringContent(xml, Encoding.UTF8, "application/xml"));
        upload.IsSuccessStatusCode.ShouldBeTrue(await upload.Content.ReadAsStringAsync());
        using var publish = await http.PostAsync($"api/route-maps/{key}/publish", null);
        publish.IsSuccessStatusCode.ShouldBeTrue(await publish.Content.ReadAsStringAsync());
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
