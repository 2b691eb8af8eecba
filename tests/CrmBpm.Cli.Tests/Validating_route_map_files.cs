using static CrmBpm.Cli.Tests.Cli;

namespace CrmBpm.Cli.Tests;

public sealed class Validating_route_map_files
{
    [Fact]
    public async Task The_standard_maps_are_all_valid_and_the_exit_code_is_zero()
    {
        var (code, output) = await RunAsync("", "validate", Sample("typical-sale.bpmn"), Sample("instruction.bpmn"), Sample("claim-handling.bpmn"), Sample("customer-onboarding.bpmn"));

        code.ShouldBe(0, output);
        output.ShouldContain("4 file(s), 5 map(s): all valid.");
    }

    [Fact]
    public async Task Each_validation_problem_is_printed_with_file_line_point_and_message_and_the_exit_code_is_one()
    {
        var file = TempMap("""
              <bpmn:process id="p">
                <bpmn:startEvent id="start" />
                <bpmn:userTask id="task" name="Call" />
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
              </bpmn:process>
            """);

        var (code, output) = await RunAsync("", "validate", file);

        code.ShouldBe(1);
        output.ShouldContain($"{file}(5): warning: [task] Action 'Call' has no performer"); // a warning beside the errors
        output.ShouldContain($"{file}(6): [end]");
        output.ShouldContain("1 file(s), 1 map(s): ");
    }

    [Fact]
    public async Task Elements_that_do_not_run_yet_are_errors_with_their_line_and_the_loss_report_counts_them()
    {
        var file = Fixture("unsupported.bpmn");

        var (code, output) = await RunAsync("", "validate", file);

        code.ShouldBe(1);
        output.ShouldContain($"{file}(5): [Activity_send] A service task (serviceTask) 'Send invoice' names no handler to call");
        output.ShouldContain($"{file}(11): [Activity_sub] A transaction (transaction) 'Activity_sub' does not run yet");
        output.ShouldContain($"{file}(5): warning: 1 service task (serviceTask) will not run yet, so the map cannot be published: line 5");
    }

    [Fact]
    public async Task The_loss_report_is_one_counted_line_per_kind_not_one_per_element()
    {
        var listener = """<camunda:taskListener xmlns:camunda="http://camunda.org/schema/1.0/bpmn" event="create" class="x.Y" />""";
        var file = TempMap($"""
              <bpmn:process id="p">
                <bpmn:startEvent id="s" />
                <bpmn:userTask id="a" crm:performerRole="Sales"><bpmn:extensionElements>{listener}</bpmn:extensionElements></bpmn:userTask>
                <bpmn:userTask id="b" crm:performerRole="Sales"><bpmn:extensionElements>{listener}</bpmn:extensionElements></bpmn:userTask>
                <bpmn:userTask id="c" crm:performerRole="Sales"><bpmn:extensionElements>{listener}</bpmn:extensionElements></bpmn:userTask>
                <bpmn:endEvent id="e" />
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="a" />
                <bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="b" />
                <bpmn:sequenceFlow id="f3" sourceRef="b" targetRef="c" />
                <bpmn:sequenceFlow id="f4" sourceRef="c" targetRef="e" />
              </bpmn:process>
            """);

        var (code, output) = await RunAsync("", "validate", file);

        code.ShouldBe(0, output);
        output.ShouldContain($"{file}(5): warning: 3 task listeners (camunda:taskListener) kept, but will not run: lines 5, 6, 7");
        output.Split('\n').Count(l => l.Contains("taskListener", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Maps_in_different_files_resolve_each_others_nested_processes()
    {
        var parent = TempMap("""
              <bpmn:process id="parent">
                <bpmn:startEvent id="s" />
                <bpmn:callActivity id="call" calledElement="child" />
                <bpmn:endEvent id="e" />
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="call" />
                <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="e" />
              </bpmn:process>
            """);
        var child = TempMap("""
              <bpmn:process id="child">
                <bpmn:startEvent id="s" />
                <bpmn:endEvent id="e" />
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="e" />
              </bpmn:process>
            """);

        (await RunAsync("", "validate", parent, child)).ExitCode.ShouldBe(0);

        var (code, output) = await RunAsync("", "validate", parent);
        code.ShouldBe(1);
        output.ShouldContain($"{parent}(5): [call] Nested process 'call' runs 'child', but no published route map has that key.");
    }

    [Fact]
    public async Task Broken_xml_is_reported_with_its_line()
    {
        var file = Path.Combine(Path.GetTempPath(), $"crmbpm-{Guid.NewGuid():N}.bpmn");
        await File.WriteAllTextAsync(file, "<definitions>\n<process id=\"p\">\n</definitions>");

        var (code, output) = await RunAsync("", "validate", file);

        code.ShouldBe(1);
        output.ShouldContain($"{file}(3): The file is not well-formed XML");
    }

    [Theory]
    [InlineData("")]
    [InlineData("validate")]
    [InlineData("validate /no/such/file.bpmn")]
    [InlineData("frobnicate")]
    [InlineData("run")]
    [InlineData("run /no/such/file.bpmn")]
    public async Task Usage_errors_exit_with_two(string commandLine)
    {
        (await RunAsync("", commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Help_explains_the_commands()
    {
        var (code, output) = await RunAsync("", "help");

        code.ShouldBe(0);
        output.ShouldContain("crmbpm validate <file.bpmn>...");
        output.ShouldContain("crmbpm run <file.bpmn>...");
    }

    [Fact]
    public async Task A_file_nested_a_hundred_thousand_levels_deep_is_a_problem_with_its_line_not_a_crash()
    {
        var deep = new System.Text.StringBuilder();
        deep.Insert(0, "<x:a>", 100_000).Insert(deep.Length, "</x:a>", 100_000);
        var file = TempMap($"""
              <bpmn:process id="p" xmlns:x="urn:x">
                <bpmn:startEvent id="start"><bpmn:extensionElements>
            {deep}
                </bpmn:extensionElements></bpmn:startEvent>
              </bpmn:process>
            """);

        var (code, output) = await RunAsync("", "validate", file);

        code.ShouldBe(1);
        output.ShouldContain($"{file}(5): The XML is nested deeper than 64 levels at line 5");
    }

    [Fact]
    public async Task A_chain_of_ten_thousand_maps_each_nesting_the_next_is_read_without_recursion()
    {
        var processes = string.Concat(Enumerable.Range(0, 10_000).Select(i => i == 9_999
            ? $"""<bpmn:process id="m{i}"><bpmn:startEvent id="s{i}" /><bpmn:endEvent id="e{i}" /><bpmn:sequenceFlow id="f{i}" sourceRef="s{i}" targetRef="e{i}" /></bpmn:process>"""
            : $"""<bpmn:process id="m{i}"><bpmn:startEvent id="s{i}" /><bpmn:callActivity id="c{i}" calledElement="m{i + 1}" /><bpmn:endEvent id="e{i}" /><bpmn:sequenceFlow id="f{i}" sourceRef="s{i}" targetRef="c{i}" /><bpmn:sequenceFlow id="g{i}" sourceRef="c{i}" targetRef="e{i}" /></bpmn:process>"""));
        var file = TempMap(processes);

        var (code, output) = await RunAsync("", "validate", file);

        code.ShouldBe(1);
        // Ids are unique in a file (BPMN says so, and the importer refuses a file that repeats one across processes).
        output.ShouldContain("[c0] Nested process 'c0' runs 'm1' and the maps it nests go deeper than 16 levels");
    }
}
