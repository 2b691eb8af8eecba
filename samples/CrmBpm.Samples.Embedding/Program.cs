using System.Globalization;
using CrmBpm.Engine;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using Microsoft.Extensions.DependencyInjection;

// Embeds the CrmBpm engine from its NuGet packages: a SQLite file, the Typical sale route map from BPMN, one deal
// run to the end by completing each task as it appears; then an automatic step that calls the application's own handler;
// then a start that gets stuck at once, told by its incident code, and retried with the missing variable.
// Exit code 0 when the sale is won, the handler's step ran and the stuck start went on after the retry.
var bpmnPath = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "typical-sale.bpmn");
var databasePath = Path.Combine(Path.GetTempPath(), $"crmbpm-embedding-{Guid.NewGuid():N}.db");

var services = new ServiceCollection();
services.AddCrmBpm(bpm => bpm
    .UseSqlite($"Data Source={databasePath}")
    .AddHandler<SendOffer>("send-offer") // the application's code behind an automatic step, found by name
    .AddHandler<SetDealAmount>("crm.set-deal-amount") // Typical sale's own step; the CRM registers the real one
    .Configure(options => options.RunTimers = false)); // no host here: the sample runs due jobs itself, below
var provider = services.BuildServiceProvider();
try
{
    var maps = provider.GetRequiredService<IRouteMapService>();
    var engine = provider.GetRequiredService<IProcessEngine>();
    var tasks = provider.GetRequiredService<ITaskService>();
    var jobs = provider.GetRequiredService<CrmBpm.Engine.Timers.TimerProcessor>();

    await using (var stream = File.OpenRead(bpmnPath))
    {
        foreach (var map in new BpmnImporter().Import(stream))
        {
            var published = await maps.DeployAsync(map);
            Console.WriteLine($"deployed {published.Key} v{published.Version}: {published.Points.Count} points");
        }
    }

    var manager = new Actor("anna", [new RoleMembership("Sales manager"), new RoleMembership("Accountant"), new RoleMembership("Warehouse manager")]);
    var instance = await engine.StartAsync("typical-sale", new StartOptions
    {
        Subject = new SubjectReference("deal", "42"),
        Variables = new Dictionary<string, object?> { ["dealName"] = "Forklifts for North Ltd" },
        StartedBy = manager.UserId,
    });
    Console.WriteLine($"started instance {instance.Id}");

    for (var round = 0; round < 20 && (await engine.GetInstanceAsync(instance.Id)).Status == InstanceStatus.Active; round++)
    {
        await jobs.FireDueTimersAsync(); // automatic steps the last completions reached
        var mine = await tasks.MyTasksAsync(new TaskQuery { Actor = manager, SubjectType = "deal", SubjectId = "42" });
        foreach (var task in mine.Items)
        {
            if (task.RequiresAcceptance && task.Status == WorkTaskStatus.Open)
            {
                await tasks.AcceptAsync(task.Id, manager);
                Console.WriteLine($"  accepted  {task.Title}");
            }

            var values = task.FormFields.ToDictionary(f => f.Name, f => ValueFor(f));
            await tasks.CompleteAsync(task.Id, manager, new TaskCompletion { Outcome = task.Outcomes.FirstOrDefault(), Variables = values });
            Console.WriteLine($"  completed {task.Title} (at {task.PointName}){(values.Count == 0 ? "" : " with " + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}")))}");
        }
    }

    var finished = await engine.GetInstanceAsync(instance.Id);
    var path = (await engine.GetHistoryAsync(instance.Id)).Where(h => h.Kind == HistoryKind.TaskCompleted).Select(h => h.PointId);
    Console.WriteLine($"instance {finished.Status}, result {finished.Result ?? "none"}; path: {string.Join(" → ", path)}");

    // An automatic step: reaching it commits a job; the job executor (here called by hand, in a host the engine's
    // background service) runs the handler outside the command and moves the token on with the variables it returned.
    await maps.DeployAsync(new BpmnImporter().ImportXml(SendOffer.Map).Single());
    var offer = await engine.StartAsync("send-offer", new StartOptions { Variables = new Dictionary<string, object?> { ["customer"] = "North Ltd" } });
    Console.WriteLine($"ran {await jobs.FireDueTimersAsync()} job(s)");
    var sent = await engine.GetInstanceAsync(offer.Id);
    var offerNumber = sent.Variables.TryGetValue("offerNumber", out var number) ? Variables.ToText(number) : "none";
    Console.WriteLine($"send-offer {sent.Status}, offerNumber {offerNumber}");

    // An incident is a state, not a failure: the start commits. Asked to, the engine says so with an exception carrying
    // stable codes; without ThrowOnIncident the returned instance has Status Incident and the same Incidents.
    await maps.DeployAsync(new BpmnImporter().ImportXml(Discount.Map).Single());
    Guid stuckId;
    try
    {
        stuckId = (await engine.StartAsync("discount", new StartOptions { ThrowOnIncident = true })).Id;
    }
    catch (CrmBpm.Engine.Errors.IncidentException stuck)
    {
        foreach (var incident in stuck.Incidents)
        {
            Console.WriteLine($"  incident {incident.Code} at {incident.PointId}: {incident.Message}");
        }

        stuckId = stuck.InstanceId;
    }

    var retried = await engine.RetryIncidentAsync(stuckId, new Dictionary<string, object?> { ["amount"] = 50_000 });
    var discountEnds = (await engine.GetReachedEndsAsync(stuckId)).Select(e => e.Result);
    Console.WriteLine($"discount {retried.Status} after the retry, result {retried.Result ?? "none"}; incidents left: {(await engine.GetIncidentsAsync(stuckId)).Count}");
    return finished is { Status: InstanceStatus.Completed, Result: "Won" } && sent.Status == InstanceStatus.Completed && offerNumber == "OF-North Ltd"
        && retried is { Status: InstanceStatus.Completed, Result: "Discount" } && discountEnds.SequenceEqual(["Discount"]) ? 0 : 1;
}
finally
{
    await provider.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
    {
        File.Delete(file);
    }
}

static object? ValueFor(FormField field) => field.Type switch
{
    FormFieldType.Number => 125_000,
    FormFieldType.Boolean => true,
    FormFieldType.Date => DateTimeOffset.UtcNow.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    FormFieldType.Choice => field.Options.FirstOrDefault(),
    _ => $"{field.Label} (filled by the sample)",
};

/// <summary>The application's handler behind the "send-offer" automatic step: it would e-mail the offer; here it numbers it.</summary>
internal sealed class SendOffer : CrmBpm.Engine.Jobs.IServiceTaskHandler
{
    /// <summary>start → an automatic step calling "send-offer" → end.</summary>
    public const string Map = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="send-offer" name="Send the offer" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="send" />
            <bpmn:serviceTask id="send" name="Send the offer" crm:handler="send-offer" />
            <bpmn:sequenceFlow id="f2" sourceRef="send" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(CrmBpm.Engine.Jobs.ServiceTaskContext context, CancellationToken cancellationToken = default)
    {
        var customer = Variables.ToText(context.Variables["customer"]);
        Console.WriteLine($"  handler send-offer for {customer} (idempotency key {context.IdempotencyKey})");
        return Task.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?> { ["offerNumber"] = $"OF-{customer}" });
    }
}

/// <summary>A map that asks for the variable "amount" at once: started without it, its condition cannot run.</summary>
internal static class Discount
{
    public const string Map = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="discount" name="Discount" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="big" />
            <bpmn:exclusiveGateway id="big" name="Big order?" default="f3" />
            <bpmn:sequenceFlow id="f2" sourceRef="big" targetRef="discount"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">amount &gt; 10000</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f3" sourceRef="big" targetRef="full" />
            <bpmn:endEvent id="discount" name="Discount" crm:result="Discount" />
            <bpmn:endEvent id="full" name="Full price" crm:result="Full price" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}

/// <summary>Stands in for the CRM's "crm.set-deal-amount" (there is no CRM here): the deal's amount is the application's business.</summary>
internal sealed class SetDealAmount : CrmBpm.Engine.Jobs.IServiceTaskHandler
{
    public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(CrmBpm.Engine.Jobs.ServiceTaskContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, object?>?>(null);
}
