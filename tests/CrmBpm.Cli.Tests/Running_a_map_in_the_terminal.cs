using static CrmBpm.Cli.Tests.Cli;

namespace CrmBpm.Cli.Tests;

public sealed class Running_a_map_in_the_terminal
{
    [Fact]
    public async Task An_instruction_is_worked_through_from_a_script_and_the_tokens_are_shown_after_each_step()
    {
        var script = "complete 1 report=done\ncomplete 1 Return comment=\"call again\"\ncomplete 1\ncomplete 1 Accept\nvars\nquit\n";

        var (code, output) = await RunAsync(script, "run", Sample("instruction.bpmn"), "--var", "author=anna", "--var", "performer=peter", "--var", "subject=ACME");

        code.ShouldBe(0, output);
        output.ShouldContain("Started 'Instruction' (instruction)");
        output.ShouldContain("1. Execute: ACME [execute] — user peter, requires acceptance (open)");
        output.ShouldContain("Accepted 'Execute: ACME' first (it requires acceptance).");
        output.ShouldContain("instruction: Verify [verify, Action] — waiting");
        output.ShouldContain("outcomes: Accept | Return");
        output.ShouldContain("Completed 'Verify: ACME' with outcome 'Return'.");
        output.ShouldContain("The process is completed with result 'Accepted'.");
        output.ShouldContain("comment = \"call again\"");
        output.ShouldContain("report = \"done\"");
    }

    [Fact]
    public async Task A_stuck_token_shows_its_incident_code_before_the_message()
    {
        // The instruction first asks "author === performer"; without those variables the condition cannot run.
        var (code, output) = await RunAsync("tokens\n", "run", Sample("instruction.bpmn"));

        code.ShouldBe(0, output);
        output.ShouldContain("— incident expression-failed: ");
    }

    [Fact]
    public async Task A_missing_required_start_variable_is_named_and_nothing_runs()
    {
        var file = Path.Combine(Path.GetTempPath(), $"approval-{Guid.NewGuid():N}.bpmn");
        await File.WriteAllTextAsync(file, """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="t">
              <bpmn:process id="approval" name="Approval" isExecutable="true">
                <bpmn:extensionElements><crm:startVariable name="amount" type="number" label="Amount" required="true" /></bpmn:extensionElements>
                <bpmn:startEvent id="start" />
                <bpmn:userTask id="check" name="Check" crm:performerUser="anna" />
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
                <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
              </bpmn:process>
            </bpmn:definitions>
            """);
        try
        {
            var (code, output) = await RunAsync("quit\n", "run", file);

            code.ShouldBe(2, output);
            output.ShouldContain("Route map 'approval' needs the start variable 'Amount' (amount).");
            output.ShouldContain("--var name=value");
            output.ShouldNotContain("Started");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_end_of_input_ends_the_session_cleanly()
    {
        var (code, output) = await RunAsync("", "run", Sample("typical-sale.bpmn"), "--var", "dealTitle=ACME");

        code.ShouldBe(0);
        output.ShouldContain("1. Qualify the deal ACME [qualification] — role Sales manager (pool)");
        output.TrimEnd().ShouldEndWith(">");
    }

    [Fact]
    public async Task Typical_sale_shows_parallel_tokens_and_ends_won()
    {
        var script = string.Join('\n',
            "complete 1", "complete 1 needs=\"10 trucks\"", "tokens", "complete 1 amount=5000", "complete 1 creditApproved=true", "run",
            "complete 1 customerAgrees=true", "complete 1", "complete 1", "history");

        var (code, output) = await RunAsync(script, "run", Sample("typical-sale.bpmn"), "--as", "maria");

        code.ShouldBe(0, output);
        output.ShouldContain("typical-sale: Offer [offer, Action] — waiting");
        output.ShouldContain("typical-sale: Credit check [creditCheck, Action] — waiting");
        output.ShouldContain("fields: amount (number, required)");
        output.ShouldContain("The process is completed with result 'Won'.");
        output.ShouldContain("InstanceCompleted");
    }

    [Fact]
    public async Task A_claim_takes_its_plan_as_a_list_and_an_outcome_with_spaces()
    {
        var script = "complete 1 reason=Broken\ncomplete 1\ncomplete 1\ncomplete 1 \"Not satisfied\"\n";

        var (code, output) = await RunAsync(script, "run", Sample("claim-handling.bpmn"), "--var", "planItems=[\"Inspect\",\"Interview\"]");

        code.ShouldBe(0, output);
        output.ShouldContain("1. Plan item: Inspect [investigation]");
        output.ShouldContain("2. Plan item: Interview [investigation]");
        output.ShouldContain("The process is completed with result 'Not satisfied'.");
    }

    [Fact]
    public async Task A_nested_map_runs_inside_its_parent_and_its_tasks_are_listed()
    {
        var script = "complete 1 companyName=ACME taxId=DE1\ntokens\ncomplete 1 passed=true\ncomplete 1\n";

        var (code, output) = await RunAsync(script, "run", Sample("customer-onboarding.bpmn"));

        code.ShouldBe(0, output);
        output.ShouldContain("customer-onboarding: Know-your-customer check [kyc, Nested process]");
        output.ShouldContain("  kyc-check: Check documents [checkDocuments, Action] — waiting");
        output.ShouldContain("1. Check documents of ACME [checkDocuments] — role Compliance officer (pool)");
        output.ShouldContain("The process is completed with result 'Onboarded'.");
    }

    [Fact]
    public async Task Mistakes_are_explained_and_the_session_goes_on()
    {
        var script = "complete 7\ncomplete 1 Maybe\nfly\ncomplete\nquit\n";

        var (code, output) = await RunAsync(script, "run", Sample("claim-handling.bpmn"));

        code.ShouldBe(0);
        output.ShouldContain("There is no task 7");
        output.ShouldContain("Error: ");
        output.ShouldContain("Unknown command 'fly'");
        output.ShouldContain("Usage: complete <n>");
    }

    [Fact]
    public async Task A_map_with_problems_is_not_started()
    {
        var file = TempMap("""
              <bpmn:process id="p">
                <bpmn:startEvent id="start" />
                <bpmn:userTask id="task" name="Call" crm:performerRole="Sales manager" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
              </bpmn:process>
            """);

        var (code, output) = await RunAsync("", "run", file);

        code.ShouldBe(1);
        output.ShouldContain("The maps have problems");
        output.ShouldNotContain("Started");
    }

    [Fact]
    public async Task A_plain_bpmn_io_file_without_performers_runs_with_a_warning_and_its_task_is_shown_unassigned()
    {
        var (code, output) = await RunAsync("complete 1 inStock=true\ntokens\nquit\n", "run", Fixture("bpmnio-plain.bpmn"));

        code.ShouldBe(0, output);
        output.ShouldContain("warning: [Activity_0x1] Action 'Check order' has no performer");
        output.ShouldContain("1. Check order [Activity_0x1] — unassigned");
        output.ShouldContain("The process is completed");
    }

    [Fact]
    public async Task Another_map_of_the_file_can_be_chosen_and_an_unknown_one_is_a_usage_error()
    {
        (await RunAsync("", "run", Sample("customer-onboarding.bpmn"), "--map", "kyc-check")).Output.ShouldContain("Started 'Know-your-customer check' (kyc-check)");
        (await RunAsync("", "run", Sample("customer-onboarding.bpmn"), "--map", "nope")).ExitCode.ShouldBe(2);
    }
}
