using CrmBpm.Server.Components.Pages.Admin;
using CrmBpm.Server.Organisation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Admin;

/// <summary>
/// The performer roles list and a role's page, by mouse: a role is created from the form, members are added for an
/// addressing object and removed, and every refusal names what is wrong.
/// </summary>
public sealed class AdministeringPerformerRoles : AdminPagesContext
{
    [Fact]
    public async Task A_role_created_from_the_form_is_listed_with_a_warning_that_nobody_is_in_it()
    {
        var page = Render<PerformerRolesPage>();

        page.Find("input[name=name]").Change("Lawyer");
        page.Find("textarea[name=description]").Change("Reviews contracts");
        await page.Find("form.add").SubmitAsync();

        page.WaitForAssertion(() => page.Find("[role=status]").TextContent.ShouldBe("Performer role Lawyer created."));
        var row = page.Find("table.roles tbody tr");
        row.TextContent.ShouldContain("Lawyer");
        row.TextContent.ShouldContain("Reviews contracts");
        row.QuerySelector(".badge.warn")!.TextContent.ShouldBe("no members");
        (await AuditActionsAsync()).ShouldBe(["admin performer-role.create Lawyer"]);
    }

    [Fact]
    public async Task A_second_role_of_the_same_name_is_refused_naming_the_one_that_exists()
    {
        await OrganisationAsync(o => o.CreateRoleAsync("admin", "Lawyer", null));
        var page = Render<PerformerRolesPage>();

        page.Find("input[name=name]").Change("lawyer");
        await page.Find("form.add").SubmitAsync();

        page.WaitForAssertion(() => page.Find("[role=alert]").TextContent.ShouldContain("A performer role 'Lawyer' already exists"));
        page.FindAll("table.roles tbody tr").Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_name_with_an_at_sign_is_refused_saying_why()
    {
        var page = Render<PerformerRolesPage>();

        page.Find("input[name=name]").Change("Lawyer@North");
        await page.Find("form.add").SubmitAsync();

        page.WaitForAssertion(() => page.Find("[role=alert]").TextContent.ShouldContain("name must not contain '@'"));
    }

    [Fact]
    public async Task A_member_added_for_an_addressing_object_is_listed_and_can_be_removed_again()
    {
        await AddUsersAsync(("anna", "Anna Petrova"), ("boris", "Boris Nowak"));
        await OrganisationAsync(o => o.CreateRoleAsync("admin", "Sales manager", null));
        await OrganisationAsync(o => o.CreateObjectAsync("admin", "North", new AddressingObjectChange { Kind = AddressingObjectKind.Region }));
        var page = Render<PerformerRolePage>(p => p.Add(r => r.Name, "Sales manager"));
        page.WaitForAssertion(() => page.Find("select[name=member]"));

        page.Find("select[name=member]").Change("anna");
        page.Find("select[name=object]").Change("North");
        await page.Find("form.add-member").SubmitAsync();

        page.WaitForAssertion(() => page.Find("table.members tbody tr").TextContent.ShouldContain("North"));
        page.Find("table.members tbody tr").TextContent.ShouldContain("Anna Petrova");
        (await OrganisationAsync(o => o.GetRoleAsync("Sales manager"))).Members.Single().AddressingObject.ShouldBe("North");

        await page.Find("button[aria-label='Remove Anna Petrova']").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[role=status]").TextContent.ShouldBe("Anna Petrova is no longer a member."));
        page.Find("p.empty").TextContent.ShouldContain("Nobody is a member");
        (await AuditActionsAsync()).ShouldContain("admin performer-role.add-member Sales manager");
        (await AuditActionsAsync()).ShouldContain("admin performer-role.remove-member Sales manager");
    }

    [Fact]
    public async Task Adding_without_picking_a_user_is_refused_naming_the_field()
    {
        await OrganisationAsync(o => o.CreateRoleAsync("admin", "Lawyer", null));
        var page = Render<PerformerRolePage>(p => p.Add(r => r.Name, "Lawyer"));
        page.WaitForAssertion(() => page.Find("form.add-member"));

        await page.Find("form.add-member").SubmitAsync();

        page.WaitForAssertion(() => page.Find("[role=alert]").TextContent.ShouldStartWith("userName:"));
    }

    [Fact]
    public async Task Deleting_a_role_that_still_has_members_is_refused_naming_them_and_the_role_stays()
    {
        await AddUsersAsync(("anna", "Anna Petrova"));
        await OrganisationAsync(o => o.CreateRoleAsync("admin", "Lawyer", null));
        await OrganisationAsync(o => o.AddMemberAsync("admin", "Lawyer", "anna", null));
        var page = Render<PerformerRolePage>(p => p.Add(r => r.Name, "Lawyer"));
        page.WaitForAssertion(() => page.Find("section.delete button"));

        await page.Find("section.delete button").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[role=alert]").TextContent.ShouldContain("still has members: Anna Petrova (anna)"));
        Services.GetRequiredService<NavigationManager>().Uri.ShouldNotEndWith("admin/performer-roles");
        (await OrganisationAsync(o => o.GetRoleAsync("Lawyer"))).Name.ShouldBe("Lawyer");
    }

    [Fact]
    public async Task Deleting_a_role_open_tasks_are_addressed_to_is_refused_naming_the_tasks()
    {
        await OrganisationAsync(o => o.CreateRoleAsync("admin", "Lawyer", null));
        await AddOpenTaskAsync("Review the Nordwind contract", "Lawyer");
        var page = Render<PerformerRolePage>(p => p.Add(r => r.Name, "Lawyer"));
        page.WaitForAssertion(() => page.Find("section.delete button"));

        await page.Find("section.delete button").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[role=alert]").TextContent.ShouldContain("'Review the Nordwind contract'"));
    }

    [Fact]
    public async Task An_unused_role_is_deleted_and_the_page_returns_to_the_list()
    {
        await OrganisationAsync(o => o.CreateRoleAsync("admin", "Lawyer", null));
        var page = Render<PerformerRolePage>(p => p.Add(r => r.Name, "Lawyer"));
        page.WaitForAssertion(() => page.Find("section.delete button"));

        await page.Find("section.delete button").ClickAsync(new());

        page.WaitForAssertion(() => Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith("admin/performer-roles"));
        (await OrganisationAsync(o => o.ListRolesAsync(null, 1, 10))).Total.ShouldBe(0);
    }

    [Fact]
    public async Task The_description_is_saved_from_the_role_page()
    {
        await OrganisationAsync(o => o.CreateRoleAsync("admin", "Lawyer", null));
        var page = Render<PerformerRolePage>(p => p.Add(r => r.Name, "Lawyer"));
        page.WaitForAssertion(() => page.Find("form.add textarea"));

        page.Find("form.add textarea").Change("Reviews contracts");
        await page.Find("form.add").SubmitAsync();

        page.WaitForAssertion(() => page.Find("[role=status]").TextContent.ShouldBe("Saved."));
        (await OrganisationAsync(o => o.GetRoleAsync("Lawyer"))).Description.ShouldBe("Reviews contracts");
    }

    [Fact]
    public void An_unknown_role_says_so()
    {
        var page = Render<PerformerRolePage>(p => p.Add(r => r.Name, "Astronaut"));

        page.WaitForAssertion(() => page.Find("[role=status]").TextContent.ShouldBe("There is no such performer role."));
    }
}
