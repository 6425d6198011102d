using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Presale.Functions.Host.Standalone;

namespace Presale.Functions.Tests.Support;

/// <summary>Runs a timer function of the app once, as its trigger does, and waits for the outcome.</summary>
internal static class FunctionRuns
{
    /// <summary>One run of timer <paramref name="name"/>, not past due.</summary>
    public static Task<InvocationOutcome> TimerAsync(IServiceProvider services, string name) =>
        services.GetRequiredService<IFunctionInvoker>().InvokeAsync(name, TriggerInput.ForTimer(new TimerInfo { IsPastDue = false }), TestContext.Current.CancellationToken);

    /// <summary>One run of timer <paramref name="name"/>, which must succeed.</summary>
    public static async Task SucceedsAsync(IServiceProvider services, string name)
    {
        var outcome = await TimerAsync(services, name);
        Assert.True(outcome.Succeeded, $"{name}: {outcome.Failure}");
    }
}
