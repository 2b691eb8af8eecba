using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Testing;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>The maps in samples/RouteMaps validate, are drawn tidily and run to their ends from their .bpmn files.</summary>
public sealed class Standard_route_maps : IAsyncLifetime
{
    private readonly EngineHarness _bpm = new(bpm => bpm.UseInMemoryStore(), extend: bpm => bpm.AddHandler<DealAmounts>("crm.set-deal-amount"));

    public static TheoryData<string> Files => new() { "typical-sale.bpmn", "instruction.bpmn", "claim-handling.bpmn", "customer-onboarding.bpmn" };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bpm.DisposeAsync();

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_sample_publishes_without_problems(string file)
    {
        // Nested maps come after the maps that call them in the file: deploy from the end.
        foreach (var map in Import(Sample(file)).Reverse())
        {
            (await _bpm.Maps.ValidateAsync(map)).ShouldBeEmpty();
            await _bpm.DeployAsync(map);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_sample_is_drawn_without_overlapping_shapes_and_with_edges_that_touch_their_points(string file)
    {
        foreach (var map in Import(Sample(file)))
        {
            var diagram = map.Diagram.ShouldNotBeNull();
            map.Points.ShouldAllBe(p => diagram.FindShape(p.Id) != null);
            map.Flows.ShouldAllBe(f => diagram.FindEdge(f.Id) != null);
            // A boundary event sits on the edge of its activity: it may overlap that one, and nothing else.
            string? HostOf(DiagramShape shape) => (map.FindPoint(shape.ElementId) as BoundaryTimerPoint)?.AttachedToId;
            foreach (var a in diagram.Shapes)
            {
                diagram.Shapes.Where(b => b != a && HostOf(a) != b.ElementId && HostOf(b) != a.ElementId)
                    .ShouldAllBe(b => !a.Bounds.Overlaps(b.Bounds), $"{a.ElementId} overlaps another shape");
            }

            foreach (var flow in map.Flows)
            {
                var points = diagram.FindEdge(flow.Id)!.Waypoints;
                Touches(diagram.FindShape(flow.SourceId)!.Bounds, points[0]).ShouldBeTrue($"{flow.Id} starts off its source");
                Touches(diagram.FindShape(flow.TargetId)!.Bounds, points[^1]).ShouldBeTrue($"{flow.Id} ends off its target");
            }
        }
    }

    [Fact]
    public async Task Typical_sale_runs_through_every_stage_with_the_credit_check_in_parallel_and_is_won()
    {
        var map = Import(Sample("typical-sale.bpmn")).Single();
        var instance = await _bpm.StartAsync(map, new { dealTitle = "ACME" });

        (await _bpm.TaskAtAsync(instance.Id, "qualification")).Title.ShouldBe("Qualify the deal ACME");
        await _bpm.CompleteAsync(instance.Id, "qualification");
        await _bpm.CompleteAsync(instance.Id, "needs", variables: new { needs = "10 trucks" });
        (await _bpm.TokenPointsAsync(instance.Id)).ShouldBe(["creditCheck", "offer"]);
        (await _bpm.TaskAtAsync(instance.Id, "creditCheck")).PerformerRole.ShouldBe("Accountant");
        await _bpm.CompleteAsync(instance.Id, "offer", variables: new { amount = 120000 });
        (await _bpm.TokenPointsAsync(instance.Id)).ShouldBe(["amountToDeal", "creditCheck"]);
        await _bpm.CompleteAsync(instance.Id, "creditCheck", variables: new { creditApproved = true });
        (await _bpm.TokenPointsAsync(instance.Id)).ShouldBe(["amountToDeal", "merge"]);

        // The offer amount reaches the deal by the automatic step, run by the job executor after the commit.
        (await _bpm.Timers.FireDueTimersAsync()).ShouldBe(1);
        DealAmounts.Set.ShouldContain(("ACME", 120000m));
        (await _bpm.TaskAtAsync(instance.Id, "agreement")).Stage.ShouldBe("Negotiation");
        await _bpm.CompleteAsync(instance.Id, "agreement", variables: new { customerAgrees = true });
        await _bpm.CompleteAsync(instance.Id, "order");
        await _bpm.CompleteAsync(instance.Id, "shipment");

        var done = await _bpm.InstanceAsync(instance.Id);
        done.Status.ShouldBe(InstanceStatus.Completed);
        done.Result.ShouldBe("Won");
    }

    [Fact]
    public async Task Typical_sale_is_lost_when_the_customer_does_not_agree()
    {
        var map = Import(Sample("typical-sale.bpmn")).Single();
        var instance = await _bpm.StartAsync(map);
        foreach (var point in new[] { "qualification", "needs", "offer", "creditCheck" })
        {
            await _bpm.CompleteAsync(instance.Id, point, variables: new { needs = "x", amount = 1, creditApproved = false });
        }

        await _bpm.Timers.FireDueTimersAsync();

        await _bpm.CompleteAsync(instance.Id, "agreement", variables: new { customerAgrees = false });

        (await _bpm.InstanceAsync(instance.Id)).Result.ShouldBe("Lost");
    }

    [Theory]
    [InlineData("Keep negotiating", null)]
    [InlineData("Close as lost", "Lost")]
    public async Task Typical_sale_whose_agreement_stalls_for_a_week_asks_the_head_of_the_department(string decision, string? result)
    {
        var map = Import(Sample("typical-sale.bpmn")).Single();
        var instance = await _bpm.StartAsync(map, new { dealTitle = "ACME", department = "North" });
        foreach (var point in new[] { "qualification", "needs", "offer", "creditCheck" })
        {
            await _bpm.CompleteAsync(instance.Id, point, variables: new { needs = "x", amount = 1, creditApproved = true });
        }

        await _bpm.Timers.FireDueTimersAsync();
        var agreement = await _bpm.TaskAtAsync(instance.Id, "agreement");

        _bpm.Clock.Advance(TimeSpan.FromDays(6));
        await _bpm.Timers.FireDueTimersAsync();
        (await _bpm.TokenPointsAsync(instance.Id)).ShouldBe(["agreement"]);
        _bpm.Clock.Advance(TimeSpan.FromDays(1));
        await _bpm.Timers.FireDueTimersAsync();

        (await _bpm.Tasks.GetAsync(agreement.Id)).Status.ShouldBe(WorkTaskStatus.Cancelled);
        var stalled = await _bpm.TaskAtAsync(instance.Id, "stalledAgreement");
        (stalled.Title, stalled.PerformerRole, stalled.PerformerAddressingObject).ShouldBe(("Decide on the stalled deal ACME", "Head of department", "North"));
        await _bpm.CompleteAsync(instance.Id, "stalledAgreement", decision);

        var after = await _bpm.InstanceAsync(instance.Id);
        after.Result.ShouldBe(result);
        if (result is null)
        {
            (await _bpm.TaskAtAsync(instance.Id, "agreement")).Id.ShouldNotBe(agreement.Id);
        }
    }

    [Fact]
    public async Task An_instruction_returned_by_the_author_goes_back_to_the_performer_until_accepted()
    {
        var map = Import(Sample("instruction.bpmn")).Single();
        var instance = await _bpm.StartAsync(map, new { author = "anna", performer = "peter", subject = "Call ACME" });

        var execute = await _bpm.TaskAtAsync(instance.Id, "execute");
        (execute.AssigneeId, execute.RequiresAcceptance, execute.Title).ShouldBe(("peter", true, "Execute: Call ACME"));
        await _bpm.CompleteAsync(instance.Id, "execute", variables: new { report = "Called" });
        (await _bpm.TaskAtAsync(instance.Id, "verify")).AssigneeId.ShouldBe("anna");
        await _bpm.CompleteAsync(instance.Id, "verify", "Return", new { comment = "Call again" });
        (await _bpm.TokenPointsAsync(instance.Id)).ShouldBe(["execute"]);
        await _bpm.CompleteAsync(instance.Id, "execute");
        await _bpm.CompleteAsync(instance.Id, "verify", "Accept");

        (await _bpm.InstanceAsync(instance.Id)).Result.ShouldBe("Accepted");
    }

    [Fact]
    public async Task An_instruction_to_oneself_skips_verification()
    {
        var map = Import(Sample("instruction.bpmn")).Single();
        var instance = await _bpm.StartAsync(map, new { author = "anna", performer = "anna", subject = "Plan the week" });

        await _bpm.CompleteAsync(instance.Id, "execute");

        var done = await _bpm.InstanceAsync(instance.Id);
        done.Status.ShouldBe(InstanceStatus.Completed);
        (await _bpm.Tasks.GetTasksOfInstanceAsync(instance.Id)).ShouldNotContain(t => t.PointId == "verify");
    }

    [Theory]
    [InlineData("Satisfied")]
    [InlineData("Not satisfied")]
    public async Task A_claim_gets_one_task_per_plan_item_and_ends_with_the_decision(string decision)
    {
        var map = Import(Sample("claim-handling.bpmn")).Single();
        var instance = await _bpm.StartAsync(map, new { planItems = new[] { "Inspect the goods", "Interview the driver", "Check the invoice" } });

        await _bpm.CompleteAsync(instance.Id, "registration", variables: new { reason = "Damaged goods" });
        var plan = (await _bpm.OpenTasksAsync(instance.Id)).Where(t => t.PointId == "investigation").ToList();
        plan.Select(t => t.Title).ShouldBe(["Plan item: Inspect the goods", "Plan item: Interview the driver", "Plan item: Check the invoice"]);
        foreach (var task in plan)
        {
            await _bpm.Tasks.CompleteAsync(task.Id, new Actor("officer", canActOnAnyTask: true), new TaskCompletion { Variables = new Dictionary<string, object?> { ["findings"] = "ok" } });
        }

        await _bpm.CompleteAsync(instance.Id, "decision", decision);

        var done = await _bpm.InstanceAsync(instance.Id);
        done.Result.ShouldBe(decision);
        done.Variables["planResults"].GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task Customer_onboarding_runs_its_nested_check_and_takes_its_answer_back()
    {
        var maps = Import(Sample("customer-onboarding.bpmn"));
        maps.Select(m => m.Key).ShouldBe(["customer-onboarding", "kyc-check"]);
        await _bpm.DeployAsync(maps[1]);
        var instance = await _bpm.StartAsync(maps[0]);

        await _bpm.CompleteAsync(instance.Id, "collect", variables: new { companyName = "ACME", taxId = "DE123" });
        (await _bpm.TaskAtAsync(instance.Id, "checkDocuments")).Title.ShouldBe("Check documents of ACME");
        await _bpm.CompleteAsync(instance.Id, "checkDocuments", variables: new { passed = true });
        await _bpm.CompleteAsync(instance.Id, "welcome");

        (await _bpm.InstanceAsync(instance.Id)).Result.ShouldBe("Onboarded");
    }

    private static bool Touches(DiagramBounds b, DiagramPoint p) =>
        p.X >= b.X - 0.5 && p.X <= b.X + b.Width + 0.5 && p.Y >= b.Y - 0.5 && p.Y <= b.Y + b.Height + 0.5;

    /// <summary>Stands in for the CRM's handler: records which deal title got which amount.</summary>
    private sealed class DealAmounts : Jobs.IServiceTaskHandler
    {
        public static System.Collections.Concurrent.ConcurrentBag<(string? Title, decimal Amount)> Set { get; } = [];

        public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(Jobs.ServiceTaskContext context, CancellationToken cancellationToken = default)
        {
            var title = context.Variables.TryGetValue("dealTitle", out var t) ? t.GetString() : null;
            Set.Add((title, context.Variables["amount"].GetDecimal()));
            return Task.FromResult<IReadOnlyDictionary<string, object?>?>(null);
        }
    }
}
