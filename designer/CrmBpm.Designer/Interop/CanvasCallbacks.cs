using Microsoft.JSInterop;

namespace CrmBpm.Designer.Interop;

/// <summary>
/// What the canvas reports back to .NET through a <see cref="DotNetObjectReference{T}"/>: the selection and, debounced,
/// the document after every change. Created and disposed by <see cref="RouteMapDesignerInterop"/>.
/// </summary>
public sealed class CanvasCallbacks
{
    private readonly Func<string?, Task> _selectionChanged;
    private readonly Func<string, Task> _xmlChanged;

    internal CanvasCallbacks(Func<string?, Task> selectionChanged, Func<string, Task> xmlChanged)
    {
        _selectionChanged = selectionChanged;
        _xmlChanged = xmlChanged;
    }

    /// <summary>One element (point or flow) is selected, or none (<paramref name="elementId"/> null).</summary>
    [JSInvokable]
    public Task OnSelectionChanged(string? elementId) => _selectionChanged(elementId);

    /// <summary>The document changed (an edit, undo or redo); <paramref name="xml"/> is the whole BPMN XML.</summary>
    [JSInvokable]
    public Task OnXmlChanged(string xml) => _xmlChanged(xml);
}
