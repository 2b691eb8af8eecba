using CrmBpm.Engine.Errors;

namespace CrmBpm.Server.Api;

/// <summary>Collects input problems of one request and refuses it with all of them at once, each naming its field.</summary>
public sealed class Check
{
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

    /// <summary>Adds a problem when <paramref name="condition"/> is false.</summary>
    public Check That(bool condition, string field, string message)
    {
        if (!condition)
        {
            _problems.Add(new InputProblem(field, message));
        }

        return this;
    }

    /// <summary>Throws <see cref="InputException"/> (400) when any problem was found.</summary>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new InputException("input.invalid", _problems);
        }
    }
}
