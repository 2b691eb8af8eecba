using System.Globalization;
using System.Text.RegularExpressions;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Server.Api;

/// <summary>
/// Collects input problems of one request and refuses it with all of them at once, each naming its field and the rule.
/// Endpoints check what only they know (required, lengths, e-mails); <see cref="RequestShapeFilter"/> applies the rules
/// every field obeys (defined enum values, no control characters, dates in range) through the same class.
/// </summary>
public sealed partial class Check
{
    /// <summary>The earliest date a request may carry.</summary>
    public static readonly DateTimeOffset EarliestDate = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest date a request may carry.</summary>
    public static readonly DateTimeOffset LatestDate = new(2200, 12, 31, 23, 59, 59, TimeSpan.Zero);

    private readonly List<InputProblem> _problems = [];

    /// <summary>Requires a non-blank text of at most <paramref name="maxLength"/> characters.</summary>
    public Check Required(string? value, string field, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _problems.Add(new InputProblem(field, $"{field} is required."));
        }
        else if (value.Length > maxLength)
        {
            _problems.Add(new InputProblem(field, $"{field} must be at most {maxLength} characters."));
        }

        return this;
    }

    /// <summary>Limits an optional text.</summary>
    public Check MaxLength(string? value, string field, int maxLength)
    {
        if (value is { Length: var length } && length > maxLength)
        {
            _problems.Add(new InputProblem(field, $"{field} must be at most {maxLength} characters."));
        }

        return this;
    }

    /// <summary>Requires a value.</summary>
    public Check Present<T>(T? value, string field)
        where T : struct
    {
        if (value is null)
        {
            _problems.Add(new InputProblem(field, $"{field} is required."));
        }

        return this;
    }

    /// <summary>Refuses control characters (NUL, escape, ...) in a text; tab and line breaks are text.</summary>
    public Check NoControlCharacters(string? value, string field)
    {
        var at = -1;
        for (var i = 0; value is not null && i < value.Length; i++)
        {
            if (char.IsControl(value[i]) && value[i] is not ('\t' or '\n' or '\r'))
            {
                at = i;
                break;
            }
        }

        if (at >= 0)
        {
            _problems.Add(new InputProblem(field, $"{field} must not contain control characters (U+{(int)value![at]:X4} at position {at + 1})."));
        }

        return this;
    }

    /// <summary>Requires a syntactically valid e-mail address (<c>name@example.com</c>) when one is given.</summary>
    public Check Email(string? value, string field)
    {
        if (!string.IsNullOrWhiteSpace(value) && !EmailSyntax().IsMatch(value.Trim()))
        {
            _problems.Add(new InputProblem(field, $"{field} must be an e-mail address like name@example.com; '{value}' is not."));
        }

        return this;
    }

    /// <summary>Requires a date between <see cref="EarliestDate"/> and <see cref="LatestDate"/> when one is given.</summary>
    public Check DateInRange(DateTimeOffset? value, string field)
    {
        if (value is { } date && (date < EarliestDate || date > LatestDate))
        {
            _problems.Add(new InputProblem(field, string.Create(CultureInfo.InvariantCulture,
                $"{field} must be between {EarliestDate.Year} and {LatestDate.Year}; {date:yyyy-MM-dd} is not.")));
        }

        return this;
    }

    /// <summary>Requires a value the enum defines (for a [Flags] enum: a combination of defined flags).</summary>
    public Check Defined(Enum? value, string field)
    {
        if (value is not null && !IsDefined(value))
        {
            var names = string.Join(", ", Enum.GetNames(value.GetType()));
            _problems.Add(new InputProblem(field, $"{field} must be one of {names}; '{value}' is not."));
        }

        return this;
    }

    /// <summary>Adds a problem when <paramref name="condition"/> is false.</summary>
    public Check That(bool condition, string field, string message)
    {
        if (!condition)
        {
            _problems.Add(new InputProblem(field, message));
        }

        return this;
    }

    /// <summary>The problems found so far (for a caller that reports them instead of throwing, such as an import's row report).</summary>
    public IReadOnlyList<InputProblem> Problems => _problems;

    /// <summary>True when no problem was found so far.</summary>
    public bool IsClean => _problems.Count == 0;

    /// <summary>Throws <see cref="InputException"/> (400) when any problem was found.</summary>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new InputException("input.invalid", _problems);
        }
    }

    private static bool IsDefined(Enum value)
    {
        var type = value.GetType();
        if (Enum.IsDefined(type, value))
        {
            return true;
        }

        if (!type.IsDefined(typeof(FlagsAttribute), inherit: false))
        {
            return false;
        }

        var bits = Convert.ToUInt64(value, CultureInfo.InvariantCulture);
        var known = Enum.GetValues(type).Cast<Enum>().Aggregate(0UL, (all, flag) => all | Convert.ToUInt64(flag, CultureInfo.InvariantCulture));
        return (bits & ~known) == 0 && Convert.ToInt64(value, CultureInfo.InvariantCulture) >= 0;
    }

    // RFC 5322 dot-atom local part and a domain of labels (letters of any script allowed): no quotes, brackets or spaces.
    [GeneratedRegex(@"^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@[\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(\.[\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailSyntax();
}
