using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Runtime.Behaviours;
using CrmBpm.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Engine.Tests.Runtime;

/// <summary>
/// The executor finds what a point does by the point's record type (<see cref="PointBehaviours"/>), so a point kind added
/// without a behaviour fails here, not at a customer's first token.
/// </summary>
public sealed class Every_point_kind_has_one_behaviour : IAsyncLifetime
{
    private readonly EngineHarness _bpm = new(bpm => bpm.UseInMemoryStore());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bpm.DisposeAsync();

    private InstanceExecutor Executor => _bpm.Services.GetRequiredService<InstanceExecutor>();

    [Fact]
    public void Every_point_record_of_the_definitions_has_a_behaviour()
    {
        var kinds = typeof(Point).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Point)) && !t.IsAbstract).ToList();

        kinds.Count.ShouldBeGreaterThan(20);
        kinds.Where(k => !Executor.Behaviours.Kinds.Contains(k)).Select(k => k.Name).ShouldBeEmpty("point kinds without a behaviour");
    }

    [Fact]
    public void Only_concrete_point_records_are_registered()
    {
        Executor.Behaviours.Kinds.Where(k => !k.IsSubclassOf(typeof(Point)) || k.IsAbstract).Select(k => k.Name)
            .ShouldBeEmpty("a behaviour is found by the point's own record type, so one registered for a base type or a non-point is never found");
    }

    [Fact]
    public void A_point_is_executed_by_the_behaviour_of_its_kind()
    {
        var behaviours = Executor.Behaviours;

        behaviours.For(new ScriptPoint { Id = "calc" }).ShouldBeOfType<ScriptBehaviour>();
        behaviours.For(new SubProcessPoint { Id = "inside" }).ShouldBeOfType<ChildInstanceBehaviour>();
        behaviours.For(new SubProcessPoint { Id = "on-event", TriggeredByEvent = true }).ShouldBeOfType<ChildInstanceBehaviour>();
        behaviours.For(new BoundaryErrorPoint { Id = "failed" }).ShouldBeOfType<BoundaryBehaviour>();
    }

    [Fact]
    public void A_point_of_a_kind_without_a_behaviour_is_an_error_naming_the_kind()
    {
        var error = Should.Throw<InvalidOperationException>(() => Executor.Behaviours.For(new MadeUpPoint { Id = "odd", Name = "Odd one" }));

        error.Message.ShouldContain(nameof(MadeUpPoint));
        error.Message.ShouldContain("'Odd one'");
    }

    [Fact]
    public void Two_behaviours_for_one_kind_are_refused_naming_the_kind()
    {
        var error = Should.Throw<InvalidOperationException>(() => new PointBehaviours([new SplitBehaviour(Executor), new SplitBehaviour(Executor)]));

        error.Message.ShouldContain(nameof(SplitPoint));
    }

    private sealed record MadeUpPoint : Point
    {
        public override string KindName => "Made up";
    }
}
