using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace CrmBpm.Server.Api;

/// <summary>
/// The rules every field of every API request obeys, checked before the handler runs, with <see cref="Check"/>: an enum
/// holds a defined value (a number outside it, -1 or 999, is refused, also in the query string), text holds no control
/// characters, a date lies between 1900 and 2200. Request records (the Contracts) are walked field by field, lists item by
/// item, so the refusal names the path (<c>plan[1].deadline</c>). Process variables are JSON the engine checks itself.
/// </summary>
internal sealed class RequestShapeFilter : IEndpointFilter
{
    private const int MaxDepth = 4;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [];
        var check = new Check();
        for (var i = 0; i < context.Arguments.Count && i < parameters.Length; i++)
        {
            var argument = context.Arguments[i];
            // A request record's fields are named as in its JSON; a query or route value by its parameter.
            Visit(check, argument, IsContract(argument?.GetType()) ? "" : parameters[i].Name ?? $"argument{i}", 0);
        }

        check.ThrowIfAny();
        return await next(context);
    }

    private static void Visit(Check check, object? value, string path, int depth)
    {
        switch (value)
        {
            case null or JsonElement:
                return;
            case string text:
                check.NoControlCharacters(text, path);
                return;
            case Enum member:
                check.Defined(member, path);
                return;
            case DateTimeOffset date:
                check.DateInRange(date, path);
                return;
            case DateTime date:
                check.DateInRange(new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)), path);
                return;
            case IDictionary:
                return; // variables: JSON values by name, the engine's to check
            case IEnumerable items when depth < MaxDepth:
                var index = 0;
                foreach (var item in items)
                {
                    Visit(check, item, $"{path}[{index++}]", depth + 1);
                }

                return;
        }

        if (depth >= MaxDepth || !IsContract(value.GetType()))
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            Visit(check, property.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", depth + 1);
        }
    }

    private static bool IsContract(Type? type) =>
        type is { IsClass: true } && type.Namespace == typeof(Contracts.InstanceDto).Namespace;
}
