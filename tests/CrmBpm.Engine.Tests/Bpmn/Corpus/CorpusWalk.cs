using System.Text.RegularExpressions;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;

namespace CrmBpm.Engine.Tests.Bpmn.Corpus;

/// <summary>Imports, validates, exports and re-imports one file, and says what became of it.</summary>
internal static partial class CorpusWalk
{
    public static CorpusFileResult Walk(string path, string source)
    {
        var file = Path.GetFileName(path);
        BpmnImportResult result;
        try
        {
            using var stream = File.OpenRead(path);
            result = new BpmnImporter().Read(stream);
        }
        catch (BpmnImportException refused)
        {
            return new(file, source, CorpusOutcome.Refused, refused.Problems.Count, [.. refused.Problems.Select(p => ReasonOf(p.Message))]);
        }
        catch (Exception crash) when (crash is not OutOfMemoryException)
        {
            return new(file, source, CorpusOutcome.Refused, 1, ["crash"]) { Crash = $"import: {crash.GetType().Name}: {crash.Message}" };
        }

        try
        {
            var byKey = result.Maps.ToDictionary(m => m.Key, StringComparer.Ordinal);
            // The engine's evaluator, as publishing uses: JUEL (${…}) and FEEL (=…) conditions are read in their own language.
            var context = new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), byKey.GetValueOrDefault);
            var problems = result.Maps.SelectMany(m => new RouteMapValidator().Validate(m, context)).ToList();
            var warningNotes = result.Notes.Where(n => n.Severity == BpmnNoteSeverity.Warning).ToList();
            var outcome = problems.Any(p => p.IsError) ? CorpusOutcome.Errors
                : problems.Count > 0 || warningNotes.Count > 0 ? CorpusOutcome.Warnings
                : CorpusOutcome.Clean;
            List<string> reasons = [.. problems.Select(p => p.Code), .. result.Notes.Select(n => n.Kind)];
            return new(file, source, outcome, problems.Count + warningNotes.Count, reasons) { RoundTripDifference = RoundTrip(result.Maps) };
        }
        catch (Exception crash) when (crash is not OutOfMemoryException)
        {
            return new(file, source, CorpusOutcome.Errors, 1, ["crash"]) { Crash = $"validate/export: {crash.GetType().Name}: {crash.Message}" };
        }
    }

    /// <summary>Exports every map of the file together, reads them back and names the first difference in meaning, drawing or kept content.</summary>
    private static string? RoundTrip(IReadOnlyList<RouteMap> maps)
    {
        var xml = new BpmnExporter().Export(maps);
        IReadOnlyList<RouteMap> again;
        try
        {
            again = new BpmnImporter().ImportXml(xml);
        }
        catch (BpmnImportException refused)
        {
            return "the export is refused: " + refused.Problems[0];
        }

        if (again.Count != maps.Count)
        {
            return $"{maps.Count} maps exported, {again.Count} read back";
        }

        for (var i = 0; i < maps.Count; i++)
        {
            var expected = maps[i].Diagram is null ? maps[i] with { Diagram = AutoLayout.Create(maps[i]) } : maps[i];
            if (MapComparison.FirstDifference(expected, again[i]) is { } meaning)
            {
                return meaning;
            }

            if (MapComparison.DrawingLost(expected, again[i]) is { } drawing)
            {
                return drawing;
            }

            var expectedLines = BpmnTestFiles.Semantics(expected).Split('\n');
            var actualLines = BpmnTestFiles.Semantics(again[i]).Split('\n');
            var at = expectedLines.Zip(actualLines).TakeWhile(pair => pair.First == pair.Second).Count();
            if (at < Math.Max(expectedLines.Length, actualLines.Length))
            {
                return $"map {maps[i].Key}: kept content or drawing differs at line {at + 1} of its JSON: expected {expectedLines.ElementAtOrDefault(at)?.Trim()} but read back {actualLines.ElementAtOrDefault(at)?.Trim()}";
            }
        }

        return null;
    }

    /// <summary>A short reason for a refusal: the element kind named, without ids and lines, so that files can be counted by reason.</summary>
    public static string ReasonOf(string message)
    {
        if (ContainsElement().Match(message) is { Success: true } contained)
        {
            return contained.Groups[1].Value;
        }

        if (NotSupported().Match(message) is { Success: true } element)
        {
            return element.Groups[1].Value;
        }

        var text = Quoted().Replace(Lines().Replace(message, ""), "'…'");
        return text.Length <= 70 ? text : text[..70] + "…";
    }

    [GeneratedRegex(@"contains <([\w:]+)>")]
    private static partial Regex ContainsElement();

    [GeneratedRegex(@"^<([\w:]+)>[^.]*? is not (supported|a BPMN element)")]
    private static partial Regex NotSupported();

    [GeneratedRegex(@"'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@" ?\(line \d+\)")]
    private static partial Regex Lines();
}
