using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmBpm.Server.Tests.Infrastructure;

/// <summary>
/// A server on a SQLite file of the test's own, in the environment and with the settings the test chooses, its log kept.
/// A request with the header <see cref="LoopbackHeader"/> arrives from 127.0.0.1 (the test server has no peer address otherwise).
/// Several hosts may run one after another on the same file (<see cref="RestartAsync"/>), as a server is restarted.
/// </summary>
public sealed class CustomHost : IAsyncDisposable
{
    public const string LoopbackHeader = "X-Test-From-Loopback";

    private readonly SqliteTestFile _database;
    private readonly List<WebApplicationFactory<Program>> _factories = [];
    private readonly ConcurrentQueue<string> _log = new();

    private CustomHost(SqliteTestFile database) => _database = database;

    /// <summary>The running host.</summary>
    public WebApplicationFactory<Program> Host => _factories[^1];

    /// <summary>Every log message so far.</summary>
    public IReadOnlyList<string> Log => [.. _log];

    /// <summary>Starts a server on a new database; throws what start-up threw.</summary>
    public static async Task<CustomHost> StartAsync(string environment, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new CustomHost(new SqliteTestFile());
        await host.RestartAsync(environment, settings);
        return host;
    }

    /// <summary>Starts another server on the same database (the previous one stays until disposal).</summary>
    public Task RestartAsync(string environment, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseStaticWebAssets();
            builder.UseSetting("Database:Provider", _database.Provider);
            builder.UseSetting("ConnectionStrings:CrmBpm", _database.ConnectionString);
            builder.UseSetting("Security:SignInPermitLimit", "100000");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(_log)));
            builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, LoopbackPeer>());
        });
        _factories.Add(factory);
        _ = factory.Server;
        return Task.CompletedTask;
    }

    /// <summary>A client without cookies' redirects followed; <paramref name="fromLoopback"/> makes its requests come from 127.0.0.1.</summary>
    public HttpClient Client(bool fromLoopback = false)
    {
        var client = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (fromLoopback)
        {
            client.DefaultRequestHeaders.Add(LoopbackHeader, "1");
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in _factories)
        {
            await factory.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    private sealed class LoopbackPeer : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                if (context.Request.Headers.Remove(LoopbackHeader))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Loopback;
                }

                await following(context);
            });
            next(app);
        };
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(log);

        public void Dispose()
        {
        }

        private sealed class QueueLogger(ConcurrentQueue<string> log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                log.Enqueue(formatter(state, exception));
        }
    }
}
