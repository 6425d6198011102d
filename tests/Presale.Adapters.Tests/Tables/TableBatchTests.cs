using Presale.Adapters.Tables;
using Presale.Application.Storage;

namespace Presale.Adapters.Tests.Tables;

/// <summary>The $batch body and response parsing, checked against the shapes Microsoft documents for Azure (not only Azurite's).</summary>
public sealed class TableBatchTests
{
    [Fact]
    public void Build_WritesOneChangesetWithAbsoluteUrlsAndConditions()
    {
        var (body, contentType) = TableBatch.Build(
            new Uri("https://acct.table.core.windows.net"),
            "orders",
            [TableOperation.Insert(new TableEntity("p", "a")), TableOperation.Delete("p", "it's", new ETag("W/\"x\""))]);
        var text = System.Text.Encoding.UTF8.GetString(body);

        Assert.StartsWith("multipart/mixed; boundary=batch_", contentType, StringComparison.Ordinal);
        Assert.Contains("POST https://acct.table.core.windows.net/orders HTTP/1.1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DELETE https://acct.table.core.windows.net/orders(PartitionKey='p',RowKey='it%27%27s') HTTP/1.1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("If-Match: W/\"x\"\r\n", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split("Content-Type: application/http").Length - 1);
        Assert.EndsWith("--\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AzureFailureResponse_FindsTheFailingIndexInTheMessage()
    {
        const string response =
            "--batchresponse_7f2a\r\nContent-Type: multipart/mixed; boundary=changesetresponse_91c3\r\n\r\n" +
            "--changesetresponse_91c3\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "HTTP/1.1 412 Precondition Failed\r\nX-Content-Type-Options: nosniff\r\nDataServiceVersion: 3.0;\r\nContent-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8\r\n\r\n" +
            "{\"odata.error\":{\"code\":\"UpdateConditionNotSatisfied\",\"message\":{\"lang\":\"en-US\",\"value\":\"3:The update condition specified in the request was not satisfied.\\nRequestId:1\\nTime:2026-03-02T09:00:00.0000000Z\"}}}\r\n" +
            "--changesetresponse_91c3--\r\n--batchresponse_7f2a--\r\n";

        var inner = Assert.Single(TableBatch.Parse(response));

        Assert.Equal(412, inner.Status);
        Assert.Equal(3, TableBatch.FailedIndex(inner));
    }

    [Fact]
    public void Parse_SuccessResponse_ReturnsEveryInnerResponseWithItsETag()
    {
        const string response =
            "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_2\r\n\r\n" +
            "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "HTTP/1.1 204 No Content\r\nETag: W/\"datetime'2026-03-02T09%3A00%3A00.1Z'\"\r\n\r\n\r\n" +
            "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "HTTP/1.1 204 No Content\r\n\r\n\r\n" +
            "--changesetresponse_2--\r\n--batchresponse_1--\r\n";

        var inner = TableBatch.Parse(response);

        Assert.Equal([204, 204], inner.Select(r => r.Status));
        Assert.Equal("W/\"datetime'2026-03-02T09%3A00%3A00.1Z'\"", inner[0].Headers["ETag"]);
        Assert.False(inner[1].Headers.ContainsKey("ETag"));
    }

    [Fact]
    public void FailedIndex_WithoutAnIndexInTheMessage_FallsBackToTheContentId()
    {
        var inner = new TableBatch.InnerResponse(409, new Dictionary<string, string> { ["Content-ID"] = "5" }, "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"value\":\"The specified entity already exists.\"}}}");

        Assert.Equal(5, TableBatch.FailedIndex(inner));
    }
}
