using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Presale.Application.Common;
using Presale.Application.Storage;

namespace Presale.Functions.Tests.Apis;

/// <summary>A placement whose reservation meets a concurrent change on every attempt gives up with 503 and Retry-After, not 500.</summary>
public sealed class ContentionApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlaceOrder_WhenEveryReservationAttemptMeetsAConcurrentChange_Answers503ProblemWithRetryAfter()
    {
        ConflictingReservations? store = null;
        await using var factory = new OrdersApiFactory(inner => store = new ConflictingReservations(inner));
        using var client = factory.CreateKeyedClient();
        await SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"Europe/Berlin","currency":"EUR","defaultHandlingDays":2,"locale":"de-DE"}""", null, HttpStatusCode.OK);
        await SendAsync(client, HttpMethod.Put, "/api/skus/KB-75", """{"preSaleEnabled":true,"cap":5,"maxPerOrder":5}""", null, HttpStatusCode.Created);
        store!.Conflict = true;

        using var response = await SendAsync(client, HttpMethod.Post, "/api/orders", """{"customerId":"c1","tier":"gold","notificationContact":{"email":"jane@example.com"},"lines":[{"sku":"KB-75","quantity":1,"unitPrice":10}],"currency":"EUR","acceptPreSaleTerms":true}""", "k1", HttpStatusCode.ServiceUnavailable);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal("urn:presale:problem:contention", problem["type"]!.GetValue<string>());
        Assert.Equal(503, problem["status"]!.GetValue<int>());
        Assert.Equal(ConflictBackoff.MaxAttempts, store.ReservationAttempts);

        // The same request retried once the contention is over gets the order.
        store.Conflict = false;
        using var retry = await SendAsync(client, HttpMethod.Post, "/api/orders", """{"customerId":"c1","tier":"gold","notificationContact":{"email":"jane@example.com"},"lines":[{"sku":"KB-75","quantity":1,"unitPrice":10}],"currency":"EUR","acceptPreSaleTerms":true}""", "k1", HttpStatusCode.Created);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string body, string? key, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await client.SendAsync(request, Ct);
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return response;
    }

    /// <summary>While <see cref="Conflict"/>, every reservation transaction fails as if a shard had just changed.</summary>
    private sealed class ConflictingReservations(ITableStore inner) : ITableStore
    {
        private int _attempts;

        public bool Conflict { get; set; }

        public int ReservationAttempts => Volatile.Read(ref _attempts);

        public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default) => inner.CreateTableIfNotExistsAsync(table, cancellationToken);

        public Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) => inner.GetAsync(table, partitionKey, rowKey, cancellationToken);

        public Task<WriteResult> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default) => inner.InsertAsync(table, entity, cancellationToken);

        public Task<WriteResult> ReplaceAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) => inner.ReplaceAsync(table, entity, ifMatch, cancellationToken);

        public Task<WriteResult> MergeAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) => inner.MergeAsync(table, entity, ifMatch, cancellationToken);

        public Task<WriteResult> UpsertAsync(string table, TableEntity entity, bool merge = false, CancellationToken cancellationToken = default) => inner.UpsertAsync(table, entity, merge, cancellationToken);

        public Task<WriteResult> DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default) => inner.DeleteAsync(table, partitionKey, rowKey, ifMatch, cancellationToken);

        public Task<TablePage> QueryAsync(string table, TableFilter filter, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default) =>
            inner.QueryAsync(table, filter, pageSize, continuationToken, cancellationToken);

        public Task<TransactionResult> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken = default)
        {
            if (Conflict && operations.Any(o => o.Kind == TableOperationKind.Insert && o.Entity.RowKey.StartsWith("7|res|", StringComparison.Ordinal)))
            {
                Interlocked.Increment(ref _attempts);
                return Task.FromResult(TransactionResult.Failure(0, WriteStatus.PreconditionFailed));
            }

            return inner.SubmitTransactionAsync(table, operations, cancellationToken);
        }
    }
}
