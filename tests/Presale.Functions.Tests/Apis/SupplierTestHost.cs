using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Presale.Adapters.InMemory;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Domain.Security;
using Presale.Functions.Features.Suppliers;
using Presale.Functions.Host.Catalog;
using Presale.Functions.Host.Standalone;

namespace Presale.Functions.Tests.Apis;

/// <summary>
/// The suppliers feature in an in-memory web app composed as Program.cs does (AddSuppliers, and the suppliers' HTTP
/// functions served from functions.metadata as standalone mode serves them), over a shared in-memory table store and a
/// manual clock, plus a webhook route standing in for the ETA wiring: it authenticates with
/// <see cref="SupplierWebhookAuthenticationFilter.VerifyAsync"/>, asks the event ledger, and applies its effect (the lot's ETA row)
/// in one transaction with the ledger rows.
/// </summary>
internal sealed class SupplierTestHost : IAsyncDisposable
{
    public const string LotsTable = "testlots";
    public const string WebhookRoute = "/api/suppliers/{supplierId}/eta-updates";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WebApplication _app;

    private SupplierTestHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<SupplierTestHost> StartAsync(
        InMemoryTableStore store,
        FakeTimeProvider time,
        IReadOnlyDictionary<string, string?>? settings = null,
        InMemorySupplierLotHistory? lots = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<ITableStore>(store);
        builder.Services.AddSingleton<ISupplierLotHistory>(lots ?? new InMemorySupplierLotHistory());
        builder.Services.AddSingleton(new Application.Orders.OrdersOptions());
        builder.Services.AddSingleton<Application.Shop.ShopSettingsStore>();
        builder.AddSuppliers();

        var app = builder.Build();
        app.MapHttpFunctions(new FunctionCatalog(Support.TestDefinitions.Shipped().Where(d => d.EntryPoint.Contains(".SuppliersFunctions.", StringComparison.Ordinal))));
        app.MapPost(WebhookRoute, async (string supplierId, HttpContext http, SupplierWebhookAuthenticationFilter signatures, SupplierEventLedger ledger, ITableStore store) =>
            await signatures.VerifyAsync(http) ?? await ApplyEtaUpdateAsync(supplierId, http, ledger, store));
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new SupplierTestHost(app, app.GetTestClient());
    }

    public IServiceProvider Services => _app.Services;

    public async Task<string> CreateSupplierAsync(string id)
    {
        var response = await Client.PostAsJsonAsync(
            "/api/suppliers", new { id, name = "Supplier " + id, contact = new { email = "ops@" + id + ".example" } }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return id;
    }

    public async Task<string> IssueSecretAsync(string supplierId)
    {
        var response = await Client.PostAsync(new Uri($"/api/suppliers/{supplierId}/webhook-secrets", UriKind.Relative), null, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var issued = await response.Content.ReadFromJsonAsync<IssuedWebhookSecret>(TestContext.Current.CancellationToken);
        return issued!.Secret;
    }

    /// <summary>Posts <paramref name="body"/> to the webhook route with an explicit header (or none).</summary>
    public Task<HttpResponseMessage> PostWebhookAsync(string supplierId, string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookRoute.Replace("{supplierId}", supplierId, StringComparison.Ordinal))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        }

        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Signs <paramref name="body"/> at <paramref name="signedAt"/> with <paramref name="secrets"/> and posts it.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string supplierId, string body, DateTimeOffset signedAt, params string[] secrets) =>
        PostWebhookAsync(supplierId, body, WebhookSigner.Sign(Encoding.UTF8.GetBytes(body), signedAt, secrets));

    public static string EtaEvent(string eventId, string lotId, DateTimeOffset supplierTimestamp, string eta) =>
        JsonSerializer.Serialize(new TestEtaEvent(eventId, lotId, supplierTimestamp, DateOnly.Parse(eta, System.Globalization.CultureInfo.InvariantCulture)), Json);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    private static async Task<IResult> ApplyEtaUpdateAsync(string supplierId, HttpContext http, SupplierEventLedger ledger, ITableStore store)
    {
        var webhook = http.GetVerifiedSupplierWebhook();
        var update = JsonSerializer.Deserialize<TestEtaEvent>(webhook.Body.Span, Json)!;
        var supplierEvent = new SupplierEvent(supplierId, update.EventId, update.LotId, update.SupplierTimestamp, SupplierEventKind.EtaUpdate);
        await store.CreateTableIfNotExistsAsync(LotsTable, http.RequestAborted);
        while (true)
        {
            var decision = await ledger.DecideAsync(LotsTable, supplierId, supplierEvent, http.RequestAborted);
            if (!decision.ShouldApply)
            {
                return Results.Ok(SupplierWebhookAcknowledgement.For(update.EventId, decision));
            }

            var effect = TableOperation.UpsertReplace(new TableEntity(supplierId, "lot|" + update.LotId, new Dictionary<string, object?>
            {
                ["Eta"] = update.Eta.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            }));
            var result = await store.SubmitTransactionAsync(LotsTable, [effect, .. decision.Operations], http.RequestAborted);
            if (result.Succeeded)
            {
                return Results.Ok(SupplierWebhookAcknowledgement.For(update.EventId, decision));
            }

            if (!decision.LostRace(result, 1))
            {
                throw new InvalidOperationException($"Transaction failed: {result.FailureStatus} at {result.FailedIndex}.");
            }
        }
    }

    private sealed record TestEtaEvent(string EventId, string LotId, DateTimeOffset SupplierTimestamp, DateOnly Eta);
}
