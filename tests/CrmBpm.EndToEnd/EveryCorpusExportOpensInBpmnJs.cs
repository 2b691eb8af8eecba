using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Tests.Bpmn.Corpus;
using CrmBpm.EndToEnd.Infrastructure;
using Xunit.Abstractions;

namespace CrmBpm.EndToEnd;

/// <summary>
/// Every file of the shared corpus (../shared/bpmn-corpus beside the repository: files other modelers and people wrote)
/// that the importer reads is exported again, and the export opens in the bpmn-js the designer ships, in chromium:
/// importXML does not throw, reports no warning the original file does not get as well, and draws every shape and flow
/// of the export's diagrams and every point and flow of the maps. A missing corpus fails the test, never skips it.
/// </summary>
[Collection(DesignerCollection.Name)]
public sealed partial class EveryCorpusExportOpensInBpmnJs(DesignerFixture fixture, ITestOutputHelper output)
{
    private static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";

    [Fact]
    public async Task Every_export_opens_without_new_warnings_and_draws_every_shape_and_flow()
    {
        var files = BpmnCorpus.Files();
        var canvas = await BpmnJsPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        var clock = Stopwatch.StartNew();
        var results = new List<ExportInBpmnJs>();
        try
        {
            foreach (var (path, _) in files)
            {
                results.Add(await OpenExportAsync(canvas, path));
            }
        }
        finally
        {
            await canvas.CloseAsync();
        }

        foreach (var result in results.Where(r => r.Note is not null))
        {
            output.WriteLine($"{result.File}: {result.Note}");
        }

        var opened = results.Count(r => !r.Refused);
        var failures = results.SelectMany(r => r.Failures).ToList();
        output.WriteLine(
            $"{files.Count} files, {results.Count(r => r.Refused)} refused by the importer, {opened} exports opened in bpmn-js in {clock.Elapsed.TotalSeconds:0.0} s: " +
            $"{results.Count(r => !r.Refused && r.Note is null)} without a warning; {results.Sum(r => r.WarningsOfTheOriginal)} warnings in " +
            $"{results.Count(r => r.WarningsOfTheOriginal > 0)} files the originals get too; {results.Count(r => r.OriginalDoesNotOpen)} whose original bpmn-js cannot open; " +
            $"{failures.Count} failures.");
        opened.ShouldBeGreaterThan(0);
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures) + Environment.NewLine + canvas.Errors);
    }

    private static async Task<ExportInBpmnJs> OpenExportAsync(BpmnJsPage canvas, string path)
    {
        var file = Path.GetFileName(path);
        IReadOnlyList<RouteMap> maps;
        try
        {
            using var stream = File.OpenRead(path);
            maps = new BpmnImporter().Read(stream).Maps;
        }
        catch (BpmnImportException)
        {
            return new(file) { Refused = true };
        }

        var xml = new BpmnExporter().Export(maps);
        var export = await canvas.ImportAsync(xml);
        var notDrawn = DrawnIn(xml)
            .Concat(maps.SelectMany(m => m.Points.Select(p => p.Id).Concat(m.Flows.Select(f => f.Id))))
            .Where(id => !export.Drawn.Contains(id)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (export.Error is null && export.Warnings.Count == 0 && notDrawn.Count == 0)
        {
            return new(file);
        }

        // What bpmn-js reports for the original as well is the file's, not the export's: a reference it cannot resolve,
        // a shape whose element it does not draw. Only what the export adds fails.
        var originalXml = await File.ReadAllTextAsync(path);
        var original = await canvas.ImportAsync(originalXml);
        var originalWarnings = original.Warnings.Select(Normalised).ToHashSet(StringComparer.Ordinal);
        var originalDrawing = DrawnIn(originalXml);
        var kept = export.Warnings.Where(w => originalWarnings.Contains(Normalised(w))).ToList();
        var note = $"{(export.Error is null ? "" : $"import fails as for the original ({export.Error}); ")}" +
                   $"{(original.Error is null ? "" : $"the original does not open ({original.Error}); ")}" +
                   $"{kept.Count} warnings the original gets too ({string.Join(" | ", kept.Select(OneLine))}); " +
                   $"not drawn, as in the original: {(notDrawn.Count == 0 ? "none" : string.Join(", ", notDrawn))}";

        // Both fail to open: the file itself is not one bpmn-js reads (Camunda Modeler's templates with "{{ ID }}" in ids).
        if (export.Error is not null && original.Error is not null)
        {
            return new(file) { OriginalDoesNotOpen = true, Note = note };
        }

        List<string> failures = [.. export.Warnings.Except(kept).Select(w => $"{file}: new warning: {OneLine(w)}")];
        if (export.Error is not null)
        {
            failures.Add($"{file}: importXML threw: {export.Error}");
        }

        // Not drawn although the original draws it, or drawn only by the export (the original had no shape for it).
        var newlyNotDrawn = notDrawn.Where(id => original.Drawn.Contains(id) || !originalDrawing.Contains(id)).ToList();
        if (newlyNotDrawn.Count > 0)
        {
            failures.Add($"{file}: not drawn: {string.Join(", ", newlyNotDrawn)}");
        }

        return new(file) { Failures = failures, WarningsOfTheOriginal = kept.Count, OriginalDoesNotOpen = original.Error is not null, Note = note };
    }

    /// <summary>The BPMN elements the document's diagrams draw: the bpmnElement of every BPMNShape and BPMNEdge.</summary>
    private static HashSet<string> DrawnIn(string xml) =>
        XDocument.Parse(xml).Descendants().Where(e => e.Name == BpmnDi + "BPMNShape" || e.Name == BpmnDi + "BPMNEdge")
            .Select(e => (string?)e.Attribute("bpmnElement")).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>A warning without the line and column it points at, which differ between the original and the export.</summary>
    private static string Normalised(string warning) => Position().Replace(warning, "").Trim();

    private static string OneLine(string warning) => warning.ReplaceLineEndings(" ").Replace("\t", "", StringComparison.Ordinal);

    [GeneratedRegex(@"\s*(line|column): \d+")]
    private static partial Regex Position();

    /// <summary>What became of one corpus file's export in bpmn-js.</summary>
    private sealed record ExportInBpmnJs(string File)
    {
        public bool Refused { get; init; }

        public bool OriginalDoesNotOpen { get; init; }

        public int WarningsOfTheOriginal { get; init; }

        public IReadOnlyList<string> Failures { get; init; } = [];

        /// <summary>What bpmn-js reported that was acceptable; null when the export opened without a word.</summary>
        public string? Note { get; init; }
    }
}
