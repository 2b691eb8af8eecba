using CrmBpm.Engine.Events;
using CrmBpm.Server.Live;

namespace CrmBpm.Server.Tasks;

/// <summary>Registers My tasks: the scope rule the API and the pages share, the subjects' names and the live feed.</summary>
public static class TasksServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="VisibleTasks"/>, <see cref="MyTaskList"/>, <see cref="UnassignedTaskList"/> and <see cref="TaskNotices"/> per request or circuit;
    /// <see cref="TaskSubjects"/> and <see cref="TaskFeed"/> once, the feed also as an engine event handler.
    /// </summary>
    public static IServiceCollection AddMyTasks(this IServiceCollection services)
    {
        services.AddScoped<VisibleTasks>();
        services.AddScoped<MyTaskList>();
        services.AddScoped<UnassignedTaskList>();
        services.AddScoped<TaskNotices>();
        services.AddSingleton<TaskSubjects>();
        services.AddSingleton<TaskFeed>();
        services.AddSingleton<IEngineEventHandler>(sp => sp.GetRequiredService<TaskFeed>());
        return services;
    }
}
