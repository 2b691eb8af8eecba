using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Reads a <c>bpmn:userTask</c> into an Action: <c>crm:</c> attributes and extension elements, and the Camunda
/// equivalents (<c>camunda:assignee</c>, <c>camunda:candidateGroups</c>, <c>camunda:formData</c>,
/// <c>camunda:collection</c>) when no <c>crm:</c> value says otherwise.
/// </summary>
internal sealed class ActionReader(BpmnReadContext context, XElement element)
{
    internal static readonly XName Title = CrmNs + "title";
    internal static readonly XName Stage = CrmNs + "stage";
    internal static readonly XName RequiresAcceptance = CrmNs + "requiresAcceptance";
    internal static readonly XName OutcomeVariable = CrmNs + "outcomeVariable";
    internal static readonly XName DeadlineDuration = CrmNs + "deadline";
    internal static readonly XName DeadlineExpression = CrmNs + "deadlineExpression";
    internal static readonly XName ReminderBefore = CrmNs + "reminderBefore";
    internal static readonly XName PerformerUser = CrmNs + "performerUser";
    internal static readonly XName PerformerRole = CrmNs + "performerRole";
    internal static readonly XName AddressingObject = CrmNs + "addressingObject";
    internal static readonly XName PerformerExpression = CrmNs + "performerExpression";
    internal static readonly XName Collection = CrmNs + "collection";
    internal static readonly XName ElementVariable = CrmNs + "elementVariable";
    internal static readonly XName ResultCollection = CrmNs + "resultCollection";

    private static readonly XName CamundaAssignee = CamundaNs + "assignee";
    private static readonly XName CamundaCandidateGroups = CamundaNs + "candidateGroups";
    private static readonly HashSet<XName> CrmAttributes =
        [Title, Stage, RequiresAcceptance, OutcomeVariable, DeadlineDuration, DeadlineExpression, ReminderBefore, PerformerUser, PerformerRole, AddressingObject, PerformerExpression];

    private readonly string? _id = Id(element);

    public ActionPoint? Read()
    {
        if (_id is null)
        {
            context.Problem(element, null, $"{Describe(element)} has no id.");
            return null;
        }

        var (performer, usesCamundaPerformer) = ReadPerformer();
        var outcomes = new List<string>();
        var fields = new List<FormField>();
        var sawCrmFields = element.Descendants(CrmNs + "formField").Any();
        var attributes = context.ForeignAttributes(element, _id, n =>
            n == "id" || n == "name" || n == DefaultFlow || CrmAttributes.Contains(n) || (usesCamundaPerformer && (n == CamundaAssignee || n == CamundaCandidateGroups)));
        var extensions = context.ForeignExtensionElements(element, _id, child =>
        {
            if (child.Name == CrmNs + "outcome")
            {
                var outcome = Text(child, "name") ?? child.Value.Trim();
                outcomes.Add(outcome);
                return true;
            }

            if (child.Name == CrmNs + "formField")
            {
                fields.Add(ReadCrmField(child));
                return true;
            }

            if (child.Name == CamundaNs + "formData" && !sawCrmFields)
            {
                fields.AddRange(child.Elements(CamundaNs + "formField").Select(ReadCamundaField));
                return true;
            }

            return false;
        });

        var multi = ReadMultiInstance();
        var kept = context.KeptChildren(element, _id);
        context.ReportUnexpectedChildren(element, _id, c => IsBpmn(c, "multiInstanceLoopCharacteristics"));
        return new ActionPoint
        {
            Id = _id,
            Name = (string?)element.Attribute("name") ?? "",
            TitleTemplate = (string?)element.Attribute(Title) ?? "",
            Description = Documentation(element) ?? "",
            Performer = performer,
            Deadline = ReadDeadline(),
            ReminderBefore = ReadDuration(ReminderBefore),
            RequiresAcceptance = context.Bool(element, RequiresAcceptance, _id) ?? false,
            Outcomes = outcomes,
            OutcomeVariable = Text(element, OutcomeVariable),
            FormFields = fields,
            Stage = Text(element, Stage),
            MultiInstance = multi,
            DefaultFlowId = Text(element, DefaultFlow),
            Foreign = Foreign(attributes, extensions, kept: kept),
        };
    }

    private (Performer? Performer, bool UsesCamunda) ReadPerformer()
    {
        var performer = new Performer
        {
            UserId = Text(element, PerformerUser),
            Role = Text(element, PerformerRole),
            AddressingObject = Text(element, AddressingObject),
            UserExpression = Text(element, PerformerExpression),
        };
        if (performer.IsSpecified || performer.AddressingObject is not null)
        {
            return (performer, false);
        }

        var assignee = Text(element, CamundaAssignee);
        var groups = Text(element, CamundaCandidateGroups);
        if (assignee is null && groups is null)
        {
            return (null, false);
        }

        if (assignee is not null)
        {
            var isExpression = assignee.StartsWith("${", StringComparison.Ordinal) || assignee.StartsWith("#{", StringComparison.Ordinal);
            performer = isExpression ? Performer.FromExpression(Unwrap(assignee)!) : Performer.User(assignee);
        }

        if (groups is not null)
        {
            var roles = groups.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (roles.Length > 1)
            {
                context.Problem(element.Attribute(CamundaCandidateGroups)!, _id,
                    $"{Describe(element)} names several candidate groups ({groups}); a CrmBpm task goes to one role pool.");
            }

            performer = performer with { Role = roles.FirstOrDefault() };
        }

        return (performer, true);
    }

    private Deadline? ReadDeadline()
    {
        var duration = Text(element, DeadlineDuration);
        var expression = Text(element, DeadlineExpression);
        if (duration is null && expression is null)
        {
            return null;
        }

        return new Deadline { Duration = duration, Expression = expression };
    }

    private TimeSpan? ReadDuration(XName name)
    {
        var text = Text(element, name);
        if (text is null)
        {
            return null;
        }

        if (Deadline.TryParseDuration(text, out var duration))
        {
            return duration;
        }

        context.Problem(element.Attribute(name)!, _id, $"{Describe(element)}: {name.LocalName} '{text}' is not an ISO 8601 duration such as P1D or PT4H.");
        return null;
    }

    private FormField ReadCrmField(XElement field)
    {
        var typeText = Text(field, "type") ?? "text";
        if (!Enum.TryParse<FormFieldType>(typeText, ignoreCase: true, out var type) || !Enum.IsDefined(type))
        {
            context.Problem(field, _id, $"{Describe(element)}: form field type '{typeText}' is not one of text, number, boolean, date, choice.");
            type = FormFieldType.Text;
        }

        return new FormField
        {
            Name = Text(field, "name") ?? "",
            Label = (string?)field.Attribute("label") ?? "",
            Type = type,
            Required = context.Bool(field, "required", _id) ?? false,
            Options = [.. field.Elements(CrmNs + "option").Select(o => Text(o, "value") ?? o.Value.Trim())],
        };
    }

    private FormField ReadCamundaField(XElement field)
    {
        var type = (Text(field, "type") ?? "string") switch
        {
            "long" or "double" or "integer" => FormFieldType.Number,
            "boolean" => FormFieldType.Boolean,
            "date" => FormFieldType.Date,
            "enum" => FormFieldType.Choice,
            _ => FormFieldType.Text,
        };
        var required = field.Elements(CamundaNs + "validation").Elements(CamundaNs + "constraint")
            .Any(c => (string?)c.Attribute("name") == "required" && (string?)c.Attribute("config") != "false");
        return new FormField
        {
            Name = Text(field, "id") ?? "",
            Label = (string?)field.Attribute("label") ?? "",
            Type = type,
            Required = required,
            Options = [.. field.Elements(CamundaNs + "value").Select(v => Text(v, "id") ?? "")],
        };
    }

    /// <summary>
    /// A multi-instance written by another tool (no crm: attribute) that route maps cannot run: sequential, counted
    /// (loopCardinality), with a completion condition, or without a list variable we read. The task is then kept whole
    /// instead of refusing the file; a crm: multi-instance is ours, and its mistakes stay import problems.
    /// </summary>
    internal static bool HasForeignMultiInstanceThatDoesNotRun(XElement userTask)
    {
        var loop = BpmnChildren(userTask, "multiInstanceLoopCharacteristics").FirstOrDefault();
        if (loop is null || loop.Attributes().Any(a => a.Name.Namespace == CrmNs))
        {
            return false;
        }

        var known = new[] { (XName)"isSequential", "id", CamundaNs + "collection", CamundaNs + "elementVariable" };
        return string.Equals(Text(loop, "isSequential"), "true", StringComparison.Ordinal)
            || loop.HasElements
            || loop.Attributes().Any(a => !a.IsNamespaceDeclaration && !known.Contains(a.Name))
            || Text(loop, CamundaNs + "collection") is null;
    }

    private MultiInstance? ReadMultiInstance()
    {
        var loop = BpmnChildren(element, "multiInstanceLoopCharacteristics").FirstOrDefault();
        if (loop is null)
        {
            return null;
        }

        if (context.Bool(loop, "isSequential", _id) == true)
        {
            context.Problem(loop, _id, $"{Describe(element)} is a sequential multi-instance; CrmBpm creates all tasks at once (parallel), so isSequential must be false.");
        }

        foreach (var child in loop.Elements())
        {
            context.Problem(child, _id, $"{Describe(element)}: <{child.Name.LocalName}> in multi-instance is not supported; name the list variable with crm:collection.");
        }

        foreach (var attribute in loop.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            var known = attribute.Name == "isSequential" || attribute.Name == "id" || attribute.Name == Collection || attribute.Name == ElementVariable ||
                attribute.Name == ResultCollection || attribute.Name == CamundaNs + "collection" || attribute.Name == CamundaNs + "elementVariable";
            if (!known)
            {
                context.Problem(attribute, _id, $"{Describe(element)}: multi-instance attribute '{attribute.Name.LocalName}' is not supported.");
            }
        }

        var collection = Text(loop, Collection) ?? Unwrap(Text(loop, CamundaNs + "collection"));
        if (collection is null)
        {
            context.Problem(loop, _id, $"{Describe(element)} is a multi-instance without a list variable; set crm:collection (or camunda:collection).");
            return null;
        }

        return new MultiInstance
        {
            CollectionVariable = collection,
            ElementVariable = Text(loop, ElementVariable) ?? Text(loop, CamundaNs + "elementVariable") ?? "item",
            ResultCollection = Text(loop, ResultCollection),
        };
    }
}
