using CrmBpm.Designer.Interop;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace CrmBpm.Designer.Tests;

public sealed class LeavingWithUnsavedChanges : DesignerSpecification
{
    [Fact]
    public void Nothing_is_asked_before_any_change()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/elsewhere");

        navigation.Uri.ShouldEndWith("/elsewhere");
        Designer.Instance.HasUnsavedChanges.ShouldBeFalse();
    }

    [Fact]
    public void After_a_change_leaving_for_another_page_asks_first_and_stays_when_the_consultant_says_no()
    {
        JSInterop.Setup<bool>("confirm", _ => true).SetResult(false);
        ChangeOnCanvas();
        var navigation = Services.GetRequiredService<NavigationManager>();

        navigation.NavigateTo("/elsewhere");

        JSInterop.Invocations["confirm"].ShouldHaveSingleItem().Arguments[0].ShouldBe("This route map has changes that are not saved. Leave and lose them?");
        navigation.Uri.ShouldNotEndWith("/elsewhere");
        Designer.Find(".crm-designer").GetAttribute("data-unsaved").ShouldBe("true");
    }

    [Fact]
    public async Task Once_the_host_saved_leaving_asks_nothing()
    {
        ChangeOnCanvas();
        await Designer.InvokeAsync(() => Designer.Instance.MarkSaved());
        var navigation = Services.GetRequiredService<NavigationManager>();

        navigation.NavigateTo("/elsewhere");

        navigation.Uri.ShouldEndWith("/elsewhere");
        JSInterop.Invocations["confirm"].ShouldBeEmpty();
    }

    /// <summary>What the JS module does after an edit: reports the whole document.</summary>
    private void ChangeOnCanvas()
    {
        var callbacks = (DotNetObjectReference<CanvasCallbacks>)Module.Invocations["create"].Single().Arguments[1]!;
        Designer.InvokeAsync(() => callbacks.Value.OnXmlChanged(SampleXml.Replace("name=\"Offer\"", "name=\"Offer v2\"", StringComparison.Ordinal))).GetAwaiter().GetResult();
        Designer.WaitForAssertion(() => Designer.Instance.HasUnsavedChanges.ShouldBeTrue());
    }
}
