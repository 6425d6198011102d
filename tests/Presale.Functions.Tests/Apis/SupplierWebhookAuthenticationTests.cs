using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Presale.Adapters.InMemory;
using Presale.Testing;

namespace Presale.Functions.Tests.Apis;

public sealed class SupplierWebhookAuthenticationTests : IAsyncLifetime
{
    private readonly InMemoryTableStore _store = new();
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private SupplierTestHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await SupplierTestHost.StartAsync(_store, _time);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_WithValidSignature_RunsTheHandlerWithTheVerifiedBody()
    {
        var supplier = await _host.CreateSupplierAsync("acme");
        var secret = await _host.IssueSecretAsync(supplier);
        var body = SupplierTestHost.EtaEvent("evt-1", "lot-1", _time.GetUtcNow(), "2026-04-01");

        var response = await _host.PostSignedAsync(supplier, body, _time.GetUtcNow(), secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("applied", (await Json(response)).GetProperty("outcome").GetString());
        Assert.Equal("2026-04-01", await LotEtaAsync(supplier, "lot-1"));
    }

    [Fact]
    public async Task Post_SignedWithAnotherSecret_Is401MismatchAndTheHandlerDoesNotRun()
    {
        var supplier = await _host.CreateSupplierAsync("acme");
        await _host.IssueSecretAsync(supplier);
        var body = SupplierTestHost.EtaEvent("evt-1", "lot-1", _time.GetUtcNow(), "2026-04-01");

        var response = await _host.PostSignedAsync(supplier, body, _time.GetUtcNow(), "whsec_not-the-suppliers-secret");

        await AssertUnauthorizedAsync(response, "signature-mismatch");
        Assert.Null(await LotEtaAsync(supplier, "lot-1"));
    }

    [Fact]
    public async Task Post_WithBodyChangedAfterSigning_Is401Mismatch()
    {
        var supplier = await _host.CreateSupplierAsync("acme");
        var secret = await _host.IssueSecretAsync(supplier);
        var signed = SupplierTestHost.EtaEvent("evt-1", "lot-1", _time.GetUtcNow(), "2026-04-01");
        var signature = Presale.Domain.Security.WebhookSigner.Sign(System.Text.Encoding.UTF8.GetBytes(signed), _time.GetUtcNow(), secret);
        var tampered = signed.Replace("2026-04-01", "2026-04-09", StringComparison.Ordinal);

        var response = await _host.PostWebhookAsync(supplier, tampered, signature);

        await AssertUnauthorizedAsync(response, "signature-mismatch");
        Assert.Null(await LotEtaAsync(supplier, "lot-1"));
    }

    [Fact]
    public async Task Post_SignedLongerAgoThanTheReplayWindow_Is401Expired()
    {
        var supplier = await _host.CreateSupplierAsync("acme");
        var secret = await _host.IssueSecretAsync(supplier);
        var signedAt = _time.GetUtcNow() - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1);
        var body = SupplierTestHost.EtaEvent("evt-1", "lot-1", signedAt, "2026-04-01");

        var response = await _host.PostSignedAsync(supplier, body, signedAt, secret);

        await AssertUnauthorizedAsync(response, "signature-expired");
    }

    [Fact]
    public async Task Post_SignedAtTheEdgeOfTheReplayWindow_IsAccepted()
    {
        var supplier = await _host.CreateSupplierAsync("acme");
        var secret = await _host.IssueSecretAsync(supplier);
        var old = _time.GetUtcNow() - TimeSpan.FromMinutes(5);
        var ahead = _time.GetUtcNow() + TimeSpan.FromMinutes(5);

        var late = await _host.PostSignedAsync(supplier, SupplierTestHost.EtaEvent("evt-1", "lot-1", old, "2026-04-01"), old, secret);
        var early = await _host.PostSignedAsync(supplier, SupplierTestHost.EtaEvent("evt-2", "lot-2", ahead, "2026-04-01"), ahead, secret);

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
    }

    [Fact]
    public async Task Post_SignedFurtherAheadThanTheReplayWindow_Is401FutureTimestamp()
    {
        var supplier = await _host.CreateSupplierAsync("acme");
        var secret = await _host.IssueSecretAsync(supplier);
        var signedAt = _time.GetUtcNow() + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);

        var response = await _host.PostSignedAsync(supplier, SupplierTestHost.EtaEvent("evt-1", "lot-1", signedAt, "2026-04-01"), signedAt, secret);

        await AssertUnauthorizedAsync(response, "signature-timestamp-in-future");
    }

    [Theory]
    [InlineData(null, "signature-missing")]
    [InlineData("", "signature-missing")]
    [InlineData("v1=abc", "signature-malformed")]
    [InlineData("t=1772442000", "signature-malformed")]
    [InlineData("t=soon,v1=0000000000000000000000000000000000000000000000000000000000000000", "signature-malformed")]
    public async Task Post_WithoutAWellFormedHeader_Is401NamingTheFault(string? header, string code)
    {
        var supplier = await _host.CreateSupplierAsync("acme");
        await _host.IssueSecretAsync(supplier);

        var response = await _host.PostWebhookAsync(supplier, SupplierTestHost.EtaEvent("evt-1", "lot-1", _time.GetUtcNow(), "2026-04-01"), header);

        await AssertUnauthorizedAsync(response, code);
    }

    [Fact]
    public async Task Post_ForAnUnknownSupplierOrOneWithoutSecret_AnswersExactlyLikeAWrongSignature()
    {
        var known = await _host.CreateSupplierAsync("acme");
        await _host.IssueSecretAsync(known);
        var noSecret = await _host.CreateSupplierAsync("nosecret");
        var body = SupplierTestHost.EtaEvent("evt-1", "lot-1", _time.GetUtcNow(), "2026-04-01");

        var wrong = await _host.PostSignedAsync(known, body, _time.GetUtcNow(), "whsec_guess");
        var unknown = await _host.PostSignedAsync("ghost", body, _time.GetUtcNow(), "whsec_guess");
        var withoutSecret = await _host.PostSignedAsync(noSecret, body, _time.GetUtcNow(), "whsec_guess");
        var unknownExpired = await _host.PostSignedAsync("ghost", body, _time.GetUtcNow() - TimeSpan.FromHours(1), "whsec_guess");

        var reference = await AssertUnauthorizedAsync(wrong, "signature-mismatch");
        Assert.Equal(reference, await AssertUnauthorizedAsync(unknown, "signature-mismatch"));
        Assert.Equal(reference, await AssertUnauthorizedAsync(withoutSecret, "signature-mismatch"));
        await AssertUnauthorizedAsync(unknownExpired, "signature-expired");
    }

    [Fact]
    public async Task Post_ReplayedEventId_IsAcknowledgedAsDuplicateAndChangesNothing()
    {
        var supplier = await _host.CreateSupplierAsync("acme");
        var secret = await _host.IssueSecretAsync(supplier);
        var first = SupplierTestHost.EtaEvent("evt-1", "lot-1", _time.GetUtcNow(), "2026-04-01");
        Assert.Equal(HttpStatusCode.OK, (await _host.PostSignedAsync(supplier, first, _time.GetUtcNow(), secret)).StatusCode);

        // The captured request replayed inside the window, and the same event id re-sent later with another ETA.
        _time.Advance(TimeSpan.FromMinutes(2));
        var replay = await _host.PostSignedAsync(supplier, first, _time.GetUtcNow(), secret);
        var reused = await _host.PostSignedAsync(supplier, SupplierTestHost.EtaEvent("evt-1", "lot-1", _time.GetUtcNow(), "2026-05-30"), _time.GetUtcNow(), secret);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("duplicate", (await Json(replay)).GetProperty("outcome").GetString());
        Assert.Equal("duplicate", (await Json(reused)).GetProperty("outcome").GetString());
        Assert.Equal("2026-04-01", await LotEtaAsync(supplier, "lot-1"));
    }

    [Fact]
    public async Task Post_EventOlderThanTheLastAppliedOneOfItsLot_IsAcknowledgedAsStaleAndChangesNothing()
    {
        var supplier = await _host.CreateSupplierAsync("acme");
        var secret = await _host.IssueSecretAsync(supplier);
        var now = _time.GetUtcNow();
        await _host.PostSignedAsync(supplier, SupplierTestHost.EtaEvent("evt-2", "lot-1", now, "2026-04-10"), now, secret);

        var older = await _host.PostSignedAsync(supplier, SupplierTestHost.EtaEvent("evt-1", "lot-1", now - TimeSpan.FromHours(3), "2026-04-01"), now, secret);
        var otherLot = await _host.PostSignedAsync(supplier, SupplierTestHost.EtaEvent("evt-3", "lot-2", now - TimeSpan.FromHours(3), "2026-04-01"), now, secret);

        var ack = await Json(older);
        Assert.Equal("stale", ack.GetProperty("outcome").GetString());
        Assert.Equal(now, ack.GetProperty("lastAppliedSupplierTimestamp").GetDateTimeOffset());
        Assert.Equal("2026-04-10", await LotEtaAsync(supplier, "lot-1"));
        Assert.Equal("applied", (await Json(otherLot)).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Rotation_AcceptsOldAndNewSecretDuringTheOverlap_AndOnlyTheNewOneAfterIt()
    {
        var supplier = await _host.CreateSupplierAsync("acme");
        var old = await _host.IssueSecretAsync(supplier);
        _time.Advance(TimeSpan.FromHours(1));
        var fresh = await _host.IssueSecretAsync(supplier);
        Assert.NotEqual(old, fresh);

        _time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(HttpStatusCode.OK, (await PostNewEventAsync(supplier, old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostNewEventAsync(supplier, fresh)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostNewEventAsync(supplier, fresh, old)).StatusCode);

        _time.Advance(TimeSpan.FromHours(1));
        await AssertUnauthorizedAsync(await PostNewEventAsync(supplier, old), "signature-mismatch");
        Assert.Equal(HttpStatusCode.OK, (await PostNewEventAsync(supplier, fresh)).StatusCode);
    }

    [Fact]
    public async Task Rotation_EndedEarly_RejectsThePreviousSecretAtOnce()
    {
        var supplier = await _host.CreateSupplierAsync("acme");
        var old = await _host.IssueSecretAsync(supplier);
        var fresh = await _host.IssueSecretAsync(supplier);

        var ended = await _host.Client.DeleteAsync(new Uri($"/api/suppliers/{supplier}/webhook-secrets/previous", UriKind.Relative), Ct);
        var again = await _host.Client.DeleteAsync(new Uri($"/api/suppliers/{supplier}/webhook-secrets/previous", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        await AssertUnauthorizedAsync(await PostNewEventAsync(supplier, old), "signature-mismatch");
        Assert.Equal(HttpStatusCode.OK, (await PostNewEventAsync(supplier, fresh)).StatusCode);
    }

    [Fact]
    public async Task Rotation_IssuedAgainDuringTheOverlap_KeepsThePreviousAndReplacesTheUnconfirmedCurrent()
    {
        var supplier = await _host.CreateSupplierAsync("acme");
        var first = await _host.IssueSecretAsync(supplier);
        var lost = await _host.IssueSecretAsync(supplier);
        _time.Advance(TimeSpan.FromHours(2));
        var third = await _host.IssueSecretAsync(supplier);

        Assert.Equal(HttpStatusCode.OK, (await PostNewEventAsync(supplier, first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostNewEventAsync(supplier, third)).StatusCode);
        await AssertUnauthorizedAsync(await PostNewEventAsync(supplier, lost), "signature-mismatch");

        // The previous secret keeps the deadline of the first rotation (24 h after the second issue).
        _time.Advance(TimeSpan.FromHours(22));
        await AssertUnauthorizedAsync(await PostNewEventAsync(supplier, first), "signature-mismatch");
    }

    [Fact]
    public async Task Post_WithBodyOverTheLimit_Is413BeforeAnyCheck()
    {
        var supplier = await _host.CreateSupplierAsync("acme");
        var secret = await _host.IssueSecretAsync(supplier);
        var body = "{\"pad\":\"" + new string('x', 70 * 1024) + "\"}";

        var response = await _host.PostSignedAsync(supplier, body, _time.GetUtcNow(), secret);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private int _events;

    private Task<HttpResponseMessage> PostNewEventAsync(string supplier, params string[] secrets)
    {
        var id = Interlocked.Increment(ref _events);
        var body = SupplierTestHost.EtaEvent($"evt-{id}", $"lot-{id}", _time.GetUtcNow(), "2026-04-01");
        return _host.PostSignedAsync(supplier, body, _time.GetUtcNow(), secrets);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    /// <summary>Asserts a 401 problem with <paramref name="code"/>; returns the body for comparisons.</summary>
    private static async Task<string> AssertUnauthorizedAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Presale-Signature");
        var body = await response.Content.ReadAsStringAsync(Ct);
        using var document = JsonDocument.Parse(body);
        Assert.Equal(code, document.RootElement.GetProperty("code").GetString());
        Assert.Equal(401, document.RootElement.GetProperty("status").GetInt32());
        return body;
    }

    private async Task<string?> LotEtaAsync(string supplier, string lot)
    {
        await _store.CreateTableIfNotExistsAsync(SupplierTestHost.LotsTable, Ct);
        var row = await _store.GetAsync(SupplierTestHost.LotsTable, supplier, "lot|" + lot, Ct);
        return row?.GetString("Eta");
    }
}
