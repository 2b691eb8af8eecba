using CrmBpm.Crm.Catalogues;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Testing.CrmSuites.Catalogues;

public abstract class catalogues_are_editable_lists : CrmScenario
{
    [Theory]
    [InlineData(CatalogueKind.SalesStage, "Qualification")]
    [InlineData(CatalogueKind.LossReason, "Price too high")]
    [InlineData(CatalogueKind.ClaimReason, "Delivery delay")]
    [InlineData(CatalogueKind.Department, "Sales")]
    [InlineData(CatalogueKind.Role, "Sales manager")]
    public async Task are_seeded_with_sensible_defaults(CatalogueKind kind, string expected)
    {
        await using var host = NewHost();

        (await host.Catalogues.ListAsync(kind)).Select(i => i.Name).ShouldContain(expected);
    }

    [Fact]
    public async Task sales_stages_come_in_funnel_order()
    {
        await using var host = NewHost();

        (await host.Catalogues.ListAsync(CatalogueKind.SalesStage)).Select(i => i.Code).ShouldBe(["qualification", "needs-analysis", "proposal", "negotiation", "contract", "shipment"]);
    }

    [Fact]
    public async Task can_be_extended_renamed_and_archived()
    {
        await using var host = NewHost();

        var demo = await host.Catalogues.AddAsync(CatalogueKind.SalesStage, "Demo", order: 15);
        await host.Catalogues.RenameAsync(demo.Id, "Product demo");
        var contract = (await host.Catalogues.ListAsync(CatalogueKind.SalesStage)).Single(i => i.Code == "contract");
        await host.Catalogues.ArchiveAsync(contract.Id);

        (await host.Catalogues.ListAsync(CatalogueKind.SalesStage)).Select(i => i.Name).ShouldBe(["Qualification", "Product demo", "Needs analysis", "Proposal", "Negotiation", "Shipment"]);
        (await host.Catalogues.ListAsync(CatalogueKind.SalesStage, includeArchived: true)).Count.ShouldBe(7);
        (await host.Catalogues.ResolveAsync(CatalogueKind.SalesStage, "demo", "stage")).Name.ShouldBe("Product demo");
    }

    [Fact]
    public async Task a_second_item_with_the_same_name_is_refused()
    {
        await using var host = NewHost();

        var error = await Should.ThrowAsync<ConflictException>(() => host.Catalogues.AddAsync(CatalogueKind.LossReason, "price too high"));

        error.Code.ShouldBe("catalogue.duplicate");
    }

    [Fact]
    public async Task the_default_item_cannot_be_archived()
    {
        await using var host = NewHost();
        var other = (await host.Catalogues.FindDefaultAsync(CatalogueKind.LossReason))!;

        var error = await Should.ThrowAsync<ConflictException>(() => host.Catalogues.ArchiveAsync(other.Id));

        error.Code.ShouldBe("catalogue.default-item");
    }
}
