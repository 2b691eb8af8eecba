using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Reads a <c>bpmn:userTask</c> into an Action: <c>crm:</c> attributes and extension elements, and the equivalents of
/// other engines (performers of Camunda, Flowable, Activiti and Zeebe, <c>camunda:formData</c>, <c>camunda:collection</c>)
/// when no <c>crm:</c> value says otherwise.
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
    internal static readonly XName WorkingTime = CrmNs + "workingTime";
    internal static readonly XName PerformerUser = CrmNs + "performerUser";
    internal static readonly XName PerformerRole = CrmNs + "performerRole";
    internal static readonly XName AddressingObject = CrmNs + "addressingObject";
    internal static readonly XName PerformerExpression = CrmNs + "performerExpression";
    internal static readonly XName PerformerRoleExpression = CrmNs + "performerRoleExpression";

    private static readonly HashSet<XName> CrmAttributes =
        [Title, Stage, RequiresAcceptance, OutcomeVariable, DeadlineDuration, DeadlineExpression, ReminderBefore, WorkingTime, PerformerUser, PerformerRole, AddressingObject, PerformerExpression, PerformerRoleExpression];

    private readonly string? _id = Id(element);

    public ActionPoint? Read()
    {
        if (_id is null)
        {
            context.Problem(element, null, $"{Describe(element)} has no id.");
            return null;
        }

        var (performer, keepDialect) = ReadPerformer();
        var outcomes = new List<string>();
        var (fields, keepForm) = ReadForm();
        var (deadline, keepDueDate) = ReadDeadline();
        // Camunda's attributes the export writes from the performer anyway are not kept (they would be written twice).
        var rewritten = PerformerDialect.CamundaAttributes(performer).Where(a => (string?)element.Attribute(a.Name) == a.Value).Select(a => a.Name).ToHashSet();
        var attributes = context.ForeignAttributes(element, _id,
            known: n => n == "id" || n == "name" || n == DefaultFlow || CrmAttributes.Contains(n) || rewritten.Contains(n)
                || (!keepDialect && PerformerDialect.IsPerformerAttribute(n)) || (!keepDueDate && IsDueDate(n)),
            understood: n => PerformerDialect.IsPerformerAttribute(n) || IsDueDate(n));
        var extensions = context.ForeignExtensionElements(element, _id, child =>
        {
            if (child.Name == CrmNs + "outcome")
            {
                var outcome = Text(child, "name") ?? child.Value.Trim();
                outcomes.Add(outcome);
                return true;
            }

            // Read by ReadPerformer and ReadForm: kept while they still say the same and the export could not write them
            // again, dropped when they do not.
            return child.Name == CrmNs + "formField"
                || (child.Name == PerformerDialect.ZeebeAssignment && !keepDialect)
                || ((FormDialect.IsCamundaFormData(child) || FormDialect.IsFormProperty(child)) && !keepForm(child));
        }, understood: child => child.Name == PerformerDialect.ZeebeAssignment || FormDialect.IsCamundaFormData(child) || FormDialect.IsFormProperty(child));

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
            Deadline = context.Bool(element, WorkingTime, _id) == true && deadline is not null ? deadline with { InWorkingTime = true } : deadline,
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

    /// <summary>
    /// The performer from crm: attributes, or else from another engine's (see <see cref="PerformerDialect"/>). The other
    /// engine's attributes are kept as written while they agree with the result, so that engine reads the export the same
    /// way; after the task was readdressed in CrmBpm they no longer do, and are left out (the export writes new ones).
    /// </summary>
    private (Performer? Performer, bool KeepDialect) ReadPerformer()
    {
        var performer = new Performer
        {
            UserId = Text(element, PerformerUser),
            Role = Text(element, PerformerRole),
            AddressingObject = Text(element, AddressingObject),
            UserExpression = Text(element, PerformerExpression),
            RoleExpression = Text(element, PerformerRoleExpression),
        };
        var ours = performer.IsSpecified || performer.AddressingObject is not null;
        var notesBefore = context.Notes.Count;
        var dialects = PerformerDialect.Read(context, element, _id!);
        if (!ours)
        {
            return (dialects.FirstOrDefault(p => p is not null), true);
        }

        var agrees = dialects.All(dialect => PerformerDialect.Agrees(dialect, performer));
        if (!agrees)
        {
            // What the dropped attributes would have said is no longer news to the reader.
            context.Notes.RemoveRange(notesBefore, context.Notes.Count - notesBefore);
        }

        return (performer, agrees);
    }

    /// <summary>
    /// The form from crm:formField elements, or else from Camunda's formData, or else from Flowable's formProperty
    /// elements; and which of the other engines' elements to keep as written: those that say the same fields and hold
    /// more than the export would write (a Camunda formData the export writes again in full is not kept twice).
    /// </summary>
    private (List<FormField> Fields, Func<XElement, bool> Keep) ReadForm()
    {
        var children = BpmnChildren(element, "extensionElements").SelectMany(e => e.Elements()).ToList();
        var ours = children.Where(c => c.Name == CrmNs + "formField").Select(ReadCrmField).ToList();
        var notesBefore = context.Notes.Count;
        var formData = children.FirstOrDefault(FormDialect.IsCamundaFormData);
        List<FormField>? camunda = null;
        var camundaComplete = true;
        if (formData is not null)
        {
            camunda = FormDialect.ReadCamunda(context, formData, _id!, out camundaComplete);
        }

        var properties = children.Where(FormDialect.IsFormProperty).ToList();
        var flowable = properties.Count == 0 ? null : FormDialect.ReadProperties(context, properties, _id!, out _);
        var fields = ours.Count > 0 ? ours : camunda ?? flowable ?? [];
        var keepCamunda = FormDialect.Same(camunda, fields) && !camundaComplete;
        var keepFlowable = FormDialect.Same(flowable, fields);
        if ((camunda is not null && !FormDialect.Same(camunda, fields)) || (flowable is not null && !keepFlowable))
        {
            // A form changed in CrmBpm since: what the other engine's elements said is no longer news to the reader.
            context.Notes.RemoveRange(notesBefore, context.Notes.Count - notesBefore);
        }

        return (fields, child => FormDialect.IsCamundaFormData(child) ? keepCamunda : keepFlowable);
    }

    /// <summary>
    /// The deadline from crm: attributes, or else from another engine's <c>dueDate</c> (Camunda, Flowable, Activiti): an ISO
    /// 8601 duration after the task is created, or a <c>${…}</c> expression giving a date or a duration. The dueDate is kept
    /// as written while it says the same as the result (that engine reads the export the same way), dropped once the
    /// deadline was changed in CrmBpm; a fixed date is kept but not used (a route map runs again and again).
    /// </summary>
    private (Deadline? Deadline, bool KeepDueDate) ReadDeadline()
    {
        var duration = Text(element, DeadlineDuration);
        var expression = Text(element, DeadlineExpression);
        var ours = duration is null && expression is null ? null : new Deadline { Duration = duration, Expression = expression };
        var dueDates = DueDateNames.Select(n => element.Attribute(n)).OfType<XAttribute>().ToList();
        var theirs = dueDates.Select(a => DueDateOf(a.Name)).ToList();
        foreach (var fixedDate in dueDates.Where(a => DueDateOf(a.Name) is null))
        {
            context.Note(fixedDate, _id, BpmnNoteSeverity.Warning, (fixedDate.Parent!.GetPrefixOfNamespace(fixedDate.Name.Namespace) ?? "") + ":dueDate",
                "fixed due date", "fixed due dates", "kept, but not used: give a duration such as P3D or an expression");
        }

        var deadline = ours ?? theirs.FirstOrDefault(d => d is not null);
        return (deadline, theirs.All(d => d is null || d == deadline));
    }

    private static readonly XName[] DueDateNames = [CamundaNs + "dueDate", FlowableNs + "dueDate", ActivitiNs + "dueDate"];

    private static bool IsDueDate(XName name) => DueDateNames.Contains(name);

    private Deadline? DueDateOf(XName name)
    {
        var text = Text(element, name);
        return text is null ? null
            : Deadline.TryParseDuration(text, out _) ? new Deadline { Duration = text }
            : Expressions.Juel.JuelExpressionEvaluator.IsJuel(text) ? new Deadline { Expression = text }
            : null;
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
        var options = field.Elements(CrmNs + "option").ToList();
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
            ReadOnly = context.Bool(field, "readOnly", _id) ?? false,
            DefaultValue = (string?)field.Attribute("defaultValue"),
            Minimum = Decimal(field, "min"),
            Maximum = Decimal(field, "max"),
            MinLength = Length(field, "minLength"),
            MaxLength = Length(field, "maxLength"),
            Options = [.. options.Select(o => Text(o, "value") ?? o.Value.Trim())],
            OptionLabels = options.Any(o => o.Attribute("label") is not null) ? [.. options.Select(o => (string?)o.Attribute("label") ?? Text(o, "value") ?? o.Value.Trim())] : [],
        };
    }

    private decimal? Decimal(XElement field, string name)
    {
        var text = Text(field, name);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        context.Problem(field.Attribute(name)!, _id, $"{Describe(element)}: form field '{Text(field, "name")}' has {name}='{text}', which is not a number.");
        return null;
    }

    private int? Length(XElement field, string name)
    {
        var text = Text(field, name);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        context.Problem(field.Attribute(name)!, _id, $"{Describe(element)}: form field '{Text(field, "name")}' has {name}='{text}', which is not a whole number of characters.");
        return null;
    }

    /// <summary>
    /// A multi-instance written by another tool (no crm: attribute) that route maps cannot run (see
    /// <see cref="MultiInstanceDialect.Runs"/>). The task is then kept whole instead of refusing the file; a crm:
    /// multi-instance is ours, and its mistakes stay import problems.
    /// </summary>
    internal static bool HasForeignMultiInstanceThatDoesNotRun(XElement userTask) =>
        MultiInstanceDialect.LoopOf(userTask) is { } loop && !MultiInstanceDialect.Runs(loop);

    private MultiInstance? ReadMultiInstance() => MultiInstanceDialect.Read(context, element, _id!);
}
