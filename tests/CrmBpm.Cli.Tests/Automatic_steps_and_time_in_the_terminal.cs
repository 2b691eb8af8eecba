using static CrmBpm.Cli.Tests.Cli;

namespace CrmBpm.Cli.Tests;

/// <summary>
/// A run in the terminal plays the handlers of automatic steps (<c>run</c>) and moves a simulated time on (<c>advance</c>),
/// so a map with service tasks, timer events and boundary timers can be tried without an application behind it.
/// </summary>
public sealed class Automatic_steps_and_time_in_the_terminal
{
    [Fact]
    public async Task An_automatic_step_waits_for_run_and_the_variables_given_decide_the_way_on()
    {
        var file = TempMap("""
              <bpmn:process id="scoring">
                <bpmn:startEvent id="start" />
                <bpmn:serviceTask id="score" name="Ask the credit bureau" crm:handler="credit-bureau" />
                <bpmn:exclusiveGateway id="good" name="Good score?" crm:kind="condition" crm:expression="score &gt; 500" />
                <bpmn:endEvent id="approved" name="Approved" crm:result="Approved" />
                <bpmn:endEvent id="refused" name="Refused" crm:result="Refused" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="score" />
                <bpmn:sequenceFlow id="f2" sourceRef="score" targetRef="good" />
                <bpmn:sequenceFlow id="yes" sourceRef="good" targetRef="approved" crm:branch="yes" />
                <bpmn:sequenceFlow id="no" sourceRef="good" targetRef="refused" crm:branch="no" />
              </bpmn:process>
            """);

        var (code, output) = await RunAsync("tokens\nrun 2 score=700\nrun 1 score=700\n", "run", file);

        code.ShouldBe(0, output);
        output.ShouldContain("scoring: Ask the credit bureau [score, Automatic step] — waiting for its handler 'credit-bureau' (type 'run')");
        output.ShouldContain("There is no automatic step 2; 1 is waiting.");
        output.ShouldContain("Ran 'Ask the credit bureau' with a stand-in for its handler 'credit-bureau'.");
        output.ShouldContain("The process is completed with result 'Approved'.");
    }

    [Fact]
    public async Task A_timer_event_waits_until_the_simulated_time_passes_it()
    {
        var file = TempMap("""
              <bpmn:process id="cooling">
                <bpmn:startEvent id="start" />
                <bpmn:intermediateCatchEvent id="wait" name="Two days to cool off">
                  <bpmn:timerEventDefinition><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:endEvent id="end" name="Done" crm:result="Done" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
                <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
              </bpmn:process>
            """);

        var (code, output) = await RunAsync("advance P1D\nadvance xyz\nadvance PT25H\n", "run", file);

        code.ShouldBe(0, output);
        output.ShouldContain("cooling: Two days to cool off [wait, Wait for time] — waiting until ");
        output.ShouldContain("Usage: advance <ISO 8601 duration>");
        output.IndexOf("The process is completed with result 'Done'.", StringComparison.Ordinal)
            .ShouldBeGreaterThan(output.LastIndexOf("advance <ISO 8601 duration>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_typical_sale_whose_agreement_stalls_goes_to_the_head_of_department_and_can_be_closed_as_lost()
    {
        var script = string.Join('\n',
            "complete 1", "complete 1 needs=\"10 trucks\"", "complete 1 amount=5000", "complete 1 creditApproved=true", "run",
            "advance P6D", "advance P1D", "set department=North", "retry", "complete 1 \"Close as lost\"");

        var (code, output) = await RunAsync(script, "run", Sample("typical-sale.bpmn"), "--var", "dealTitle=ACME");

        code.ShouldBe(0, output);
        output.ShouldContain("Ran 'Offer amount to the deal' with a stand-in for its handler 'crm.set-deal-amount'.");
        output.ShouldContain("incident expression-failed: Addressing object of Action 'Stalled agreement'");
        output.ShouldContain("1. Decide on the stalled deal ACME [stalledAgreement] — role Head of department / North (pool)");
        output.ShouldContain("outcomes: Keep negotiating | Close as lost");
        output.ShouldContain("The process is completed with result 'Lost'.");
    }
}
