namespace CrmBpm.Engine.Bpmn;

/// <summary>What to do instead, for BPMN elements a route map cannot contain.</summary>
internal static class Hints
{
    public static string For(string localName) => localName switch
    {
        "serviceTask" or "scriptTask" or "businessRuleTask" or "sendTask" or "receiveTask" =>
            ": route maps have no automated steps yet — model the work as a user task, or leave it to the host application",
        "subProcess" => ": a sub-process runs unless it loops; for one run per item, put the inner steps in a separate process and call it with a call activity (Nested process)",
        "transaction" or "adHocSubProcess" => ": put the inner steps in a sub-process, or in a separate process called with a call activity (Nested process)",
        "complexGateway" => ": use an inclusive, exclusive (Choice) or parallel gateway (Split / Merge)",
        "eventBasedGateway" => ": route maps do not wait for events; use an exclusive gateway",
        "boundaryEvent" => ": a boundary timer (a timerEventDefinition) runs on a user task or call activity; a task's own deadline and reminder are crm:deadline and crm:reminderBefore",
        "intermediateCatchEvent" => ": route maps run intermediate timer catch events (a timerEventDefinition with a duration, date or expression)",
        "intermediateThrowEvent" => ": route maps have no intermediate throw events",
        "timerEventDefinition" => ": deadlines are properties of the user task (crm:deadline)",
        "messageEventDefinition" or "signalEventDefinition" or "errorEventDefinition" or "escalationEventDefinition"
            or "terminateEventDefinition" or "compensateEventDefinition" or "conditionalEventDefinition" or "linkEventDefinition" or "cancelEventDefinition" =>
            ": route maps have plain start and end events (and terminate end events) only",
        "standardLoopCharacteristics" => ": use multi-instance (one task per item of a list variable) instead of a loop",
        "potentialOwner" or "humanPerformer" or "performer" => ": give the performer as crm:performerUser / crm:performerRole (or camunda:assignee / camunda:candidateGroups)",
        _ => "",
    };
}
