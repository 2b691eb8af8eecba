using System.Globalization;
using CrmBpm.Designer.Model;
using CrmBpm.Designer.PropertiesPanel;
using static CrmBpm.Designer.Localization.DesignerText;

namespace CrmBpm.Designer.Validation;

/// <summary>
/// Says a problem the way a consultant reads the map: every point or flow the engine names by its id (<c>'Gateway_0z8hxle'</c>,
/// the engine's <c>DisplayName</c> of an unnamed point) is named by its name, or described by where it stands — "the unnamed
/// condition after 'Qualification'", "the flow from 'Offer' to 'Big deal?'". The engine's own sentence stays otherwise as it is.
/// </summary>
public static class ProblemWording
{
    /// <summary>The problems with ids replaced by names or descriptions; <paramref name="document"/> is the XML they were found in.</summary>
    public static IReadOnlyList<DesignerProblem> ForConsultant(IReadOnlyList<DesignerProblem> problems, DesignerDocument document)
    {
        var elements = document.Elements.ToList();
        return [.. problems.Select(p => p with { Message = Reword(p.Message, elements) })];
    }

    /// <summary>One problem sentence of <paramref name="document"/> (e.g. a host's list of why publishing was refused) with ids replaced likewise.</summary>
    public static string ForConsultant(string message, DesignerDocument document) => Reword(message, [.. document.Elements]);

    /// <summary>How an element is named in a sentence: 'Its name', or where it stands when it has none.</summary>
    public static string Describe(DesignerElement element)
    {
        if (!string.IsNullOrWhiteSpace(element.Name))
        {
            return L("problem.named", element.Name.Trim());
        }

        if (element.Kind == PointKind.Flow)
        {
            return element.Source is { } source && element.Target is { } target
                ? L("problem.flow-between", Short(source), Short(target))
                : L("problem.flow");
        }

        var kind = PropertiesPanel.PropertiesPanel.KindLabel(element.Kind).ToLower(CultureInfo.CurrentUICulture);
        var before = element.Incoming.Select(f => f.Source).FirstOrDefault(s => s is not null)
            ?? element.AttachedTo;
        return before is null
            ? L("problem.unnamed", kind)
            : L(element.AttachedTo is not null ? "problem.unnamed-on" : "problem.unnamed-after", kind, Short(before));
    }

    /// <summary>A point named inside a description: 'Its name', else its kind ("the start").</summary>
    private static string Short(DesignerElement element) =>
        string.IsNullOrWhiteSpace(element.Name)
            ? L("problem.the-kind", PropertiesPanel.PropertiesPanel.KindLabel(element.Kind).ToLower(CultureInfo.CurrentUICulture))
            : L("problem.named", element.Name.Trim());

    private static string Reword(string message, IReadOnlyList<DesignerElement> elements)
    {
        foreach (var element in elements.Where(e => message.Contains($"'{e.Id}'", StringComparison.Ordinal) && e.Name.Trim() != e.Id))
        {
            // "Condition 'Gateway_0z8hxle' has…": the kind is said by the description, so the engine's kind word before the id goes too.
            var quoted = $"'{element.Id}'";
            var index = message.IndexOf(quoted, StringComparison.Ordinal);
            while (index >= 0)
            {
                var start = index;
                var kindWords = string.IsNullOrWhiteSpace(element.Name) ? EngineKindWords(message, index) : 0;
                start -= kindWords;
                var description = Describe(element);
                var atSentenceStart = start == 0 || message[..start].TrimEnd().EndsWith('.');
                if (atSentenceStart && description.Length > 0)
                {
                    description = char.ToUpper(description[0], CultureInfo.CurrentUICulture) + description[1..];
                }

                message = message[..start] + description + message[(index + quoted.Length)..];
                index = message.IndexOf(quoted, start + description.Length, StringComparison.Ordinal);
            }
        }

        return message;
    }

    /// <summary>The engine's kind words right before an id ("Condition ", "Wait for time "), so they are not said twice; 0 when none.</summary>
    private static int EngineKindWords(string message, int index)
    {
        foreach (var kind in EngineKinds)
        {
            var candidate = kind + " ";
            if (index >= candidate.Length && string.Compare(message, index - candidate.Length, candidate, 0, candidate.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (index == candidate.Length || !char.IsLetter(message[index - candidate.Length - 1])))
            {
                return candidate.Length;
            }
        }

        return 0;
    }

    /// <summary>The engine's point kind names (its <c>KindName</c>s), longest first.</summary>
    private static readonly string[] EngineKinds =
    [
        .. new[]
        {
            "Wait for first event", "Event sub-process", "Escalation boundary", "Go to link", "Escalate", "Link", "Inclusive gateway", "Boundary message", "Boundary signal", "Boundary timer",
            "Wait for message", "Wait for signal", "Nested process", "Automatic step", "Error boundary", "Wait for time", "Send signal",
            "Pass-through", "Sub-process", "Condition", "Action", "Choice", "Script", "Split", "Merge", "Start", "End", "Flow", "Point",
        }.OrderByDescending(k => k.Length),
    ];
}
