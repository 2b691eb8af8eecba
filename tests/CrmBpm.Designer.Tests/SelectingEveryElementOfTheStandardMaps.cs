using CrmBpm.Designer.Interop;
using CrmBpm.Designer.Model;
using Microsoft.JSInterop;

namespace CrmBpm.Designer.Tests;

/// <summary>
/// Every point and flow of every standard map can be selected, in the designer and in the read-only viewer, and shows its
/// properties. Selecting Typical sale's condition once asked a parallel gateway without <c>crm:kind</c> for its own kind
/// without end: a stack overflow, which no circuit can catch, ended the whole server.
/// </summary>
public sealed class SelectingEveryElementOfTheStandardMaps : BunitContext
{
    public static TheoryData<string, bool> Maps()
    {
        var data = new TheoryData<string, bool>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "RouteMaps"), "*.bpmn").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file), false);
            data.Add(Path.GetFileName(file), true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Maps))]
    public async Task Shows_the_properties_of_each_point_and_flow(string file, bool readOnly)
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "RouteMaps", file));
        JSInterop.Mode = JSRuntimeMode.Loose;
        var module = JSInterop.SetupModule(RouteMapDesignerInterop.ModulePath);
        var designer = Render<RouteMapDesigner>(p => p.Add(d => d.Xml, xml).Add(d => d.ReadOnly, readOnly));
        var callbacks = (DotNetObjectReference<CanvasCallbacks>)module.Invocations["create"].Single().Arguments[1]!;
        var ids = DesignerDocument.Parse(xml).Elements.Select(e => e.Id).ToList();
        ids.ShouldNotBeEmpty();

        foreach (var id in ids)
        {
            await designer.InvokeAsync(() => callbacks.Value.OnSelectionChanged(id));
            designer.WaitForAssertion(() => designer.Find(".crm-properties-header code").TextContent.ShouldBe(id));
            designer.Find(".crm-kind-badge").TextContent.ShouldNotBeNullOrWhiteSpace();
        }
    }
}
