namespace CrmBpm.Server.Tests.Infrastructure;

/// <summary>Small BPMN documents as the designer produces them: valid, unpublishable, or not importable.</summary>
public static class RouteMapXml
{
    public static string Valid(string key, string name = "Call back") => Document(key, name, """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="call" name="Call back" crm:performerRole="Sales manager" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
            <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
        """);

    /// <summary>Imports, but may not be published: the Action leads nowhere and there is no End.</summary>
    public static string WithoutEnd(string key) => Document(key, "Broken", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="call" name="Call back" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
        """);

    /// <summary>Imports, but may not be published: a service task does not run yet, and the loss report says so.</summary>
    public static string WithServiceTask(string key) => Document(key, "Automatic", """
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="mail" name="Send mail" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="mail" />
            <bpmn:sequenceFlow id="f2" sourceRef="mail" targetRef="end" />
        """);

    /// <summary>Does not import: a crm: attribute CrmBpm does not know (a typo must not vanish).</summary>
    public static string NotImportable(string key) => Document(key, "Not a route map", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="call" name="Call" crm:performer="anna" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
        """);

    private static string Document(string key, string name, string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="https://crmbpm.dev/maps">
          <bpmn:process id="{key}" name="{name}" isExecutable="true">
        {body}
          </bpmn:process>
        </bpmn:definitions>
        """;
}
