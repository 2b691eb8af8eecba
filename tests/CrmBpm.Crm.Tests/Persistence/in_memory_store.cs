using CrmBpm.Crm.Partners;
using CrmBpm.Crm.Persistence;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Tests.Persistence;

public sealed class in_memory_store
{
    [Fact]
    public async Task changes_are_invisible_until_committed()
    {
        var store = new InMemoryCrmStore();
        var partner = new Partner("ACME", PartnerKind.Company, PartnerRelations.Customer, null, null, null, "anna", DateTimeOffset.UnixEpoch);
        await using (var session = await store.OpenSessionAsync())
        {
            session.Partners.Add(partner);
        }

        await using var reader = await store.OpenSessionAsync();
        (await reader.Partners.FindAsync(partner.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task a_session_works_on_its_own_copy()
    {
        var store = new InMemoryCrmStore();
        var id = await AddAsync(store);
        await using var first = await store.OpenSessionAsync();
        var loaded = (await first.Partners.FindAsync(id))!;

        loaded.Rename("Renamed");

        await using var second = await store.OpenSessionAsync();
        (await second.Partners.FindAsync(id))!.Name.ShouldBe("ACME");
    }

    [Fact]
    public async Task a_stale_commit_is_refused_as_a_concurrency_conflict()
    {
        var store = new InMemoryCrmStore();
        var id = await AddAsync(store);
        await using var first = await store.OpenSessionAsync();
        await using var second = await store.OpenSessionAsync();
        (await first.Partners.FindAsync(id))!.Rename("First");
        (await second.Partners.FindAsync(id))!.Rename("Second");

        await first.CommitAsync();
        await Should.ThrowAsync<ConcurrencyException>(() => second.CommitAsync());

        await using var reader = await store.OpenSessionAsync();
        var stored = (await reader.Partners.FindAsync(id))!;
        (stored.Name, stored.Version).ShouldBe(("First", 2L));
    }

    [Fact]
    public async Task reading_without_changing_does_not_bump_the_version()
    {
        var store = new InMemoryCrmStore();
        var id = await AddAsync(store);
        await using (var session = await store.OpenSessionAsync())
        {
            await session.Partners.ListAsync();
            await session.CommitAsync();
        }

        await using var reader = await store.OpenSessionAsync();
        (await reader.Partners.FindAsync(id))!.Version.ShouldBe(1L);
    }

    private static async Task<Guid> AddAsync(InMemoryCrmStore store)
    {
        var partner = new Partner("ACME", PartnerKind.Company, PartnerRelations.Customer, null, null, null, "anna", DateTimeOffset.UnixEpoch);
        await using var session = await store.OpenSessionAsync();
        session.Partners.Add(partner);
        await session.CommitAsync();
        return partner.Id;
    }
}
