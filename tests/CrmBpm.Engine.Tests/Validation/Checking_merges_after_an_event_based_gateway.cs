using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Validation;

/// <summary>
/// An event-based gateway sends its token down one flow only (the first event wins), so a Merge joining its branches can
/// never fire, as one joining a Choice's answers cannot; a Merge joining one branch with a parallel one still can.
/// </summary>
public sealed class Checking_merges_after_an_event_based_gateway
{
    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    private static MapBuilder FirstOfPaymentOrTimeout() => new MapBuilder("m").Start()
        .Add(new EventGatewayPoint { Id = "first", Name = "Paid or late" })
        .Add(new MessageWaitPoint { Id = "paid", Name = "Payment", MessageName = "payment" })
        .Add(new TimerWaitPoint { Id = "late", Name = "A week", Timer = TimerDefinition.After("P7D") });

    [Fact]
    public void A_Merge_joining_two_events_of_one_gateway_is_reported()
    {
        var map = FirstOfPaymentOrTimeout().Merge("join").End()
            .Flow("start", "first").Flow("first", "paid").Flow("first", "late")
            .Flow("paid", "join").Flow("late", "join").Flow("join", "end").Build();

        Validate(map).ShouldContain(p => p.Code == "merge.never-fires" && p.PointId == "join");
    }

    [Fact]
    public void A_Merge_joining_an_event_branch_with_a_parallel_branch_is_not_reported()
    {
        var map = FirstOfPaymentOrTimeout().Split("split").Action("ship").Merge("join").End()
            .Flow("start", "split").Flow("split", "first").Flow("split", "ship")
            .Flow("first", "paid").Flow("first", "late").Flow("paid", "join").Flow("late", "end")
            .Flow("ship", "join").Flow("join", "end").Build();

        Validate(map).ShouldNotContain(p => p.Code == "merge.never-fires");
    }
}
