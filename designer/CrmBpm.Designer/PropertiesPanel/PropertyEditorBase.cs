using CrmBpm.Designer.Interop;
using CrmBpm.Designer.Localization;
using CrmBpm.Designer.Model;
using Microsoft.AspNetCore.Components;

namespace CrmBpm.Designer.PropertiesPanel;

/// <summary>
/// Base of the properties editors: the selected element, the canvas every edit goes through, and the lists the
/// host passed in. Editors read from <see cref="Element"/> (the XML the canvas last reported) and never keep a copy.
/// </summary>
public abstract class PropertyEditorBase : ComponentBase
{
    /// <summary>The selected point or flow.</summary>
    [Parameter, EditorRequired]
    public DesignerElement Element { get; set; } = default!;

    /// <summary>The canvas; edits become undoable bpmn-js commands there.</summary>
    [Parameter, EditorRequired]
    public RouteMapDesignerInterop Canvas { get; set; } = default!;

    /// <summary>Shows the values without letting them be changed.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>Sets one attribute (e.g. <c>crm:stage</c>); empty removes it.</summary>
    protected Task SetAsync(string attribute, string? value) => SetAsync((attribute, value));

    /// <summary>Sets several attributes in one undoable step.</summary>
    protected Task SetAsync(params (string Attribute, string? Value)[] values) =>
        Canvas.UpdatePropertiesAsync(Element.Id, values.ToDictionary(v => v.Attribute, v => (object?)Normalize(v.Value), StringComparer.Ordinal));

    /// <summary>The text of an input's change event.</summary>
    protected static string? Text(ChangeEventArgs e) => e.Value?.ToString();

    /// <summary>
    /// The name a flow gets when it becomes a Condition's Yes or No branch ("Yes"/"No" in the user's language); when the
    /// branch is cleared, a name the designer gave (in any language) goes too, and a name the user wrote stays.
    /// </summary>
    protected static string? BranchName(string? branch, string? current) => branch switch
    {
        "yes" => DesignerText.L("canvas.branch-yes"),
        "no" => DesignerText.L("canvas.branch-no"),
        _ => current is not null && DesignerText.InEveryLanguage("canvas.branch-yes").Concat(DesignerText.InEveryLanguage("canvas.branch-no")).Contains(current) ? null : current,
    };

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
