using System.Net;
using System.Web;
using Azure.Core.Pipeline;
using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Storage;
using Presale.Testing;

namespace Presale.Adapters.Tests.Tables;

/// <summary>
/// The Table adapter against scripted HTTP answers in the shapes Azure documents, for the cases Azurite never produces:
/// an empty page that still carries a continuation, and a failed transaction whose answer does not name the operation.
/// </summary>
public sealed class TableStorageStoreWireTests
{
    private const string AccountKey = "bXkta2V5LWZvci1maXhlZC1hbnN3ZXItc2lnbmluZy10ZXN0cw==";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static TableStorageStore Store(ScriptedHttpHandler handler)
    {
        var options = new StorageClientOptions { Transport = new HttpClientTransport(handler) };
        options.Retry.MaxRetries = 0;
        return new TableStorageStore(StorageAccount.FromConnectionString($"DefaultEndpointsProtocol=https;AccountName=myaccount;AccountKey={AccountKey}"), options);
    }

    private static string? Query(RecordedRequest request, string name) => HttpUtility.ParseQueryString(request.Url.Query)[name];

    /// <summary>A <c>$batch</c> answer whose one inner response is <paramref name="status"/> with <paramref name="message"/>.</summary>
    private static (string Body, (string, string)[] Headers) BatchFailure(int status, string reason, string code, string message)
    {
        var body = string.Join("\r\n",
            "--batchresponse_1",
            "Content-Type: multipart/mixed; boundary=changesetresponse_1",
            string.Empty,
            "--changesetresponse_1",
            "Content-Type: application/http",
            "Content-Transfer-Encoding: binary",
            string.Empty,
            $"HTTP/1.1 {status} {reason}",
            "X-Content-Type-Options: nosniff",
            "DataServiceVersion: 3.0;",
            "Content-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8",
            string.Empty,
            "{\"odata.error\":{\"code\":\"" + code + "\",\"message\":{\"lang\":\"en-US\",\"value\":\"" + message + "\"}}}",
            "--changesetresponse_1--",
            "--batchresponse_1--",
            string.Empty);
        return (body, [("Content-Type", "multipart/mixed; boundary=batchresponse_1")]);
    }

    [Fact]
    public async Task QueryAll_AfterAnEmptyPageWithAContinuation_GoesOnToTheNextPageAndSendsBothTokens()
    {
        var handler = new ScriptedHttpHandler()
            .Respond(HttpStatusCode.OK, """{"value":[]}""", ("x-ms-continuation-NextPartitionKey", "1!8!cA--"), ("x-ms-continuation-NextRowKey", "1!12!cjAwNQ--"))
            .Respond(HttpStatusCode.OK, """{"value":[{"odata.etag":"W/\"datetime'2026-03-02T09%3A00%3A00Z'\"","PartitionKey":"p","RowKey":"r005","Timestamp":"2026-03-02T09:00:00Z","V":5}]}""");

        var rows = await Store(handler).QueryAllAsync("orders", TableFilter.Partition("p"), 10, Ct).ToListAsync(Ct);

        Assert.Equal(["r005"], rows.Select(r => r.RowKey));
        Assert.Equal(5, rows[0].GetInt32("V"));
        var (first, second) = (handler.Requests[0], handler.Requests[1]);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Null(Query(first, "NextPartitionKey"));
        Assert.Null(Query(first, "NextRowKey"));
        Assert.Equal("1!8!cA--", Query(second, "NextPartitionKey"));
        Assert.Equal("1!12!cjAwNQ--", Query(second, "NextRowKey"));
        Assert.Equal("PartitionKey eq 'p'", Query(second, "$filter"));
        Assert.Equal("10", Query(second, "$top"));
        Assert.Equal("/orders()", second.Url.AbsolutePath);
    }

    [Fact]
    public async Task Query_EmptyPageWithOnlyAPartitionContinuation_ReturnsAToken_ThatResumesWithoutARowKey()
    {
        var handler = new ScriptedHttpHandler()
            .Respond(HttpStatusCode.OK, """{"value":[]}""", ("x-ms-continuation-NextPartitionKey", "1!4!cTI-"))
            .Respond(HttpStatusCode.OK, """{"value":[]}""");
        var store = Store(handler);

        var empty = await store.QueryAsync("orders", TableFilter.Gt("V", 1), 1000, null, Ct);
        var last = await store.QueryAsync("orders", TableFilter.Gt("V", 1), 1000, empty.ContinuationToken, Ct);

        Assert.Empty(empty.Items);
        Assert.NotNull(empty.ContinuationToken);
        Assert.Empty(last.Items);
        Assert.Null(last.ContinuationToken);
        Assert.Equal("1!4!cTI-", Query(handler.Requests[1], "NextPartitionKey"));
        Assert.Null(Query(handler.Requests[1], "NextRowKey"));
    }

    [Fact]
    public async Task Transaction_WhoseFailureNamesTheOperation_ReportsThatIndexAndStatus()
    {
        var (body, headers) = BatchFailure(409, "Conflict", "EntityAlreadyExists", "1:The specified entity already exists.");
        var handler = new ScriptedHttpHandler().Respond(HttpStatusCode.Accepted, body, headers);

        var result = await Store(handler).SubmitTransactionAsync("orders", [TableOperation.UpsertReplace(new TableEntity("p", "a")), TableOperation.Insert(new TableEntity("p", "b"))], Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.FailedIndex);
        Assert.Equal(WriteStatus.AlreadyExists, result.FailureStatus);
    }

    [Fact]
    public async Task Transaction_WhoseFailureNamesNoOperation_OfSeveralOperations_ThrowsInsteadOfGuessing()
    {
        var (body, headers) = BatchFailure(412, "Precondition Failed", "UpdateConditionNotSatisfied", "The update condition specified in the request was not satisfied.");
        var handler = new ScriptedHttpHandler().Respond(HttpStatusCode.Accepted, body, headers);
        var etag = new ETag("W/\"datetime'2026-03-02T09%3A00%3A00Z'\"");

        var error = await Assert.ThrowsAsync<FormatException>(() => Store(handler).SubmitTransactionAsync(
            "orders", [TableOperation.Replace(new TableEntity("p", "a"), etag), TableOperation.Delete("p", "b", etag)], Ct));

        Assert.Contains("does not say which operation failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transaction_WhoseFailureNamesNoOperation_OfOneOperation_ReportsThatOne()
    {
        var (body, headers) = BatchFailure(412, "Precondition Failed", "UpdateConditionNotSatisfied", "The update condition specified in the request was not satisfied.");
        var handler = new ScriptedHttpHandler().Respond(HttpStatusCode.Accepted, body, headers);

        var result = await Store(handler).SubmitTransactionAsync(
            "orders", [TableOperation.Replace(new TableEntity("p", "a"), new ETag("W/\"datetime'2026-03-02T09%3A00%3A00Z'\""))], Ct);

        Assert.Equal(0, result.FailedIndex);
        Assert.Equal(WriteStatus.PreconditionFailed, result.FailureStatus);
    }
}
