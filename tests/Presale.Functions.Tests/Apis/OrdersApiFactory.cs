using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Presale.Adapters.InMemory;
using Presale.Application.Messaging;
using Presale.Application.Storage;
using Presale.Testing;

namespace Presale.Functions.Tests.Apis;

/// <summary>The app with the in-memory store, a manual clock and a recording publisher in place of the adapters.</summary>
public sealed class OrdersApiFactory : WebApplicationFactory<Program>
{
    public const string FunctionKey = "orders-test-function-key";

    public const string AdminKey = "orders-test-admin-key-0001";

    private readonly Publisher _publisher;
    private readonly Func<ITableStore, ITableStore>? _wrapStore;

    /// <summary><paramref name="wrapStore"/>, when given, wraps the in-memory store (to inject conflicts or faults).</summary>
    public OrdersApiFactory(Func<ITableStore, ITableStore>? wrapStore = null)
    {
        _publisher = new Publisher(Published);
        _wrapStore = wrapStore;
    }

    /// <summary>While true, publishing fails as an unreachable broker would.</summary>
    public bool FailPublishing
    {
        get => _publisher.Fail;
        set => _publisher.Fail = value;
    }

    public FakeTimeProvider Time { get; } = new(TestClock.Start);

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
        builder.UseSetting("Presale:Host:AdminKey", AdminKey);
        builder.UseSetting("Presale:Orders:MaxRequestBodyBytes", "4096");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.RemoveAll<ITableStore>();
            ITableStore store = new InMemoryTableStore(Time);
            services.AddSingleton(_wrapStore?.Invoke(store) ?? store);
            services.RemoveAll<IMessagePublisher>();
            services.AddSingleton<IMessagePublisher>(_publisher);
        });
    }

    private sealed class Publisher(ConcurrentQueue<(string, OutboundMessage)> published) : IMessagePublisher
    {
        public bool Fail { get; set; }

        public Task PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken = default)
        {
            if (Fail)
            {
                throw new IOException("The broker is unreachable.");
            }

            published.Enqueue((queue, message));
            return Task.CompletedTask;
        }
    }
}
