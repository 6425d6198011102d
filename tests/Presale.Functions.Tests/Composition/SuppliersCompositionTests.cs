using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Presale.Adapters.InMemory;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Functions.Tests.Apis;
using Presale.Testing;

namespace Presale.Functions.Tests.Composition;

public sealed class SuppliersCompositionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Program_MapsTheSupplierRoutes()
    {
        // Operator routes are authLevel: function; in standalone mode the host checks the configured key.
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Presale:Host:FunctionKey", "test-function-key")
            .ConfigureTestServices(s => s.AddSingleton<ITableStore>(new InMemoryTableStore())));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", "test-function-key");

        var created = await client.PostAsJsonAsync("/api/suppliers", new { id = "acme", name = "Acme", contact = new { email = "a@acme.example" } }, Ct);
        var secret = await client.PostAsync(new Uri("/api/suppliers/acme/webhook-secrets", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, secret.StatusCode);
    }

    [Fact]
    public async Task Start_UnderTheFunctionsHostWithoutKey_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SupplierTestHost.StartAsync(new InMemoryTableStore(), new FakeTimeProvider(TestClock.Start), new Dictionary<string, string?> { ["Presale:Host:Mode"] = "FunctionsHost" }));

        Assert.Contains("Presale:Suppliers:SecretEncryptionKey is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnderTheFunctionsHostWithTheDevelopmentKey_Fails()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SupplierTestHost.StartAsync(new InMemoryTableStore(), new FakeTimeProvider(TestClock.Start), new Dictionary<string, string?>
            {
                ["Presale:Host:Mode"] = "FunctionsHost",
                ["Presale:Suppliers:SecretEncryptionKey"] = SuppliersOptions.DevelopmentSecretEncryptionKey,
            }));

        Assert.Contains("public development key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_StandaloneWithoutKey_UsesTheDevelopmentKey()
    {
        await using var host = await SupplierTestHost.StartAsync(new InMemoryTableStore(), new FakeTimeProvider(TestClock.Start));

        var options = host.Services.GetRequiredService<IOptions<SuppliersOptions>>().Value;

        Assert.Equal(SuppliersOptions.DevelopmentSecretEncryptionKey, options.SecretEncryptionKey);
    }

    [Theory]
    [InlineData("Presale:Suppliers:SecretEncryptionKey", "c2hvcnQ=", "Presale:Suppliers:SecretEncryptionKey must be the base64 of exactly 32 bytes")]
    [InlineData("Presale:Suppliers:SecretRotationOverlap", "00:00:10", "Presale:Suppliers:SecretRotationOverlap")]
    [InlineData("Presale:Suppliers:WebhookReplayWindow", "01:00:00", "Presale:Suppliers:WebhookReplayWindow")]
    [InlineData("Presale:Suppliers:SuppliersTable", "no-dash", "Presale:Suppliers:SuppliersTable")]
    [InlineData("Presale:Suppliers:OverdueLotGraceDays", "0", "Presale:Suppliers:OverdueLotGraceDays")]
    [InlineData("Presale:Suppliers:OverdueSweepPageSize", "5000", "Presale:Suppliers:OverdueSweepPageSize")]
    public async Task Start_WithAnInvalidSetting_FailsNamingIt(string setting, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SupplierTestHost.StartAsync(new InMemoryTableStore(), new FakeTimeProvider(TestClock.Start), new Dictionary<string, string?> { [setting] = value }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
