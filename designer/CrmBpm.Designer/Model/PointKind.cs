namespace CrmBpm.Designer.Model;

/// <summary>What a diagram element is in route-map terms: one of the point kinds, a flow, or something else.</summary>
public enum PointKind
{
    /// <summary>Not a route-map element (e.g. something another modeler drew).</summary>
    Other,

    /// <summary>startEvent.</summary>
    Start,

    /// <summary>endEvent.</summary>
    End,

    /// <summary>userTask.</summary>
    Action,

    /// <summary>exclusiveGateway with a yes/no expression.</summary>
    Condition,

    /// <summary>exclusiveGateway whose outgoing flows carry the cases.</summary>
    Choice,

    /// <summary>parallelGateway fanning out.</summary>
    Split,

    /// <summary>parallelGateway joining.</summary>
    Merge,

    /// <summary>callActivity.</summary>
    NestedProcess,

    /// <summary>sequenceFlow.</summary>
    Flow,
}
