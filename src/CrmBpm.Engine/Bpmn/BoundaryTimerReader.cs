using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnReadContext;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Reads a <c>boundaryEvent</c> whose one event definition is a plain <c>timerEventDefinition</c> (see
/// <see cref="TimerEventReader.IsPlain"/>) into a <see cref="BoundaryTimerPoint"/>: <c>attachedToRef</c> and
/// <c>cancelActivity</c> (true when absent, as BPMN says). Whether the activity can carry it is validation's to say, so a
/// file with a timer on a sub-process still opens and is drawn. Other boundary events stay kept.
/// </summary>
internal sealed class BoundaryTimerReader(BpmnReadContext context, XElement element)
{
    public static bool Applies(XElement element) =>
        IsBpmn(element, "boundaryEvent")
        && element.Elements().Where(TimerEventReader.IsEventDefinition).ToList() is [var definition]
        && IsBpmn(definition, "timerEventDefinition")
        && TimerEventReader.IsPlain(definition);

    public BoundaryTimerPoint? Read()
    {
        var id = Id(element);
        if (id is null)
        {
            context.Problem(element, null, $"{Describe(element)} has no id.");
            return null;
        }

        var definition = BpmnChildren(element, "timerEventDefinition").Single();
        var attributes = context.ForeignAttributes(element, id, n => n == "id" || n == "name" || n == "attachedToRef" || n == "cancelActivity" || n == ActionReader.WorkingTime);
        var extensions = context.ForeignExtensionElements(element, id, _ => false);
        var kept = context.KeptChildren(element, id, c => !IsBpmn(c, "documentation") && !IsBpmn(c, "extensionElements") && !IsBpmn(c, "incoming") && !IsBpmn(c, "outgoing") && c != definition);
        var interrupting = context.Bool(element, "cancelActivity", id) ?? true;
        context.Note(element, id, BpmnNoteSeverity.Info, interrupting ? "timer:boundaryEvent" : "timer:boundaryEvent:non-interrupting",
            interrupting ? "boundary timer (boundaryEvent)" : "non-interrupting boundary timer (boundaryEvent)",
            interrupting ? "boundary timers (boundaryEvent)" : "non-interrupting boundary timers (boundaryEvent)",
            interrupting ? "cancels its activity when it fires and takes its own flow" : "takes its own flow when it fires; the activity goes on");
        return new BoundaryTimerPoint
        {
            Id = id,
            Name = (string?)element.Attribute("name") ?? "",
            AttachedToId = Text(element, "attachedToRef") ?? "",
            CancelsActivity = interrupting,
            Timer = TimerEventReader.InWorkingTime(context, element, id, TimerEventReader.ReadDefinition(definition)),
            Foreign = Foreign(attributes, extensions, Documentation(element), kept),
        };
    }
}
