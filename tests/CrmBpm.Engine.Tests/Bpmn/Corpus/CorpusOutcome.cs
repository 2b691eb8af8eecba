namespace CrmBpm.Engine.Tests.Bpmn.Corpus;

/// <summary>What became of one corpus file.</summary>
internal enum CorpusOutcome
{
    /// <summary>Imported; every map validates without a problem and nothing is reported as not running.</summary>
    Clean,

    /// <summary>Imported; warnings only (validation warnings or loss-report warnings): the maps can be published.</summary>
    Warnings,

    /// <summary>Imported, but some map has a validation error: it cannot be published as it is.</summary>
    Errors,

    /// <summary>The importer refused the file (BpmnImportException).</summary>
    Refused,
}

/// <summary>One row of the compatibility table.</summary>
internal sealed record CorpusFileResult(string File, string Source, CorpusOutcome Outcome, int Problems, IReadOnlyList<string> Reasons)
{
    /// <summary>Anything other than an import refusal or a validation problem thrown while reading, validating or exporting.</summary>
    public string? Crash { get; init; }

    /// <summary>How the model read back from the export differs from the one imported; null when it is the same.</summary>
    public string? RoundTripDifference { get; init; }
}
