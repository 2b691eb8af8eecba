namespace CrmBpm.Designer.Tests;

public sealed class ListingProblems : DesignerSpecification
{
    [Fact]
    public void The_engine_problems_of_the_map_are_listed_with_the_point_they_concern()
    {
        Designer.WaitForAssertion(() => Designer.FindAll(".crm-problems li").ShouldNotBeEmpty());

        // An Action without a performer is a warning: it publishes, and its tasks wait in the Unassigned list.
        var problem = Designer.Find(".crm-problems li[data-element=approve]");
        problem.TextContent.ShouldContain("performer");
        problem.GetAttribute("data-severity").ShouldBe("warning");
        Designer.Find(".crm-status").TextContent.ShouldContain("1 warning");
    }

    [Fact]
    public void The_problems_are_marked_on_the_canvas()
    {
        Designer.WaitForAssertion(() => Module.Invocations["setProblems"].ShouldNotBeEmpty());

        var marked = (System.Collections.IEnumerable)LastCall("setProblems")[0]!;
        marked.Cast<object>().Select(p => p.GetType().GetProperty("elementId")!.GetValue(p)).ShouldContain("approve");
    }

    [Fact]
    public void Clicking_a_problem_selects_its_shape_and_shows_its_properties()
    {
        Designer.WaitForAssertion(() => Designer.FindAll(".crm-problems li[data-element=approve]").ShouldNotBeEmpty());

        Designer.Find(".crm-problems li[data-element=approve] button").Click();

        LastCall("select").ShouldBe(["approve"]);
        Designer.WaitForAssertion(() => Designer.Find(".crm-properties-header code").TextContent.ShouldBe("approve"));
    }
}
