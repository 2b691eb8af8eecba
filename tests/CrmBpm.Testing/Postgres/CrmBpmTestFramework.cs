using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;


namespace CrmBpm.Testing.Postgres;

/// <summary>
/// xunit's own framework, with one change at discovery: tests of a class marked <see cref="RequiresPostgresAttribute"/> are
/// reported as skipped when no PostgreSQL server is configured.
/// </summary>
/// <remarks>
/// Why a test framework: the PostgreSQL classes inherit their [Fact]s from the shared scenario suites, so the facts
/// cannot carry a <c>Skip</c> of their own, and xunit 2 has no dynamic skip (Xunit.SkippableFact would need
/// [SkippableFact] on the shared suites). Deciding at discovery also keeps the skip honest: a skipped test shows the
/// reason, and nothing falls back to another database.
/// </remarks>
public sealed class CrmBpmTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            var skipReason = SkipReasonOf(testMethod.TestClass.Class);
            if (skipReason is null || !testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }

            var testCase = new SkippedTestCase(
                DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, skipReason);
            return ReportDiscoveredTestCase(testCase, includeSourceInformation, messageBus);
        }

        private static string? SkipReasonOf(ITypeInfo testClass) =>
            testClass.ToRuntimeType()?.GetCustomAttribute<RequiresPostgresAttribute>() is null ? null : RequiresPostgresAttribute.SkipReason;
    }
}
