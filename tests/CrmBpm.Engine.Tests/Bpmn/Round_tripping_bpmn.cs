using System.Xml.Linq;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Testing;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

public sealed class Round_tripping_bpmn
{
    [Theory]
    [InlineData("bpmnio-approval.bpmn")]
    [InlineData("bpmnio-plain.bpmn")]
    [InlineData("camunda-order.bpmn")]
    [InlineData("crm-style.bpmn")]
    [InlineData("default-namespace.bpmn")]
    public void Exporting_an_imported_file_keeps_its_meaning_and_its_drawing(string fixture)
    {
        var imported = Import(Fixture(fixture));

        var again = RoundTrip(imported);

        // Maps imported without a drawing get the automatic layout on export; everything else is unchanged.
        again.ShouldMeanTheSameAs([.. imported.Select(m => m.Diagram is null ? m with { Diagram = AutoLayout.Create(m) } : m)]);
    }

    public static TheoryData<MultiInstance> Loops => new()
    {
        new MultiInstance { CollectionVariable = "items", ElementVariable = "it", ResultCollection = "out" },
        new MultiInstance { CollectionVariable = "items", IsSequential = true, CompletionCondition = "nrOfCompletedInstances >= 2" },
        new MultiInstance { CollectionExpression = "${order.items}", ElementVariable = "line", CompletionCondition = "${verdict == 'no'}" },
        new MultiInstance { CollectionExpression = "order.items.filter(i => i.open)", ResultCollection = "r", ResultElement = "result.score" },
        new MultiInstance { CollectionExpression = "=order.items", IsSequential = true, ResultCollection = "r", ResultElement = "=result" },
        new MultiInstance { LoopCardinality = "3" },
        new MultiInstance { LoopCardinality = "${copies + 1}", IsSequential = true, CompletionCondition = "=numberOfCompletedInstances > 1" },
    };

    [Theory]
    [MemberData(nameof(Loops))]
    public void Every_kind_of_multi_instance_on_an_action_and_a_nested_process_reads_back_the_same(MultiInstance loop)
    {
        var map = new MapBuilder("loops").Start()
            .Action("a", configure: a => a with { MultiInstance = loop })
            .Add(new NestedProcessPoint { Id = "n", Name = "n", CalledMapKey = "child", MultiInstance = loop })
            .End()
            .Flow("start", "a", "n", "end")
            .Build();

        RoundTrip([map]).Single().ShouldMeanTheSameAs(map with { Diagram = AutoLayout.Create(map) });
    }

    [Fact]
    public void Importing_an_exported_map_gives_the_same_map()
    {
        var map = EverythingMap() with
        {
            Diagram = AutoLayout.Create(EverythingMap()) with { Id = "MyDiagram" },
            Foreign = new ForeignBpmn { Documentation = "Docs", Attributes = [new("urn:x", "flag", "1", "x")] },
        };

        RoundTrip([map]).Single().ShouldMeanTheSameAs(map);
    }

    [Fact]
    public void A_map_built_in_code_is_exported_with_a_left_to_right_layout_without_overlaps()
    {
        var map = EverythingMap();

        var exported = RoundTrip([map]).Single();

        exported.ShouldMeanTheSameAs(map with { Diagram = AutoLayout.Create(map) });
        var shapes = exported.Diagram!.Shapes;
        shapes.Count.ShouldBe(map.Points.Count);
        exported.Diagram.Edges.Count.ShouldBe(map.Flows.Count);
        foreach (var a in shapes)
        {
            shapes.Where(b => b != a).ShouldAllBe(b => !a.Bounds.Overlaps(b.Bounds));
        }

        exported.Diagram.FindShape("start")!.Bounds.X.ShouldBeLessThan(exported.Diagram.FindShape("a")!.Bounds.X);
    }

    [Fact]
    public void Attributes_and_extension_elements_of_other_tools_are_written_back_with_their_prefixes()
    {
        var xml = new BpmnExporter().Export(Import(Fixture("camunda-order.bpmn")));
        var document = XDocument.Parse(xml);
        var root = document.Root!;

        root.Attribute(XNamespace.Xmlns + "camunda")!.Value.ShouldBe(BpmnNamespaces.Camunda);
        root.Attribute(XNamespace.Xmlns + "modeler")!.Value.ShouldBe("http://camunda.org/schema/modeler/1.0");
        xml.ShouldContain("modeler:executionPlatform=\"Camunda Platform\"");
        xml.ShouldContain("camunda:asyncBefore=\"true\"");
        xml.ShouldContain("<camunda:property name=\"color\" value=\"blue\" />");
        xml.ShouldContain("camunda:historyTimeToLive=\"180\"");
        xml.Split("xmlns:camunda=").Length.ShouldBe(2, xml); // declared once, on the root
        // What CrmBpm understood is written in its own terms, and in Camunda's beside them.
        xml.ShouldContain("crm:performerExpression=\"${author}\"");
        xml.ShouldContain("camunda:assignee=\"${author}\"");
        xml.ShouldContain("crm:performerRole=\"Head of sales\"");
        xml.ShouldContain("camunda:candidateGroups=\"Head of sales\"");
        xml.ShouldContain("<crm:formField name=\"amount\" label=\"Amount\" type=\"number\" required=\"true\" />");
    }

    [Fact]
    public void An_export_opens_in_bpmn_io_style_with_standard_prefixes_and_a_diagram_per_process()
    {
        var xml = new BpmnExporter().Export(Import(Fixture("crm-style.bpmn")));
        var root = XDocument.Parse(xml).Root!;

        root.Name.ShouldBe(XName.Get("definitions", BpmnNamespaces.Model));
        root.GetPrefixOfNamespace(BpmnNamespaces.Model).ShouldBe("bpmn");
        root.GetPrefixOfNamespace(BpmnNamespaces.BpmnDi).ShouldBe("bpmndi");
        root.GetPrefixOfNamespace(BpmnNamespaces.Crm).ShouldBe("crm");
        root.Elements(XName.Get("BPMNDiagram", BpmnNamespaces.BpmnDi)).Count().ShouldBe(2);
        xml.ShouldContain("<bpmn:incoming>f1</bpmn:incoming>");
        xml.ShouldContain("<bpmn:multiInstanceLoopCharacteristics crm:collection=\"copies\"");
    }

    /// <summary>A map with every point kind and every property set.</summary>
    internal static RouteMap EverythingMap() => new MapBuilder("everything", "Everything")
        .Start()
        .Action("a", configure: a => a with
        {
            TitleTemplate = "Do {x}",
            Description = "Line one\nline two",
            Deadline = Deadline.After(TimeSpan.FromDays(2)),
            ReminderBefore = TimeSpan.FromHours(3),
            RequiresAcceptance = true,
            Outcomes = ["Yes", "No"],
            OutcomeVariable = "answer",
            FormFields = [new FormField { Name = "x", Label = "X", Type = FormFieldType.Choice, Required = true, Options = ["1", "2"] }],
            Stage = "Offer",
            Foreign = new ForeignBpmn { ExtensionElements = ["<z:thing xmlns:z=\"urn:z\" z:a=\"1\"><z:inner /></z:thing>"] },
        })
        .Condition("c", "answer == 'Yes'")
        .Split("s")
        .RoleAction("r", "Accountant", "North", a => a with { MultiInstance = new MultiInstance { CollectionVariable = "items", ElementVariable = "it", ResultCollection = "out" } })
        .Nested("n", "child", [new("x", "y")], [new("z", "w")])
        .Merge("m")
        .Choice("ch", defaultFlowId: "ch->end")
        .Add(new ActionPoint { Id = "e", Name = "By expression", Performer = Performer.FromExpression("author"), Deadline = Deadline.FromExpression("due") })
        .End("end", "Done")
        .End("lost", "Lost")
        .Flow("start", "a", "c")
        .Yes("c", "s")
        .No("c", "lost")
        .Flow("s", "r", "m")
        .Flow("s", "n", "m")
        .Flow("m", "ch")
        .Case("ch", "e", "x == '1'")
        .Case("ch", "end", null)
        .Flow("e", "a")
        .Build();
}
