using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Presale.Adapters.InMemory;
using Presale.Application.Storage;

namespace Presale.Functions.Tests.Notifications;

/// <summary>The app (<see cref="Program"/>) over an in-memory table store, with extra settings.</summary>
internal static class NotificationsApp
{
    public static WebApplicationFactory<Program> Create(InMemoryTableStore store, params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => services.AddSingleton<ITableStore>(store));
        });
}
