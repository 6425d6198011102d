using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Presale.Adapters.InMemory;
using Presale.Application.Messaging;
using Presale.Application.Storage;
using Presale.Testing;

namespace Presale.Functions.Tests.Apis;

/// <summary>The app with the in-memory store, a manual clock and a recording publisher in place of the adapters.</summary>
public sealed class OrdersApiFactory : WebApplicationFactory<Program>
{
    public const string FunctionKey = "orders-test-key";

    public ManualTimeProvider Time { get; } = new();

    public ConcurrentQueue<(string Queue, OutboundMessage Message)> Published { get; } = new();

    public HttpClient CreateKeyedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Presale:Host:FunctionKey", FunctionKey);
        builder.UseSetting("Presale:Orders:MaxRequestBodyBytes", "4096");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.RemoveAll<ITableStore>();
            services.AddSingleton<ITableStore>(new InMemoryTableStore(Time));
            services.RemoveAll<IMessagePublisher>();
            services.AddSingleton<IMessagePublisher>(new Publisher(Published));
        });
    }

    private sealed class Publisher(ConcurrentQueue<(string, OutboundMessage)> published) : IMessagePublisher
    {
        public Task PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken = default)
        {
            published.Enqueue((queue, message));
            return Task.CompletedTask;
        }
    }
}
