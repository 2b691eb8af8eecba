namespace CrmBpm.Server.Reports;

/// <summary>One bar of a report chart: a label, how many records, and the money they carry (zero where money means nothing).</summary>
public sealed record ReportBar(string Label, int Count, decimal Amount);
