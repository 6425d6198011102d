using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Presale.Functions.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Root_Answers_SoTheFunctionsHostSeesTheHandlerReady()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
