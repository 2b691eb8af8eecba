using System.Globalization;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Components.Pages.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Tasks;

/// <summary>
/// The completion form of the task card: the Action's form fields as inputs by type, checked (required, type, options)
/// with a message at each field, one button per outcome or a plain Complete, and the engine's refusals shown in place.
/// </summary>
public sealed class CompletingATaskForm : BunitContext
{
    private static readonly FormField Amount = new() { Name = "amount", Label = "Offer amount", Type = FormFieldType.Number, Required = true };
    private static readonly FormField Approved = new() { Name = "approved", Label = "Credit approved", Type = FormFieldType.Boolean, Required = true };
    private static readonly FormField Delivery = new() { Name = "delivery", Label = "Delivery date", Type = FormFieldType.Date };
    private static readonly FormField Channel = new() { Name = "channel", Label = "Channel", Type = FormFieldType.Choice, Options = ["Phone", "E-mail"], Required = true };
    private static readonly FormField Notes = new() { Name = "notes", Type = FormFieldType.Text };

    private readonly List<TaskCompletion> _sent = [];

    public CompletingATaskForm() => Services.AddLocalization();

    [Fact]
    public void Renders_each_field_as_an_input_of_its_type_with_its_label()
    {
        var form = Render(TaskWith([], Amount, Approved, Delivery, Channel, Notes));

        form.Find("#field-amount").GetAttribute("type").ShouldBe("number");
        form.Find("label[for=field-amount]").TextContent.ShouldContain("Offer amount");
        form.FindAll("input[name=field-approved][type=radio]").Select(r => r.GetAttribute("value")).ShouldBe(["true", "false"]);
        form.Find("#field-delivery").GetAttribute("type").ShouldBe("date");
        form.FindAll("#field-channel option").Select(o => o.TextContent).ShouldBe(["— choose —", "Phone", "E-mail"]);
        form.Find("#field-notes").TagName.ShouldBe("TEXTAREA");
        form.Find("label[for=field-notes]").TextContent.ShouldBe("notes", "a field without a label shows its name");
    }

    [Fact]
    public void Refuses_empty_required_fields_with_a_message_at_each_and_sends_nothing()
    {
        var form = Render(TaskWith([], Amount, Approved, Delivery, Channel));

        form.Find("button[type=submit]").Click();

        _sent.ShouldBeEmpty();
        form.Find("#field-amount-problem").TextContent.ShouldBe("“Offer amount” is required.");
        form.Find("#field-approved-problem").TextContent.ShouldBe("“Credit approved” is required.");
        form.Find("#field-channel-problem").TextContent.ShouldBe("“Channel” is required.");
        form.FindAll("#field-delivery-problem").ShouldBeEmpty("an optional field may stay empty");
        form.Find("#field-amount").GetAttribute("aria-invalid").ShouldBe("true");
        form.Find("#field-amount").GetAttribute("aria-describedby").ShouldBe("field-amount-problem");
    }

    [Fact]
    public void A_number_field_refuses_what_is_not_a_number_and_the_message_goes_once_it_is_corrected()
    {
        var form = Render(TaskWith([], Amount));

        form.Find("#field-amount").Input("12 thousand");
        form.Find("button[type=submit]").Click();
        form.Find("#field-amount-problem").TextContent.ShouldBe("“Offer amount” must be a number.");

        form.Find("#field-amount").Input("12000");
        form.FindAll("#field-amount-problem").ShouldBeEmpty();
    }

    [Fact]
    public void Offers_one_button_per_outcome_which_sends_it_with_the_values_typed_as_the_engine_stores_them()
    {
        var form = Render(TaskWith(["Agreed", "Refused"], Amount, Approved, Delivery, Channel, Notes));
        form.FindAll("button[type=submit]").ShouldBeEmpty("with outcomes there is no plain Complete");
        form.FindAll(".outcomes button").Select(b => b.TextContent).ShouldBe(["Agreed", "Refused"]);

        form.Find("#field-amount").Input("12500.50");
        form.Find("#field-approved-yes").Change("true");
        form.Find("#field-delivery").Input("2026-12-31");
        form.Find("#field-channel").Change("E-mail");
        form.FindAll(".outcomes button")[0].Click();

        var sent = _sent.ShouldHaveSingleItem();
        sent.Outcome.ShouldBe("Agreed");
        sent.Variables!["amount"].ShouldBe(12500.50m);
        sent.Variables["approved"].ShouldBe(true);
        sent.Variables["delivery"].ShouldBe("2026-12-31");
        sent.Variables["channel"].ShouldBe("E-mail");
        sent.Variables.ContainsKey("notes").ShouldBeFalse("an empty optional field is left out");
    }

    [Fact]
    public void Without_outcomes_a_plain_complete_sends_no_outcome()
    {
        var form = Render(TaskWith([]));

        form.Find("button[type=submit]").TextContent.ShouldBe("Complete");
        form.Find("form").Submit();

        _sent.ShouldHaveSingleItem().Outcome.ShouldBeNull();
    }

    [Fact]
    public void Shows_what_the_engine_refused_at_the_field_and_at_the_outcome()
    {
        var form = Render(TaskWith(["Yes", "No"], Amount), [
            new InputProblem("amount", "'Offer amount' must be a number."),
            new InputProblem("outcome", "Choose an outcome: Yes, No."),
            new InputProblem("elsewhere", "Something else the engine said."),
        ]);

        form.Find("#field-amount-problem").TextContent.ShouldBe("'Offer amount' must be a number.");
        form.Find("#outcome-problem").TextContent.ShouldBe("Choose an outcome: Yes, No.");
        form.Markup.ShouldContain("Something else the engine said.");
    }

    [Fact]
    public void Checks_choices_against_their_options_and_keeps_a_yes_no_answer_of_no()
    {
        var taskForm = new TaskForm([Channel, Approved]);
        taskForm["channel"] = "Fax";
        taskForm["approved"] = "false";

        taskForm.Check(out var values).ShouldBe(new Dictionary<string, FieldProblemKind> { ["channel"] = FieldProblemKind.NotAnOption });
        values["approved"].ShouldBe(false);
    }

    [Fact]
    public void Speaks_russian()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");
        try
        {
            var form = Render(TaskWith(["Да"], Amount, Approved));
            form.Find(".outcomes button").Click();

            form.Find("#field-amount-problem").TextContent.ShouldBe("Заполните поле «Offer amount».");
            form.Find("#field-approved-problem").TextContent.ShouldBe("Заполните поле «Credit approved».");
            form.Markup.ShouldContain("Выполнить с результатом:");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Starts_from_the_defaults_shows_option_names_and_limits_and_never_sends_a_read_only_field()
    {
        var delivery = new FormField
        {
            Name = "delivery", Label = "Delivery", Type = FormFieldType.Choice, Options = ["pickup", "courier"],
            OptionLabels = ["Pickup at the store", "Courier"], DefaultValue = "pickup",
        };
        var amount = new FormField { Name = "amount", Label = "Amount", Type = FormFieldType.Number, DefaultValue = "100", Minimum = 10, Maximum = 5000.5m };
        var note = new FormField { Name = "note", Type = FormFieldType.Text, MaxLength = 40 };
        var customer = new FormField { Name = "customer", Label = "Customer", Type = FormFieldType.Choice, Options = ["acme"], OptionLabels = ["Acme Ltd"], DefaultValue = "acme", ReadOnly = true };
        var form = Render(TaskWith([], delivery, amount, note, customer));

        form.FindAll("#field-delivery option").Select(o => o.TextContent).ShouldBe(["— choose —", "Pickup at the store", "Courier"]);
        form.Find("#field-amount").GetAttribute("value").ShouldBe("100");
        form.Find("#field-amount").GetAttribute("min").ShouldBe("10");
        form.Find("#field-amount").GetAttribute("max").ShouldBe("5000.5");
        form.Find("#field-note").GetAttribute("maxlength").ShouldBe("40");
        form.Find("[data-testid=read-only-field]").TextContent.ShouldBe("Acme Ltd");
        form.FindAll("#field-customer[name], select#field-customer, textarea#field-customer").ShouldBeEmpty("a read-only field has no input");

        form.Find("button[type=submit]").Click();

        var sent = _sent.ShouldHaveSingleItem().Variables.ShouldNotBeNull();
        sent.Keys.Order().ShouldBe(["amount", "delivery"]);
        sent["delivery"].ShouldBe("pickup");
        sent["amount"].ShouldBe(100m);
    }

    private IRenderedComponent<TaskCompletionForm> Render(WorkTask task, IReadOnlyList<InputProblem>? engineProblems = null) =>
        Render<TaskCompletionForm>(p => p
            .Add(f => f.Task, task)
            .Add(f => f.EngineProblems, engineProblems ?? [])
            .Add(f => f.OnComplete, EventCallback.Factory.Create<TaskCompletion>(this, _sent.Add)));

    private static WorkTask TaskWith(IReadOnlyList<string> outcomes, params FormField[] fields) => new()
    {
        InstanceId = Guid.NewGuid(), RootInstanceId = Guid.NewGuid(), MapKey = "typical-sale", MapVersion = 1, PointId = "offer",
        TokenId = Guid.NewGuid(), Title = "Offer", CreatedAt = DateTimeOffset.UnixEpoch, Outcomes = outcomes, FormFields = fields,
    };
}
