using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// A user task's form as other engines write it: Camunda 7's <c>camunda:formData</c> (fields with a type, label, default
/// value, enum values with names and validation constraints) and Flowable's and Activiti's <c>formProperty</c> elements.
/// Reading gives our <see cref="FormField"/>s and says whether the element held more than they can say (then it is kept as
/// written); exporting writes <c>camunda:formData</c> from the fields, so Camunda's generated form asks what ours asks.
/// </summary>
internal static class FormDialect
{
    private static readonly XName FormData = CamundaNs + "formData";
    private static readonly string[] ConstraintsWeRead = ["required", "readonly", "min", "max", "minlength", "maxlength"];

    public static bool IsCamundaFormData(XElement element) => element.Name == FormData;

    public static bool IsFormProperty(XElement element) =>
        element.Name.LocalName == "formProperty" && (element.Name.Namespace == FlowableNs || element.Name.Namespace == ActivitiNs);

    /// <summary>
    /// The fields of <c>camunda:formData</c>. <paramref name="complete"/> is false when it holds what a field cannot say
    /// (a custom type or validator, properties, a business key): then it is kept as written, and those parts are noted.
    /// </summary>
    public static List<FormField> ReadCamunda(BpmnReadContext context, XElement formData, string taskId, out bool complete)
    {
        complete = !formData.Elements().Any(e => e.Name != CamundaNs + "formField") && formData.Attributes().All(a => a.IsNamespaceDeclaration);
        var fields = new List<FormField>();
        foreach (var field in formData.Elements(CamundaNs + "formField"))
        {
            var typeName = Text(field, "type") ?? "string";
            var type = TypeOf(typeName);
            if (type is null)
            {
                context.Note(field, taskId, BpmnNoteSeverity.Warning, "camunda:formField/type", "form field of a custom type", "form fields of custom types",
                    "read as text (the type is kept)");
                complete = false;
            }

            var constraints = field.Elements(CamundaNs + "validation").Elements(CamundaNs + "constraint")
                .ToDictionary(c => Text(c, "name") ?? "", c => Text(c, "config"), StringComparer.Ordinal);
            foreach (var other in constraints.Keys.Where(k => !ConstraintsWeRead.Contains(k)))
            {
                context.Note(field, taskId, BpmnNoteSeverity.Warning, "camunda:constraint", $"validation constraint '{other}'", "validation constraints of another engine",
                    "kept, but not checked");
                complete = false;
            }

            var known = field.Attributes().All(a => a.IsNamespaceDeclaration || a.Name.LocalName is "id" or "label" or "type" or "defaultValue")
                && field.Elements().All(e => e.Name == CamundaNs + "validation" || e.Name == CamundaNs + "value");
            complete &= known && NumbersParse(constraints);
            var values = field.Elements(CamundaNs + "value").ToList();
            fields.Add(new FormField
            {
                Name = Text(field, "id") ?? "",
                Label = (string?)field.Attribute("label") ?? "",
                Type = type ?? FormFieldType.Text,
                Required = IsOn(constraints, "required"),
                ReadOnly = IsOn(constraints, "readonly"),
                Minimum = Number(constraints.GetValueOrDefault("min")),
                Maximum = Number(constraints.GetValueOrDefault("max")),
                MinLength = Count(constraints.GetValueOrDefault("minlength")),
                MaxLength = Count(constraints.GetValueOrDefault("maxlength")),
                DefaultValue = Text(field, "defaultValue"),
                Options = [.. values.Select(v => Text(v, "id") ?? "")],
                OptionLabels = OptionLabels(values),
            });
        }

        return fields;
    }

    /// <summary>The fields of Flowable's or Activiti's <c>formProperty</c> elements (<c>writable="false"</c> is read-only).</summary>
    public static List<FormField> ReadProperties(BpmnReadContext context, IReadOnlyList<XElement> properties, string taskId, out bool complete)
    {
        complete = true;
        var fields = new List<FormField>();
        foreach (var property in properties)
        {
            var ns = property.Name.Namespace;
            var type = TypeOf(Text(property, "type") ?? "string");
            var unread = property.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.LocalName is not ("id" or "name" or "type" or "required" or "writable" or "readable" or "default")).ToList();
            if (type is null || unread.Count > 0 || Text(property, "readable") == "false")
            {
                context.Note(property, taskId, BpmnNoteSeverity.Warning, property.Name.LocalName + "/" + (unread.FirstOrDefault()?.Name.LocalName ?? "type"),
                    "form property detail", "form property details", "kept, but not used (the property is read as a plain field)");
                complete = false;
            }

            var values = property.Elements(ns + "value").ToList();
            fields.Add(new FormField
            {
                Name = Text(property, "id") ?? "",
                Label = (string?)property.Attribute("name") ?? "",
                Type = type ?? FormFieldType.Text,
                Required = Text(property, "required") == "true",
                ReadOnly = Text(property, "writable") == "false",
                DefaultValue = Text(property, "default"),
                Options = [.. values.Select(v => Text(v, "id") ?? "")],
                OptionLabels = OptionLabels(values),
            });
        }

        return fields;
    }

    /// <summary>Camunda 7's <c>camunda:formData</c> for <paramref name="fields"/>; null when there are none.</summary>
    public static XElement? CamundaFormData(IReadOnlyList<FormField> fields) =>
        fields.Count == 0 ? null : new XElement(FormData, fields.Select(CamundaField));

    private static XElement CamundaField(FormField field)
    {
        var constraints = new List<XElement>();
        void Constraint(string name, string? config)
        {
            if (config is not null)
            {
                constraints.Add(new XElement(CamundaNs + "constraint", new XAttribute("name", name), config.Length == 0 ? null : new XAttribute("config", config)));
            }
        }

        Constraint("required", field.Required ? "" : null);
        Constraint("readonly", field.ReadOnly ? "" : null);
        Constraint("min", field.Minimum?.ToString(CultureInfo.InvariantCulture));
        Constraint("max", field.Maximum?.ToString(CultureInfo.InvariantCulture));
        Constraint("minlength", field.MinLength?.ToString(CultureInfo.InvariantCulture));
        Constraint("maxlength", field.MaxLength?.ToString(CultureInfo.InvariantCulture));
        return new XElement(CamundaNs + "formField",
            new XAttribute("id", field.Name),
            string.IsNullOrEmpty(field.Label) ? null : new XAttribute("label", field.Label),
            new XAttribute("type", CamundaType(field.Type)),
            field.DefaultValue is null ? null : new XAttribute("defaultValue", field.DefaultValue),
            constraints.Count == 0 ? null : new XElement(CamundaNs + "validation", constraints),
            field.Options.Select(o => new XElement(CamundaNs + "value", new XAttribute("id", o), new XAttribute("name", field.LabelOf(o)))));
    }

    /// <summary>True when both lists say the same fields (by value: records holding lists do not compare by content).</summary>
    public static bool Same(IReadOnlyList<FormField>? first, IReadOnlyList<FormField>? second) =>
        first is not null && second is not null && JsonSerializer.Serialize(first) == JsonSerializer.Serialize(second);

    // Camunda 7's built-in types are string, long, boolean, date and enum; Flowable adds double. A number is written as long.
    private static FormFieldType? TypeOf(string type) => type switch
    {
        "string" => FormFieldType.Text,
        "long" or "double" or "integer" => FormFieldType.Number,
        "boolean" => FormFieldType.Boolean,
        "date" => FormFieldType.Date,
        "enum" => FormFieldType.Choice,
        _ => null,
    };

    private static string CamundaType(FormFieldType type) => type switch
    {
        FormFieldType.Number => "long",
        FormFieldType.Boolean => "boolean",
        FormFieldType.Date => "date",
        FormFieldType.Choice => "enum",
        _ => "string",
    };

    /// <summary>The names of enum values, when any differs from its id (otherwise the values are their own labels).</summary>
    private static string[] OptionLabels(IReadOnlyList<XElement> values)
    {
        var labels = values.Select(v => (string?)v.Attribute("name") ?? Text(v, "id") ?? "").ToArray();
        return labels.SequenceEqual(values.Select(v => Text(v, "id") ?? "")) ? [] : labels;
    }

    /// <summary>False when a range or length constraint is not a plain number (an expression, say): it is kept as written then.</summary>
    private static bool NumbersParse(Dictionary<string, string?> constraints) =>
        (!constraints.TryGetValue("min", out var min) || Number(min) is not null) && (!constraints.TryGetValue("max", out var max) || Number(max) is not null)
        && (!constraints.TryGetValue("minlength", out var least) || Count(least) is not null) && (!constraints.TryGetValue("maxlength", out var most) || Count(most) is not null);

    // Camunda's "required" and "readonly" take no config (or "true"); "false" turns them off.
    private static bool IsOn(Dictionary<string, string?> constraints, string name) =>
        constraints.TryGetValue(name, out var config) && config != "false";

    private static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int? Count(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
