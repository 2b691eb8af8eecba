using CrmBpm.Designer.Interop;
using CrmBpm.Designer.Model;
using CrmBpm.Engine.Jobs;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CrmBpm.Designer.Tests;

/// <summary>
/// Renders <see cref="RouteMapDesigner"/> on a small map with bUnit's fake JS module standing in for bpmn-js, and
/// plays the canvas's part: selecting elements through the same callbacks the JS module calls.
/// </summary>
public abstract class DesignerSpecification : BunitContext
{
    protected const string SampleXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="sale" name="Sale" isExecutable="true">
            <bpmn:extensionElements>
              <crm:startVariable name="amount" type="number" label="Amount" required="true" />
              <crm:startVariable name="region" type="text" label="Region" />
            </bpmn:extensionElements>
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="offer" name="Offer" crm:performerRole="Sales manager" />
            <bpmn:exclusiveGateway id="big" name="Big deal?" crm:kind="condition" crm:expression="amount &gt; 1000" default="f_no" />
            <bpmn:userTask id="approve" name="Approve" />
            <bpmn:exclusiveGateway id="route" name="Region" crm:kind="choice" default="f_other" />
            <bpmn:endEvent id="end" crm:result="Won" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="offer" />
            <bpmn:sequenceFlow id="f2" sourceRef="offer" targetRef="big" />
            <bpmn:sequenceFlow id="f_yes" name="Yes" sourceRef="big" targetRef="approve" crm:branch="yes" />
            <bpmn:sequenceFlow id="f_no" name="No" sourceRef="big" targetRef="route" crm:branch="no" />
            <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="end" />
            <bpmn:sequenceFlow id="f_north" sourceRef="route" targetRef="end"><bpmn:conditionExpression>region === 'North'</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f_other" sourceRef="route" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    protected DesignerSpecification()
        : this(SampleXml)
    {
    }

    /// <summary>Opens <paramref name="xml"/> with the handlers the host registered (none by default).</summary>
    protected DesignerSpecification(string xml, IReadOnlyList<RegisteredHandler>? handlers = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Module = JSInterop.SetupModule(RouteMapDesignerInterop.ModulePath);
        Designer = Render<RouteMapDesigner>(p => p
            .Add(d => d.Xml, xml)
            .Add(d => d.Handlers, handlers ?? [])
            .Add(d => d.Users, [new DesignerUser("alice", "Alice Archer"), new DesignerUser("bob", "Bob Brown")])
            .Add(d => d.Roles, ["Sales manager", "Lawyer"])
            .Add(d => d.AddressingObjects, [new DesignerAddressingObject("North", "region"), new DesignerAddressingObject("Sales", "department")])
            .Add(d => d.Stages, ["Offer", "Contract"])
            .Add(d => d.PublishedMaps, [new PublishedMapInfo("kyc-check", "KYC check")]));
        Designer.WaitForAssertion(() => Designer.FindAll(".crm-status").ShouldNotBeEmpty());
    }

    protected BunitJSModuleInterop Module { get; }

    protected IRenderedComponent<RouteMapDesigner> Designer { get; }

    /// <summary>What the JS module does when the consultant clicks a shape.</summary>
    protected void SelectOnCanvas(string elementId)
    {
        var callbacks = (DotNetObjectReference<CanvasCallbacks>)Module.Invocations["create"].Single().Arguments[1]!;
        Designer.InvokeAsync(() => callbacks.Value.OnSelectionChanged(elementId)).GetAwaiter().GetResult();
        Designer.WaitForAssertion(() => Designer.Find(".crm-properties-header code").TextContent.ShouldBe(elementId));
    }

    /// <summary>The arguments (after the host element) of the last call of a JS function.</summary>
    protected IReadOnlyList<object?> LastCall(string identifier) => Module.Invocations[identifier].Last().Arguments.Skip(1).ToList();

    /// <summary>The attributes of the last updateProperties call for one element.</summary>
    protected IReadOnlyDictionary<string, object?> LastUpdateOf(string elementId) =>
        (IReadOnlyDictionary<string, object?>)Module.Invocations["updateProperties"].Last(i => (string?)i.Arguments[1] == elementId).Arguments[2]!;

    /// <summary>The items of the last replaceExtensionElements call.</summary>
    protected IReadOnlyList<Dictionary<string, object?>> LastExtensionItems()
    {
        var call = LastCall("replaceExtensionElements");
        return (Dictionary<string, object?>[])call[2]!;
    }
}
