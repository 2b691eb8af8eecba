using System.Xml;
using System.Xml.Linq;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Expressions.Juel;
using Xunit.Abstractions;

namespace CrmBpm.Engine.Tests.Expressions.Juel;

/// <summary>
/// Every condition (a flow's <c>conditionExpression</c>, a conditional event's <c>condition</c>) of the shared corpus of real BPMN files (../shared/bpmn-corpus/files next to the
/// repository): each one written as JUEL parses, or is refused with a message that says why. The figures are printed
/// beside what the JavaScript reading of the same conditions (the importer's former unwrapping) made of them.
/// </summary>
public sealed class Reading_the_conditions_of_real_files(ITestOutputHelper output)
{
    [Fact]
    public void Every_JUEL_condition_of_the_corpus_parses_or_is_refused_saying_why()
    {
        var conditions = CorpusConditions();
        var juel = conditions.Where(c => JuelExpressionEvaluator.IsJuel(c.Text)).ToList();
        var evaluator = new ExpressionEvaluator(new ExpressionLimits());
        var javaScript = new JintExpressionEvaluator(new ExpressionLimits());
        var (parsed, refused, parsedBefore) = (0, new List<string>(), 0);
        foreach (var (file, text) in juel)
        {
            var error = evaluator.FindSyntaxError(text);
            if (error is null)
            {
                parsed++;
            }
            else
            {
                error.Length.ShouldBeGreaterThan(20, $"{file}: '{text}' is refused without a reason");
                error.ShouldNotContain("Exception", Case.Sensitive, $"{file}: '{text}'");
                refused.Add($"  {text}  ({Path.GetFileName(file)}): {error}");
            }

            // Before: the importer unwrapped ${…} and the inside was checked as JavaScript.
            parsedBefore += javaScript.FindSyntaxError(JintExpressionEvaluator.Normalize(text)) is null ? 1 : 0;
        }

        output.WriteLine($"{conditions.Count} conditions with text in {conditions.Select(c => c.File).Distinct().Count()} files; {juel.Count} written as ${{…}} or #{{…}}.");
        output.WriteLine($"JUEL: {parsed} parse, {refused.Count} are refused. Before (inside checked as JavaScript): {parsedBefore} passed the check, {juel.Count - parsedBefore} refused.");
        foreach (var line in refused)
        {
            output.WriteLine(line);
        }

        juel.Count.ShouldBeGreaterThan(0);
        (parsed + refused.Count).ShouldBe(juel.Count);
    }

    /// <summary>Every non-empty condition of every well-formed corpus file, with its file.</summary>
    private static List<(string File, string Text)> CorpusConditions()
    {
        var folder = CorpusFolder();
        var conditions = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            XDocument document;
            try
            {
                document = XDocument.Load(file);
            }
            catch (XmlException)
            {
                continue; // malformed on purpose; the importer's tests cover those
            }

            conditions.AddRange(document.Descendants()
                .Where(e => e.Name.LocalName is "conditionExpression" or "condition" && !string.IsNullOrWhiteSpace(e.Value))
                .Select(e => (file, e.Value.Trim())));
        }

        return conditions;
    }

    private static string CorpusFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CrmBpm.sln")))
            {
                var folder = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "bpmn-corpus", "files"));
                return Directory.Exists(folder) ? folder : throw new DirectoryNotFoundException($"The corpus of real BPMN files is expected at {folder} (../shared/bpmn-corpus/files next to the repository).");
            }
        }

        throw new InvalidOperationException("CrmBpm.sln not found above the test binaries.");
    }
}
