using Microsoft.Extensions.DependencyInjection;
using Presale.Adapters.InMemory;
using Presale.Application.Storage;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Notifications;

/// <summary>The app (<see cref="Program"/>) over an in-memory table store, with extra settings.</summary>
internal static class NotificationsApp
{
    public static PresaleApp Create(InMemoryTableStore store, params (string Key, string Value)[] settings)
    {
        var app = new PresaleApp().WithServices(services => services.AddSingleton<ITableStore>(store));
        foreach (var (key, value) in settings)
        {
            app.With(key, value);
        }

        return app;
    }
}
