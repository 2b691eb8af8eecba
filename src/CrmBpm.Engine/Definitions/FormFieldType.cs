namespace CrmBpm.Engine.Definitions;

/// <summary>Value kinds a form field accepts.</summary>
public enum FormFieldType
{
    /// <summary>Any string.</summary>
    Text,

    /// <summary>A number.</summary>
    Number,

    /// <summary>true / false.</summary>
    Boolean,

    /// <summary>An ISO 8601 date or date/time string.</summary>
    Date,

    /// <summary>One of <see cref="FormField.Options"/>.</summary>
    Choice,
}
