using CrmBpm.Server.Components.Pages.Admin;
using CrmBpm.Server.Organisation;

namespace CrmBpm.Server.UiTests.Admin;

/// <summary>
/// The Structure page, by mouse: departments are created under each other and shown as a tree with their heads, moved
/// and given a head through Edit, and deleted when unused; regions and business directions have their own lists; every
/// refusal (a loop in the tree, a department still in use, a duplicate name) names what is wrong.
/// </summary>
public sealed class AdministeringTheStructure : AdminPagesContext
{
    private async Task CreateAsync(string name, AddressingObjectKind kind, string? parent = null, string? head = null) =>
        await OrganisationAsync(o => o.CreateObjectAsync("admin", name, new AddressingObjectChange { Kind = kind, Parent = parent, Head = head }));

    private static string[] TreeRows(IRenderedComponent<StructurePage> page) =>
        [.. page.FindAll("table.tree tbody tr").Select(r => string.Join(" | ", r.Children.Take(2).Select(c => c.TextContent.Trim())).Trim())];

    [Fact]
    public async Task A_department_created_under_another_with_a_head_is_shown_below_it_in_the_tree()
    {
        await AddUsersAsync(("hedda", "Hedda Gabler"));
        await CreateAsync("Sales", AddressingObjectKind.Department);
        var page = Render<StructurePage>();
        page.WaitForAssertion(() => TreeRows(page).ShouldBe(["Sales |"]));

        page.Find("select[name=kind]").Change(nameof(AddressingObjectKind.Department));
        page.Find("input[name=name]").Change("Sales North");
        page.Find("select[name=parent]").Change("Sales");
        page.Find("select[name=head]").Change("hedda");
        await page.Find("form.add").SubmitAsync();

        page.WaitForAssertion(() => page.Find("[role=status]").TextContent.ShouldBe("Sales North saved."));
        TreeRows(page).ShouldBe(["Sales |", "└ Sales North | Hedda Gabler (hedda)"]);
        (await OrganisationAsync(o => o.GetObjectAsync("Sales North"))).ShouldBe(new AddressingObjectView("Sales North", AddressingObjectKind.Department, "Sales", "hedda"));
    }

    [Fact]
    public async Task A_department_is_moved_and_given_a_head_through_edit()
    {
        await AddUsersAsync(("hedda", "Hedda Gabler"));
        await CreateAsync("Sales", AddressingObjectKind.Department);
        await CreateAsync("Service", AddressingObjectKind.Department);
        await CreateAsync("Field team", AddressingObjectKind.Department, parent: "Sales");
        var page = Render<StructurePage>();
        page.WaitForAssertion(() => TreeRows(page).ShouldBe(["Sales |", "└ Field team |", "Service |"]));

        await page.Find("button[aria-label='Edit Field team']").ClickAsync(new());
        page.Find("input[name=name]").HasAttribute("disabled").ShouldBeTrue();
        page.Find("select[name=parent]").Change("Service");
        page.Find("select[name=head]").Change("hedda");
        await page.Find("form.add").SubmitAsync();

        page.WaitForAssertion(() => TreeRows(page).ShouldBe(["Sales |", "Service |", "└ Field team | Hedda Gabler (hedda)"]));
        (await AuditActionsAsync()).ShouldContain("admin addressing-object.update Field team");
    }

    [Fact]
    public async Task Moving_a_department_under_its_own_sub_department_is_refused_naming_the_loop()
    {
        await CreateAsync("Sales", AddressingObjectKind.Department);
        await CreateAsync("Sales North", AddressingObjectKind.Department, parent: "Sales");
        var page = Render<StructurePage>();
        page.WaitForAssertion(() => page.Find("button[aria-label='Edit Sales']"));

        await page.Find("button[aria-label='Edit Sales']").ClickAsync(new());
        page.Find("select[name=parent]").Change("Sales North");
        await page.Find("form.add").SubmitAsync();

        page.WaitForAssertion(() => page.Find("[role=alert]").TextContent.ShouldContain("the tree would go round (Sales → Sales North → Sales)"));
        TreeRows(page).ShouldBe(["Sales |", "└ Sales North |"]);
    }

    [Fact]
    public async Task Deleting_a_department_with_sub_departments_is_refused_naming_them()
    {
        await CreateAsync("Sales", AddressingObjectKind.Department);
        await CreateAsync("Sales North", AddressingObjectKind.Department, parent: "Sales");
        var page = Render<StructurePage>();
        page.WaitForAssertion(() => page.Find("button[aria-label='Delete Sales']"));

        await page.Find("button[aria-label='Delete Sales']").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[role=alert]").TextContent.ShouldContain("Department 'Sales' cannot be deleted: it has sub-departments (Sales North)"));
        TreeRows(page).Length.ShouldBe(2);
    }

    [Fact]
    public async Task A_department_in_use_is_deactivated_shown_as_such_no_longer_offered_and_reactivated()
    {
        await AddUsersAsync(("anna", "Anna Petrova"));
        await CreateAsync("Sales", AddressingObjectKind.Department);
        await OrganisationAsync(o => o.CreateRoleAsync("admin", "Sales manager", null));
        await OrganisationAsync(o => o.AddMemberAsync("admin", "Sales manager", "anna", "Sales"));
        var page = Render<StructurePage>();
        page.WaitForAssertion(() => page.Find("button[aria-label='Deactivate Sales']"));

        await page.Find("button[aria-label='Deactivate Sales']").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[role=status]").TextContent.ShouldStartWith("Sales deactivated"));
        TreeRows(page).ShouldBe(["Sales deactivated |"]);
        page.Find("table.tree tbody tr").ClassList.ShouldContain("archived");
        (await OrganisationAsync(o => o.GetRoleAsync("Sales manager"))).Members.Single().AddressingObject.ShouldBe("Sales", "a member keeps serving it");
        var role = Render<CrmBpm.Server.Components.Pages.Admin.PerformerRolePage>(p => p.Add(r => r.Name, "Sales manager"));
        role.WaitForAssertion(() => role.Find("select[name=object]"));
        role.FindAll("select[name=object] option").Select(o => o.GetAttribute("value")).ShouldNotContain("Sales");

        await page.Find("button[aria-label='Reactivate Sales']").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[role=status]").TextContent.ShouldBe("Sales reactivated."));
        TreeRows(page).ShouldBe(["Sales |"]);
        (await AuditActionsAsync()).Count(a => a == "admin addressing-object.update Sales").ShouldBe(2);
    }

    [Fact]
    public async Task A_department_whose_sub_departments_are_active_is_not_deactivated_and_they_are_named()
    {
        await CreateAsync("Sales", AddressingObjectKind.Department);
        await CreateAsync("Sales North", AddressingObjectKind.Department, parent: "Sales");
        var page = Render<StructurePage>();
        page.WaitForAssertion(() => page.Find("button[aria-label='Deactivate Sales']"));

        await page.Find("button[aria-label='Deactivate Sales']").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[role=alert]").TextContent.ShouldContain("cannot be deactivated while its sub-departments are active (Sales North)"));
        (await OrganisationAsync(o => o.GetObjectAsync("Sales"))).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task An_unused_department_is_deleted()
    {
        await CreateAsync("Sales", AddressingObjectKind.Department);
        var page = Render<StructurePage>();
        page.WaitForAssertion(() => page.Find("button[aria-label='Delete Sales']"));

        await page.Find("button[aria-label='Delete Sales']").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[role=status]").TextContent.ShouldBe("Sales deleted."));
        page.Find("section p.empty").TextContent.ShouldBe("No departments yet.");
    }

    [Fact]
    public async Task Regions_and_business_directions_are_created_and_listed_in_their_own_sections()
    {
        var page = Render<StructurePage>();

        page.Find("select[name=kind]").Change(nameof(AddressingObjectKind.Region));
        page.FindAll("select[name=parent]").ShouldBeEmpty();
        page.Find("input[name=name]").Change("North");
        await page.Find("form.add").SubmitAsync();
        page.WaitForAssertion(() => page.Find("[role=status]").TextContent.ShouldBe("North saved."));
        page.Find("select[name=kind]").Change(nameof(AddressingObjectKind.BusinessDirection));
        page.Find("input[name=name]").Change("Fleet");
        await page.Find("form.add").SubmitAsync();

        page.WaitForAssertion(() => page.Find("section[aria-label='Business directions'] tbody").TextContent.ShouldContain("Fleet"));
        page.Find("section[aria-label='Regions'] tbody").TextContent.ShouldContain("North");
        page.Find("section[aria-label='Departments'] p.empty").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_name_another_object_has_is_refused_naming_it_and_its_kind()
    {
        await CreateAsync("North", AddressingObjectKind.Region);
        var page = Render<StructurePage>();

        page.Find("input[name=name]").Change("north");
        await page.Find("form.add").SubmitAsync();

        page.WaitForAssertion(() => page.Find("[role=alert]").TextContent.ShouldContain("An addressing object 'North' (Region) already exists"));
    }
}
