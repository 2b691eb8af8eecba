using System.Xml.Linq;

namespace CrmBpm.Engine.Bpmn;

/// <summary>The XML namespaces a route-map file uses.</summary>
public static class BpmnNamespaces
{
    /// <summary>BPMN 2.0 semantic model (<c>bpmn:</c>).</summary>
    public const string Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /// <summary>BPMN 2.0 diagram interchange (<c>bpmndi:</c>).</summary>
    public const string BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";

    /// <summary>OMG diagram common: bounds (<c>dc:</c>).</summary>
    public const string Dc = "http://www.omg.org/spec/DD/20100524/DC";

    /// <summary>OMG diagram interchange: waypoints (<c>di:</c>).</summary>
    public const string Di = "http://www.omg.org/spec/DD/20100524/DI";

    /// <summary>XML Schema instance (<c>xsi:type</c> on expressions).</summary>
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>CrmBpm's own extension namespace (<c>crm:</c>): performer, deadline, outcomes, form fields, stage, ...</summary>
    public const string Crm = "https://crmbpm.dev/schema/bpmn";

    /// <summary>Camunda 7 extensions, read for compatibility (<c>camunda:assignee</c>, <c>camunda:in</c>, ...).</summary>
    public const string Camunda = "http://camunda.org/schema/1.0/bpmn";

    /// <summary>Flowable's extensions, read for compatibility (<c>flowable:assignee</c>, <c>flowable:candidateGroups</c>).</summary>
    public const string Flowable = "http://flowable.org/bpmn";

    /// <summary>Activiti's extensions (Flowable's ancestor; the same attributes).</summary>
    public const string Activiti = "http://activiti.org/bpmn";

    /// <summary>Camunda 8 (Zeebe) extensions (<c>zeebe:assignmentDefinition</c>, <c>zeebe:calledElement</c>).</summary>
    public const string Zeebe = "http://camunda.org/schema/zeebe/1.0";

    internal static readonly XNamespace BpmnNs = Model;
    internal static readonly XNamespace BpmnDiNs = BpmnDi;
    internal static readonly XNamespace DcNs = Dc;
    internal static readonly XNamespace DiNs = Di;
    internal static readonly XNamespace XsiNs = Xsi;
    internal static readonly XNamespace CrmNs = Crm;
    internal static readonly XNamespace CamundaNs = Camunda;
    internal static readonly XNamespace FlowableNs = Flowable;
    internal static readonly XNamespace ActivitiNs = Activiti;
    internal static readonly XNamespace ZeebeNs = Zeebe;
}
