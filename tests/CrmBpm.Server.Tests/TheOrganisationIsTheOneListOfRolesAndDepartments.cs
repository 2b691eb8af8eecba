using System.Net;
using CrmBpm.Crm.Catalogues;
using CrmBpm.Engine.Definitions;
using CrmBpm.Server.Identity;
using CrmBpm.Server.Organisation;
using CrmBpm.Server.RouteMaps;
using CrmBpm.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.Tests;

/// <summary>
/// Performer roles and departments come from the organisation only: the designer's performer picker offers its roles and
/// addressing objects (not the CRM catalogue's Role entries nor the system roles), a claim is given one of its departments,
/// and the Catalogues page no longer edits the CRM's own Department and Role lists.
/// </summary>
public sealed class TheOrganisationIsTheOneListOfRolesAndDepartments(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task The_performer_picker_offers_the_organisations_roles_and_addressing_objects()
    {
        using var admin = await server.SignInAsync("admin");
        await admin.PostJsonAsync("/api/admin/performer-roles", new { name = "Notary public" }).ExpectAsync(HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/admin/addressing-objects", new { name = "Sales East", kind = "Department", parent = "Sales" }).ExpectAsync(HttpStatusCode.Created);

        using var scope = server.Host.Services.CreateScope();
        var services = scope.ServiceProvider;
        var choices = await DesignerChoices.LoadAsync(services.GetRequiredService<UserDirectory>(), services.GetRequiredService<OrganisationDirectory>(),
            services.GetRequiredService<CatalogueService>(), services.GetRequiredService<IRouteMapService>());

        choices.Roles.ShouldContain("Notary public");
        choices.Roles.ShouldContain("Sales manager");
        choices.Roles.ShouldNotContain("Service engineer", "a CRM catalogue Role entry is not a performer role");
        choices.Roles.ShouldNotContain(AppRoles.Consultant, "a system role is nobody's pool");
        var objects = choices.AddressingObjects.Select(o => $"{o.Name} ({o.Kind})").ToList();
        objects.ShouldContain("Sales East (department)");
        objects.ShouldContain("North (region)");
        objects.IndexOf("Sales East (department)").ShouldBe(objects.IndexOf("Sales (department)") + 1, "departments come in tree order");
    }

    [Fact]
    public async Task A_claim_is_given_a_department_of_the_organisation_and_refused_one_it_does_not_have()
    {
        using var admin = await server.SignInAsync("admin");
        await admin.PostJsonAsync("/api/admin/addressing-objects", new { name = "Legal", kind = "Department", parent = "Head office" }).ExpectAsync(HttpStatusCode.Created);
        var anna = await server.SignInAsync("anna");
        var partnerId = (await anna.GetOkAsync("/api/partners?search=Romashka")).Items().First().Id();
        object Claim(string department) => new { partnerId, reason = "Product quality", department, responsibleId = "helga", description = "The contract terms were breached." };

        var refused = await anna.PostJsonAsync("/api/claims", Claim("Logistics")).ExpectAsync(HttpStatusCode.BadRequest);
        var problem = refused.GetProperty("errors").GetProperty("department")[0].GetString()!;
        problem.ShouldContain("'Logistics' is not a department of the organisation");
        problem.ShouldContain("Legal");

        var claim = await anna.PostJsonAsync("/api/claims", Claim("legal")).ExpectAsync(HttpStatusCode.Created);
        using var scope = server.Host.Services.CreateScope();
        var entries = await scope.ServiceProvider.GetRequiredService<CatalogueService>().ListAsync(CatalogueKind.Department);
        entries.Single(e => e.Id.ToString() == claim.Str("departmentId")).Name.ShouldBe("Legal", "the organisation's spelling is what the claim keeps");
    }

    [Fact]
    public async Task The_catalogues_page_no_longer_edits_departments_or_roles()
    {
        using var admin = await server.SignInWithCookieAsync("admin");

        var html = await admin.GetStringAsync("/admin");

        html.ShouldContain(">Claim reasons</button>");
        html.ShouldNotContain(">Departments</button>");
        html.ShouldNotContain(">Roles</button>");
    }
}
