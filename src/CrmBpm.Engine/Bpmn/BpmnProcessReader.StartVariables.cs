using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>The start variables a process declares: <c>&lt;crm:startVariable name="amount" type="number" label="Amount" required="true"/&gt;</c>.</summary>
internal sealed partial class BpmnProcessReader
{
    /// <summary>The name of the extension element that declares one start variable.</summary>
    internal static readonly XName StartVariableElement = CrmNs + "startVariable";

    private List<StartVariable> ReadStartVariables(string key) =>
        [.. process.Elements(BpmnNs + "extensionElements").Elements(StartVariableElement).Select(e => ReadStartVariable(e, key))];

    private StartVariable ReadStartVariable(XElement element, string key)
    {
        var typeText = Text(element, "type") ?? "text";
        if (!Enum.TryParse<FormFieldType>(typeText, ignoreCase: true, out var type) || !Enum.IsDefined(type) || type == FormFieldType.Choice)
        {
            context.Problem(element, key, $"Start variable '{Text(element, "name")}': type '{typeText}' is not one of text, number, boolean, date.");
            type = FormFieldType.Text;
        }

        return new StartVariable
        {
            Name = Text(element, "name") ?? "",
            Type = type,
            Label = (string?)element.Attribute("label") ?? "",
            Required = context.Bool(element, "required", key) ?? false,
        };
    }
}
