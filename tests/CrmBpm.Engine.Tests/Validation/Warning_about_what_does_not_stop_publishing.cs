using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Tasks;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Engine.Tests.Validation;

/// <summary>
/// Validation problems have a severity: errors refuse publishing, warnings are listed and publishing goes ahead.
/// The first warning: an Action addressed to a pool nobody is in, as the embedding application's directory knows it.
/// </summary>
public sealed class Warning_about_what_does_not_stop_publishing : IAsyncLifetime
{
    private readonly EngineHarness _bpm = new(b =>
    {
        b.UseInMemoryStore();
        b.Services.AddSingleton(new KnownPools(new RoleMembership("Sales manager"), new RoleMembership("Lawyer", "North")));
        b.UsePerformerDirectory<KnownPoolsDirectory>();
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bpm.DisposeAsync();

    private static RouteMap Map(string role, string? addressingObject = null) => new MapBuilder("m").Start()
        .RoleAction("a", role, addressingObject).End().Flow("start", "a", "end").Build();

    [Fact]
    public async Task A_pool_nobody_is_in_is_a_warning_that_names_the_action_and_the_role()
    {
        var problems = await _bpm.Maps.ValidateAsync(Map("Lawyer", "South"));

        var warning = problems.ShouldHaveSingleItem();
        warning.Code.ShouldBe("action.role-without-members");
        warning.Severity.ShouldBe(ValidationSeverity.Warning);
        warning.PointId.ShouldBe("a");
        warning.Message.ShouldContain("'Lawyer' for 'South'");
        problems.AllowPublishing().ShouldBeTrue();
    }

    [Fact]
    public async Task A_map_with_only_warnings_publishes()
    {
        await _bpm.Maps.SaveDraftAsync(Map("Auditor"));

        var published = await _bpm.Maps.PublishAsync("m");

        published.Status.ShouldBe(RouteMapStatus.Published);
    }

    [Fact]
    public async Task Pools_with_members_give_no_warning()
    {
        (await _bpm.Maps.ValidateAsync(Map("Sales manager"))).ShouldBeEmpty();
        (await _bpm.Maps.ValidateAsync(Map("Lawyer", "North"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_error_beside_a_warning_still_refuses_publishing_and_lists_only_the_errors()
    {
        var map = new MapBuilder("m").Start().RoleAction("a", "Auditor").Add(new ActionPoint { Id = "b", Name = "b" }).End()
            .Flow("start", "a", "b", "end").Build();
        await _bpm.Maps.SaveDraftAsync(map);

        var refused = await Should.ThrowAsync<RouteMapValidationException>(() => _bpm.Maps.PublishAsync("m"));

        refused.Problems.ShouldAllBe(p => p.IsError);
        refused.Problems.ShouldContain(p => p.Code == "action.performer-missing" && p.PointId == "b");
        (await _bpm.Maps.ValidateAsync(map)).ShouldContain(p => p.Code == "action.role-without-members" && !p.IsError);
    }

    [Fact]
    public async Task A_named_user_is_not_a_pool_so_nothing_is_asked_about_it()
    {
        var map = new MapBuilder("m").Start().Action("a", "alice").End().Flow("start", "a", "end").Build();

        (await _bpm.Maps.ValidateAsync(map)).ShouldBeEmpty();
        _bpm.Services.GetRequiredService<KnownPools>().Asked.ShouldBe(0);
    }

    [Fact]
    public void Without_a_directory_no_pool_is_reported()
    {
        var context = new ValidationContext(new JintExpressionEvaluator(new ExpressionLimits()), _ => null);

        new RouteMapValidator().Validate(Map("Auditor"), context).ShouldBeEmpty();
    }

    private sealed class KnownPools(params RoleMembership[] pools)
    {
        public IReadOnlySet<RoleMembership> Pools { get; } = pools.ToHashSet();

        public int Asked { get; set; }
    }

    private sealed class KnownPoolsDirectory(KnownPools known) : IPerformerDirectory
    {
        public Task<IReadOnlySet<RoleMembership>> PoolsWithoutMembersAsync(IReadOnlyCollection<RoleMembership> pools, CancellationToken cancellationToken = default)
        {
            known.Asked++;
            return Task.FromResult<IReadOnlySet<RoleMembership>>(pools.Where(p => !known.Pools.Contains(p)).ToHashSet());
        }
    }
}
