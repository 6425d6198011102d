using System.Globalization;
using System.Text.Json;
using Presale.Application.Compensation;
using Presale.Testing;

namespace Presale.Functions.Tests.Compensation;

public sealed class SweepBudgetTests
{
    [Fact]
    public void DefaultSweepTimeBudget_LeavesAtLeastAMinuteBeforeTheHostsFunctionTimeout()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("host.json")));
        var timeout = TimeSpan.Parse(host.RootElement.GetProperty("functionTimeout").GetString()!, CultureInfo.InvariantCulture);

        Assert.True(new CompensationOptions().SweepTimeBudget <= timeout - TimeSpan.FromMinutes(1), $"The sweep budget must end well before the {timeout} function timeout.");
    }
}
