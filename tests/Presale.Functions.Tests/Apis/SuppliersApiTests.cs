using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Presale.Adapters.InMemory;
using Presale.Adapters.Secrets;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Domain.Suppliers;
using Presale.Testing;

namespace Presale.Functions.Tests.Apis;

public sealed class SuppliersApiTests
{
    private const string KeyA = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";
    private const string KeyB = "QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=";

    private readonly InMemoryTableStore _store = new();
    private readonly FakeTimeProvider _time = new(TestClock.Start);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ValidSupplier_Is201AndReadableWithoutAnySecret()
    {
        await using var host = await SupplierTestHost.StartAsync(_store, _time);

        var created = await host.Client.PostAsJsonAsync("/api/suppliers", new
        {
            id = "acme",
            name = " Acme Parts ",
            contact = new { name = "Dispatch", email = "dispatch@acme.example", phone = "+86 21 5555 0100" },
            defaultLeadTimeDays = 21,
        }, Ct);
        var read = await host.Client.GetFromJsonAsync<SupplierView>("/api/suppliers/acme", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/suppliers/acme", created.Headers.Location?.OriginalString);
        Assert.Equal(new SupplierContact("Dispatch", "dispatch@acme.example", "+86 21 5555 0100"), read!.Contact);
        Assert.Equal("Acme Parts", read.Name);
        Assert.Equal(21, read.DefaultLeadTimeDays);
        Assert.Equal(_time.GetUtcNow(), read.CreatedAt);
        Assert.Null(read.CurrentWebhookSecret);
    }

    [Fact]
    public async Task Create_InvalidFields_Is400NamingEachField()
    {
        await using var host = await SupplierTestHost.StartAsync(_store, _time);

        var response = await host.Client.PostAsJsonAsync("/api/suppliers", new
        {
            id = "bad/id",
            name = "",
            contact = new { email = "not-an-email" },
            defaultLeadTimeDays = 400,
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        foreach (var field in new[] { "id", "name", "contact.email", "defaultLeadTimeDays" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Theory]
    [InlineData("{\"id\":\"acme\",", "body")]
    [InlineData("{\"id\":\"acme\",\"name\":\"A\",\"contact\":{\"email\":\"a@b.c\"},\"colour\":\"red\"}", "colour")]
    [InlineData("{\"id\":\"acme\",\"name\":\"A\",\"contact\":{\"email\":\"a@b.c\",\"Phone\":\"123\"}}", "contact.Phone")]
    [InlineData("{\"id\":\"acme\",\"name\":\"A\",\"contact\":{\"email\":\"a@b.c\"},\"defaultLeadTimeDays\":\"soon\"}", "defaultLeadTimeDays")]
    [InlineData("[]", "body")]
    public async Task Create_MalformedJson_Is400ValidationProblemNamingThePath_AndRegistersNothing(string json, string field)
    {
        await using var host = await SupplierTestHost.StartAsync(_store, _time);

        var response = await host.Client.PostAsync(
            new Uri("/api/suppliers", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        var read = await host.Client.GetAsync(new Uri("/api/suppliers/acme", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("urn:presale:problem:validation", problem.GetProperty("type").GetString());
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Create_ExistingId_Is409AndLeavesTheSupplierUnchanged()
    {
        await using var host = await SupplierTestHost.StartAsync(_store, _time);
        await host.CreateSupplierAsync("acme");

        var again = await host.Client.PostAsJsonAsync("/api/suppliers", new { id = "acme", name = "Impostor", contact = new { phone = "12345" } }, Ct);
        var read = await host.Client.GetFromJsonAsync<SupplierView>("/api/suppliers/acme", Ct);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Supplier acme", read!.Name);
    }

    [Theory]
    [InlineData("GET", "/api/suppliers/ghost")]
    [InlineData("POST", "/api/suppliers/ghost/webhook-secrets")]
    [InlineData("DELETE", "/api/suppliers/ghost/webhook-secrets/previous")]
    [InlineData("GET", "/api/suppliers/ghost/scorecard")]
    public async Task UnknownSupplier_Is404Problem(string method, string path)
    {
        await using var host = await SupplierTestHost.StartAsync(_store, _time);

        var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task IssueSecret_ShowsItOnceUncached_AndNeverAgainThroughTheApi()
    {
        await using var host = await SupplierTestHost.StartAsync(_store, _time);
        await host.CreateSupplierAsync("acme");

        var response = await host.Client.PostAsync(new Uri("/api/suppliers/acme/webhook-secrets", UriKind.Relative), null, Ct);
        var issued = await response.Content.ReadFromJsonAsync<IssuedWebhookSecret>(Ct);
        var supplier = await host.Client.GetStringAsync(new Uri("/api/suppliers/acme", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.StartsWith(SupplierRegistry.SecretPrefix, issued!.Secret, StringComparison.Ordinal);
        Assert.Equal(SupplierRegistry.SecretPrefix.Length + 43, issued.Secret.Length);
        Assert.Null(issued.PreviousSecretValidUntil);
        Assert.DoesNotContain(issued.Secret, supplier, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Secret[SupplierRegistry.SecretPrefix.Length..], supplier, StringComparison.Ordinal);
        using var view = JsonDocument.Parse(supplier);
        Assert.Equal(_time.GetUtcNow(), view.RootElement.GetProperty("currentWebhookSecret").GetProperty("issuedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task IssueSecret_SecondTime_ReportsTheOverlapAndBothStatuses()
    {
        await using var host = await SupplierTestHost.StartAsync(_store, _time);
        await host.CreateSupplierAsync("acme");
        await host.IssueSecretAsync("acme");
        _time.Advance(TimeSpan.FromMinutes(10));

        var second = await (await host.Client.PostAsync(new Uri("/api/suppliers/acme/webhook-secrets", UriKind.Relative), null, Ct))
            .Content.ReadFromJsonAsync<IssuedWebhookSecret>(Ct);
        var view = await host.Client.GetFromJsonAsync<SupplierView>("/api/suppliers/acme", Ct);

        var until = _time.GetUtcNow() + TimeSpan.FromHours(24);
        Assert.Equal(until, second!.PreviousSecretValidUntil);
        Assert.Equal(until, view!.PreviousWebhookSecret?.ValidUntil);
        Assert.Equal(_time.GetUtcNow(), view.CurrentWebhookSecret?.IssuedAt);

        _time.Advance(TimeSpan.FromHours(24));
        Assert.Null((await host.Client.GetFromJsonAsync<SupplierView>("/api/suppliers/acme", Ct))!.PreviousWebhookSecret);
    }

    [Fact]
    public async Task StorageDump_DoesNotContainTheSecretInAnyForm()
    {
        await using var host = await SupplierTestHost.StartAsync(_store, _time, Settings(KeyA));
        await host.CreateSupplierAsync("acme");
        var first = await host.IssueSecretAsync("acme");
        var second = await host.IssueSecretAsync("acme");

        var rows = await DumpAsync("suppliers");

        Assert.NotEmpty(rows);
        foreach (var secret in new[] { first, second })
        {
            var forms = Forms(secret);
            foreach (var row in rows)
            {
                foreach (var (name, value) in row.Properties)
                {
                    var bytes = value switch
                    {
                        byte[] b => b,
                        _ => Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
                    };
                    foreach (var form in forms)
                    {
                        Assert.True(bytes.AsSpan().IndexOf(form) < 0, $"property {name} of {row.PartitionKey}/{row.RowKey} contains the secret");
                    }
                }
            }
        }

        // The ciphertexts are there (the dump is not trivially empty) and name the key they were written under.
        var stored = Assert.Single(rows);
        Assert.Equal(AesGcmSecretProtector.KeyIdOf(Convert.FromBase64String(KeyA)), stored.GetString("CurrentSecretKeyId"));
        Assert.NotNull(stored.GetBinary("PreviousSecretCiphertext"));
    }

    [Fact]
    public async Task EncryptionKeyRotation_ReadsSecretsWrittenUnderThePreviousKey_AndMovesThemOnTheNextIssue()
    {
        string old;
        await using (var before = await SupplierTestHost.StartAsync(_store, _time, Settings(KeyA)))
        {
            await before.CreateSupplierAsync("acme");
            old = await before.IssueSecretAsync("acme");
        }

        string fresh;
        await using (var during = await SupplierTestHost.StartAsync(_store, _time, Settings(KeyB, KeyA)))
        {
            var response = await during.PostSignedAsync("acme", SupplierTestHost.EtaEvent("evt-1", "lot-1", _time.GetUtcNow(), "2026-04-01"), _time.GetUtcNow(), old);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            fresh = await during.IssueSecretAsync("acme");
        }

        // Both stored secrets are now under key B: a host that no longer knows key A still verifies both.
        await using var after = await SupplierTestHost.StartAsync(_store, _time, Settings(KeyB));
        var row = Assert.Single(await DumpAsync("suppliers"));
        var keyB = AesGcmSecretProtector.KeyIdOf(Convert.FromBase64String(KeyB));
        Assert.Equal(keyB, row.GetString("CurrentSecretKeyId"));
        Assert.Equal(keyB, row.GetString("PreviousSecretKeyId"));
        Assert.Equal(HttpStatusCode.OK, (await after.PostSignedAsync("acme", SupplierTestHost.EtaEvent("evt-2", "lot-2", _time.GetUtcNow(), "2026-04-01"), _time.GetUtcNow(), old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await after.PostSignedAsync("acme", SupplierTestHost.EtaEvent("evt-3", "lot-3", _time.GetUtcNow(), "2026-04-01"), _time.GetUtcNow(), fresh)).StatusCode);
    }

    [Fact]
    public async Task Scorecard_GradesTheSupplierFromItsLotHistory()
    {
        var lots = new InMemorySupplierLotHistory();
        var due = new DateOnly(2026, 2, 1);
        for (var i = 0; i < 4; i++)
        {
            lots.Put(new LotHistory($"lot-{i}", "acme", due, [], 100, 100, due.AddDays(i == 3 ? 6 : 0)));
        }

        lots.Put(new LotHistory("lot-open", "acme", due.AddDays(60), [new EtaChange(_time.GetUtcNow(), due.AddDays(65))], 50, 0, null));
        lots.Put(new LotHistory("other", "globex", due, [], 10, 0, null, Cancelled: true));
        await using var host = await SupplierTestHost.StartAsync(_store, _time, lots: lots);
        await host.CreateSupplierAsync("acme");

        var card = await host.Client.GetFromJsonAsync<JsonElement>("/api/suppliers/acme/scorecard", Ct);

        Assert.Equal(5, card.GetProperty("lots").GetInt32());
        Assert.Equal(4, card.GetProperty("measuredLots").GetInt32());
        Assert.Equal(0.75, card.GetProperty("onTimeInFull").GetDouble());
        Assert.Equal(6, card.GetProperty("p90SlipDays").GetInt32());
        Assert.Equal(0.2, card.GetProperty("etaChangesPerLot").GetDouble());
        Assert.Equal("C", card.GetProperty("grade").GetString());
        Assert.Equal("2026-03-02", card.GetProperty("asOf").GetString());
        Assert.Equal(1, card.GetProperty("toleranceDays").GetInt32());
    }

    [Fact]
    public async Task Scorecard_JudgesOpenLotsAsOfTheShopsToday()
    {
        await using var host = await SupplierTestHost.StartAsync(_store, _time);
        await host.Services.GetRequiredService<Application.Shop.ShopSettingsStore>().PutAsync(new Application.Shop.ShopSettingsRequest("Pacific/Honolulu", "USD", 2, "en-US"), Ct);
        await host.CreateSupplierAsync("acme");

        var card = await host.Client.GetFromJsonAsync<JsonElement>("/api/suppliers/acme/scorecard", Ct);

        // 2026-03-02T09:00Z is still the 1st in Honolulu (UTC−10).
        Assert.Equal("2026-03-01", card.GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task Scorecard_WithoutLots_HasNoGrade()
    {
        await using var host = await SupplierTestHost.StartAsync(_store, _time);
        await host.CreateSupplierAsync("acme");

        var card = await host.Client.GetFromJsonAsync<JsonElement>("/api/suppliers/acme/scorecard", Ct);

        Assert.Equal(0, card.GetProperty("lots").GetInt32());
        Assert.Equal(JsonValueKind.Null, card.GetProperty("grade").ValueKind);
    }

    private static Dictionary<string, string?> Settings(string key, params string[] previous)
    {
        var settings = new Dictionary<string, string?> { ["Presale:Suppliers:SecretEncryptionKey"] = key };
        for (var i = 0; i < previous.Length; i++)
        {
            settings[$"Presale:Suppliers:PreviousSecretEncryptionKeys:{i}"] = previous[i];
        }

        return settings;
    }

    /// <summary>The secret as text, its UTF-8 bytes, its random part, the base64 of both and the decoded random bytes.</summary>
    private static List<byte[]> Forms(string secret)
    {
        var utf8 = Encoding.UTF8.GetBytes(secret);
        var random = secret[SupplierRegistry.SecretPrefix.Length..];
        var padded = random.Replace('-', '+').Replace('_', '/') + "=";
        return
        [
            utf8,
            Encoding.UTF8.GetBytes(random),
            Encoding.UTF8.GetBytes(Convert.ToBase64String(utf8)),
            Encoding.UTF8.GetBytes(Convert.ToBase64String(Convert.FromBase64String(padded))),
            Convert.FromBase64String(padded),
        ];
    }

    private async Task<List<TableEntity>> DumpAsync(string table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _store.QueryAllAsync(table, TableFilter.Ne("PartitionKey", string.Empty), cancellationToken: Ct))
        {
            rows.Add(row);
        }

        return rows;
    }
}
