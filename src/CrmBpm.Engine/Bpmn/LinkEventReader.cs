using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Reads link events: an <c>intermediateThrowEvent</c> or <c>intermediateCatchEvent</c> whose one event definition is a plain
/// <c>linkEventDefinition</c> (a name and an id, nothing else) becomes a <see cref="LinkThrowPoint"/> or a
/// <see cref="LinkCatchPoint"/> carrying the definition's name. One whose definition lists BPMN's optional
/// <c>source</c>/<c>target</c> references stays kept (it would say something the name does not). The definition's own id is not
/// kept (nothing refers to it; modelers make a new one).
/// </summary>
internal sealed class LinkEventReader(BpmnReadContext context, XElement element)
{
    /// <summary>True for a throw or catch event whose only definition is a plain link definition.</summary>
    public static bool Applies(XElement element) =>
        (IsBpmn(element, "intermediateThrowEvent") || IsBpmn(element, "intermediateCatchEvent"))
        && element.Elements().Where(TimerEventReader.IsEventDefinition).ToList() is [var definition]
        && IsBpmn(definition, "linkEventDefinition")
        && !definition.HasElements
        && definition.Attributes().All(a => a.IsNamespaceDeclaration || a.Name == "id" || a.Name == "name");

    public Point? Read()
    {
        var id = Id(element);
        if (id is null)
        {
            context.Problem(element, null, $"{Describe(element)} has no id.");
            return null;
        }

        var definition = BpmnChildren(element, "linkEventDefinition").Single();
        var attributes = context.ForeignAttributes(element, id, n => n == "id" || n == "name");
        var extensions = context.ForeignExtensionElements(element, id, _ => false);
        var kept = context.KeptChildren(element, id, c => !IsBpmn(c, "documentation") && !IsBpmn(c, "extensionElements") && !IsBpmn(c, "incoming") && !IsBpmn(c, "outgoing") && c != definition);
        var foreign = Foreign(attributes, extensions, Documentation(element), kept);
        var name = (string?)element.Attribute("name") ?? "";
        var linkName = (string?)definition.Attribute("name") ?? "";
        var throws = IsBpmn(element, "intermediateThrowEvent");
        var subject = throws ? "link throw event (intermediateThrowEvent)" : "link catch event (intermediateCatchEvent)";
        context.Note(element, id, BpmnNoteSeverity.Info, throws ? "link:intermediateThrowEvent" : "link:intermediateCatchEvent", subject,
            throws ? "link throw events (intermediateThrowEvent)" : "link catch events (intermediateCatchEvent)",
            throws ? "jumps to the catch link of its name" : "goes on from where a throw link of its name jumps to it");
        return throws
            ? new LinkThrowPoint { Id = id, Name = name, LinkName = linkName, Foreign = foreign }
            : new LinkCatchPoint { Id = id, Name = name, LinkName = linkName, Foreign = foreign };
    }
}
