using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CrmBpm.EntityFrameworkCore.Crm.Configurations;

/// <summary>camelCase property names inside the JSON columns, like the engine's JSON.</summary>
internal static class CrmJsonNames
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var complex in entity.GetComplexProperties())
            {
                Apply(complex.ComplexType);
            }
        }
    }

    private static void Apply(IMutableComplexType type)
    {
        foreach (var property in type.GetProperties())
        {
            property.SetJsonPropertyName(JsonNamingPolicy.CamelCase.ConvertName(property.Name));
        }

        foreach (var nested in type.GetComplexProperties())
        {
            nested.SetJsonPropertyName(JsonNamingPolicy.CamelCase.ConvertName(nested.Name));
            Apply(nested.ComplexType);
        }
    }
}
