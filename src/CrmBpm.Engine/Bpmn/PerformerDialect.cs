using System.Text.RegularExpressions;
using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions.Juel;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Who a user task is for, as other engines write it: Camunda 7, Flowable and Activiti put <c>assignee</c>,
/// <c>candidateUsers</c> and <c>candidateGroups</c> on the task (a literal, a comma-separated list, or a <c>${…}</c>
/// JUEL expression); Camunda 8 writes <c>zeebe:assignmentDefinition</c> (a literal or a <c>=</c> FEEL expression).
/// Reading gives one <see cref="Performer"/>; exporting writes Camunda 7's attributes from it, so Camunda runs our file
/// as we do.
/// </summary>
internal static partial class PerformerDialect
{
    private static readonly XNamespace[] AttributeDialects = [CamundaNs, FlowableNs, ActivitiNs];
    private static readonly string[] PerformerAttributes = ["assignee", "candidateUsers", "candidateGroups"];
    internal static readonly XName ZeebeAssignment = ZeebeNs + "assignmentDefinition";

    /// <summary>True for a performer attribute of another engine (<c>camunda:assignee</c>, <c>flowable:candidateGroups</c>, …).</summary>
    public static bool IsPerformerAttribute(XName name) =>
        AttributeDialects.Contains(name.Namespace) && PerformerAttributes.Contains(name.LocalName);

    /// <summary>
    /// The performer each engine's attributes on the task give (Camunda, Flowable, Activiti, then Zeebe), for those the
    /// task has. Several candidate groups or users, and expressions that cannot run here, are loss-report warnings.
    /// </summary>
    public static IReadOnlyList<Performer?> Read(BpmnReadContext context, XElement task, string taskId)
    {
        var result = AttributeDialects
            .Where(ns => PerformerAttributes.Any(a => task.Attribute(ns + a) is not null))
            .Select(ns => Read(context, task, taskId, task.Attribute(ns + "assignee"), task.Attribute(ns + "candidateUsers"), task.Attribute(ns + "candidateGroups"), JuelValue))
            .ToList();
        if (BpmnChildren(task, "extensionElements").Elements(ZeebeAssignment).FirstOrDefault() is { } zeebe)
        {
            result.Add(Read(context, task, taskId, zeebe.Attribute("assignee"), zeebe.Attribute("candidateUsers"), zeebe.Attribute("candidateGroups"), FeelValue));
        }

        return result;
    }

    private static Performer? Read(BpmnReadContext context, XElement task, string taskId, XAttribute? assignee, XAttribute? candidateUsers,
        XAttribute? candidateGroups, Func<BpmnReadContext, XAttribute, string, DialectValue?> valueOf)
    {
        var performer = new Performer();
        if (assignee is not null && valueOf(context, assignee, taskId) is { } user)
        {
            performer = user.IsExpression ? performer with { UserExpression = user.Text } : performer with { UserId = First(context, assignee, taskId, user.Text, "users") };
        }

        if (candidateGroups is not null && valueOf(context, candidateGroups, taskId) is { } group)
        {
            performer = group.IsExpression ? performer with { RoleExpression = group.Text } : performer with { Role = First(context, candidateGroups, taskId, group.Text, "groups") };
        }

        if (candidateUsers is not null && valueOf(context, candidateUsers, taskId) is { } candidates)
        {
            if (performer.IsSpecified)
            {
                context.Note(candidateUsers, taskId, BpmnNoteSeverity.Warning, Kind(candidateUsers),
                    "list of candidate users beside an assignee or group", "lists of candidate users beside an assignee or group",
                    "kept, but only the assignee or the group's pool gets the task");
            }
            else if (candidates.IsExpression)
            {
                performer = performer with { UserExpression = candidates.Text };
            }
            else
            {
                performer = performer with { UserId = First(context, candidateUsers, taskId, candidates.Text, "users") };
            }
        }

        return performer.IsSpecified ? performer : null;
    }

    /// <summary>The first of a comma-separated list; more than one is a warning, because a CrmBpm task has one addressee.</summary>
    private static string? First(BpmnReadContext context, XAttribute attribute, string taskId, string list, string what)
    {
        var names = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length > 1)
        {
            context.Note(attribute, taskId, BpmnNoteSeverity.Warning, Kind(attribute),
                $"user task with several candidate {what}", $"user tasks with several candidate {what}",
                $"kept, but its tasks go to the first of them ({names[0]}) only");
        }

        return names.FirstOrDefault();
    }

    /// <summary>A Camunda/Flowable value: <c>${…}</c> or <c>#{…}</c> is a JUEL expression, kept as written; anything else a literal.</summary>
    private static DialectValue? JuelValue(BpmnReadContext context, XAttribute attribute, string taskId)
    {
        var text = attribute.Value.Trim();
        return text.Length == 0 ? null : new DialectValue(text, JuelExpressionEvaluator.IsJuel(text));
    }

    /// <summary>
    /// A Zeebe value: <c>=</c> starts a FEEL expression. A variable read (<c>=owner</c>, <c>=deal.manager</c>) is the same in
    /// JavaScript; other FEEL does not run here and is a warning.
    /// </summary>
    private static DialectValue? FeelValue(BpmnReadContext context, XAttribute attribute, string taskId)
    {
        var text = attribute.Value.Trim();
        if (!text.StartsWith('='))
        {
            return text.Length == 0 ? null : new DialectValue(text, false);
        }

        var expression = text[1..].Trim();
        if (VariablePath().IsMatch(expression))
        {
            return new DialectValue(expression, true);
        }

        context.Note(attribute, taskId, BpmnNoteSeverity.Warning, Kind(attribute), "FEEL performer expression", "FEEL performer expressions",
            "kept, but not evaluated (only a variable such as =owner is): the task is addressed as if it were absent");
        return null;
    }

    /// <summary>
    /// Camunda 7's <c>assignee</c> and <c>candidateGroups</c> for <paramref name="performer"/>: the same user or pool, and an
    /// expression as JUEL (a JavaScript expression only when it is a plain variable read, which JUEL reads the same way).
    /// </summary>
    public static IEnumerable<XAttribute> CamundaAttributes(Performer? performer)
    {
        if (performer is null)
        {
            yield break;
        }

        if ((AsJuel(performer.UserExpression) ?? performer.UserId) is { Length: > 0 } assignee)
        {
            yield return new XAttribute(CamundaNs + "assignee", assignee);
        }

        if ((AsJuel(performer.RoleExpression) ?? performer.Role) is { Length: > 0 } group)
        {
            yield return new XAttribute(CamundaNs + "candidateGroups", group);
        }
    }

    /// <summary>
    /// True when <paramref name="read"/> (what another engine's attributes say) and <paramref name="performer"/> (what the
    /// task says, after crm: attributes) address the same people, so the other engine's attributes are still true and are
    /// kept as written. When the task was changed in CrmBpm they are not: they are dropped, and the export writes new ones.
    /// </summary>
    public static bool Agrees(Performer? read, Performer? performer) =>
        read is not null && performer is not null && read with { AddressingObject = performer.AddressingObject } == performer;

    private static string? AsJuel(string? expression) =>
        string.IsNullOrWhiteSpace(expression) ? null
        : JuelExpressionEvaluator.IsJuel(expression) ? expression
        : VariablePath().IsMatch(expression.Trim()) ? "${" + expression.Trim() + "}"
        : null;

    /// <summary>How the loss report groups a note: <c>camunda:candidateGroups</c>, or <c>zeebe:assignmentDefinition</c> for Zeebe's.</summary>
    private static string Kind(XAttribute attribute) =>
        attribute.Name.Namespace == XNamespace.None
            ? "zeebe:" + attribute.Parent!.Name.LocalName + "/" + attribute.Name.LocalName
            : (attribute.Parent!.GetPrefixOfNamespace(attribute.Name.Namespace) ?? "") + ":" + attribute.Name.LocalName;

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$")]
    private static partial Regex VariablePath();

    private sealed record DialectValue(string Text, bool IsExpression);
}
