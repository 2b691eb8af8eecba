namespace CrmBpm.Engine.Tests.Bpmn.Corpus;

/// <summary>The tests that write generated sections of docs/bpmn-compatibility.md run one after another, never both at once.</summary>
[CollectionDefinition(Name)]
public sealed class CompatibilityDocument
{
    public const string Name = "docs/bpmn-compatibility.md";
}
