using Xunit.Abstractions;
using Xunit.Sdk;

namespace CrmBpm.Testing.Postgres;

/// <summary>A fact that is reported as skipped with a reason decided at discovery (see <see cref="CrmBpmTestFramework"/>).</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _skipReason = "";

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod, string skipReason)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod) => _skipReason = skipReason;

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _skipReason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue(nameof(_skipReason), _skipReason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _skipReason = data.GetValue<string>(nameof(_skipReason));
        base.Deserialize(data);
    }
}
