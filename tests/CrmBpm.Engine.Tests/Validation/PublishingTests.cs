using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Validation;

/// <summary>Drafts are editable, publishing validates and freezes a version, an invalid map is refused with every problem.</summary>
public sealed class PublishingTests : IAsyncLifetime
{
    private readonly EngineHarness _bpm = new(b => b.UseInMemoryStore());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bpm.DisposeAsync();

    [Fact]
    public async Task Publishing_an_invalid_map_is_refused_with_the_whole_problem_list_and_nothing_is_published()
    {
        await _bpm.Maps.SaveDraftAsync(new MapBuilder("bad").Add(new ActionPoint { Id = "a" }).Build());

        var error = await Should.ThrowAsync<RouteMapValidationException>(() => _bpm.Maps.PublishAsync("bad"));

        error.Code.ShouldBe("routemap.invalid");
        error.Problems.Select(p => p.Code).ShouldContain("start.missing");
        error.Problems.ShouldAllBe(p => p.IsError); // the missing performer is only a warning: listed by validation, not a reason to refuse
        (await _bpm.Maps.ValidateAsync((await _bpm.Maps.GetVersionsAsync("bad"))[0])).Select(p => p.Code).ShouldContain("action.performer-missing");
        (await _bpm.Maps.GetLatestPublishedAsync("bad")).ShouldBeNull();
    }

    [Fact]
    public async Task A_map_whose_only_problem_is_an_action_without_a_performer_publishes()
    {
        await _bpm.Maps.SaveDraftAsync(new MapBuilder("open").Start().Add(new ActionPoint { Id = "a", Name = "Call" }).End().Flow("start", "a", "end").Build());

        var published = await _bpm.Maps.PublishAsync("open");

        published.Status.ShouldBe(RouteMapStatus.Published);
    }

    [Fact]
    public async Task Saving_a_draft_twice_keeps_one_version_and_publishing_opens_the_next()
    {
        var map = new MapBuilder("m").Start().Action("a").End().Flow("start", "a", "end").Build();

        (await _bpm.Maps.SaveDraftAsync(map)).Version.ShouldBe(1);
        (await _bpm.Maps.SaveDraftAsync(map with { Name = "Renamed" })).Version.ShouldBe(1);
        var published = await _bpm.Maps.PublishAsync("m");
        var next = await _bpm.Maps.SaveDraftAsync(map);

        published.Status.ShouldBe(RouteMapStatus.Published);
        published.Name.ShouldBe("Renamed");
        next.Version.ShouldBe(2);
        next.Status.ShouldBe(RouteMapStatus.Draft);
        (await _bpm.Maps.GetVersionsAsync("m")).Select(v => (v.Version, v.Status)).ShouldBe([(2, RouteMapStatus.Draft), (1, RouteMapStatus.Published)]);
    }

    [Fact]
    public async Task Publishing_without_a_draft_says_so()
    {
        var error = await Should.ThrowAsync<NotFoundException>(() => _bpm.Maps.PublishAsync("none"));

        error.Code.ShouldBe("routemap.no-draft");
    }
}
