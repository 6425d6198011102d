using System.Net;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Presale.Adapters.ServiceBus;
using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Storage;
using Presale.Testing;

namespace Presale.Adapters.Tests.Storage;

/// <summary>
/// Shared Key Lite (tables), Shared Key (queues) and the Service Bus SAS against fixed answers for real-account URLs.
/// Each expected string-to-sign is written out by hand from Microsoft's rules ("Authorize with Shared Key",
/// "Service Bus access control with Shared Access Signatures"); each expected signature was computed outside .NET
/// (Python's hmac/hashlib/base64 over that literal string), so a change in canonicalisation shows up here, not only
/// as a 403 from a real account.
/// </summary>
public sealed class SigningTests
{
    private const string Account = "myaccount";
    private const string AccountKey = "bXkta2V5LWZvci1maXhlZC1hbnN3ZXItc2lnbmluZy10ZXN0cw==";
    private const string Date = "Mon, 02 Mar 2026 09:00:00 GMT";
    private static readonly byte[] Key = Convert.FromBase64String(AccountKey);
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static HttpMessage Message(RequestMethod method, string url, byte[]? body = null, params (string Name, string Value)[] headers)
    {
        var request = new HttpClientTransport().CreateRequest();
        request.Method = method;
        request.Uri.Reset(new Uri(url));
        foreach (var (name, value) in headers)
        {
            request.Headers.SetValue(name, value);
        }

        if (body is not null)
        {
            request.Content = RequestContent.Create(body);
        }

        return new HttpMessage(request, new ResponseClassifier());
    }

    private static string Authorization(HttpMessage message) =>
        message.Request.Headers.TryGetValue("Authorization", out var value) ? value : throw new InvalidOperationException("No Authorization header.");

    // ---- Shared Key Lite (Table service) ------------------------------------------------------------------------

    public static TheoryData<string, string, string> SharedKeyLiteCases => new()
    {
        // A query: the canonicalized resource is the path alone; $filter and $top are not signed.
        { "https://myaccount.table.core.windows.net/mytable()?$filter=PartitionKey%20eq%20%27p%27&$top=5", Date + "\n/myaccount/mytable()", "PMEJI2ytoRgHcN0rU9g47S/kiBwBCPSFE5hbVp1FTjs=" },
        // Only the comp parameter is part of the resource, whatever else the query holds.
        { "https://myaccount.table.core.windows.net/mytable?timeout=30&comp=acl", Date + "\n/myaccount/mytable?comp=acl", "VCYRPc0R+1WU1gZyWA0xqA1OBmBHQQqQlMLRhCV8SBU=" },
        // An entity: the path is signed as it is sent, percent-encoding and doubled quotes included.
        { "https://myaccount.table.core.windows.net/mytable" + TableStorageStore.KeyPath("a b", "it's"), Date + "\n/myaccount/mytable(PartitionKey='a%20b',RowKey='it%27%27s')", "4wwvwiJeXTRB6vCQGM8H4HfAEgyNu+U7Gd9IueaAnWI=" },
        { "https://myaccount.table.core.windows.net/$batch", Date + "\n/myaccount/$batch", "ssnwortMtKDXCJ4W3/o60agBuwRQSdlEK4DdUMi6dPc=" },
    };

    [Theory]
    [MemberData(nameof(SharedKeyLiteCases))]
    public void SharedKeyLite_SignsDateAndCanonicalizedResource_ForHostStyleUrls(string url, string stringToSign, string signature)
    {
        using var message = Message(RequestMethod.Get, url, null, ("x-ms-version", "2019-02-02"), ("x-ms-date", Date), ("Content-Type", "application/json"));

        new SharedKeyLitePolicy(Account, Key).OnSendingRequest(message);

        Assert.Equal(stringToSign, SharedKeyLitePolicy.StringToSign(Account, message.Request));
        Assert.Equal($"SharedKeyLite {Account}:{signature}", Authorization(message));
    }

    [Fact]
    public async Task TableAdapter_OnTheWire_SendsTheFixedSharedKeyLiteSignature()
    {
        var handler = new ScriptedHttpHandler().Respond(HttpStatusCode.OK, """{"value":[]}""");
        var options = new StorageClientOptions { Transport = new HttpClientTransport(handler), TimeProvider = new ManualTimeProvider() };
        options.Retry.MaxRetries = 0;
        var store = new TableStorageStore(StorageAccount.FromConnectionString($"DefaultEndpointsProtocol=https;AccountName={Account};AccountKey={AccountKey}"), options);

        await store.QueryAsync("mytable", TableFilter.Partition("p"), 5, null, Ct);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(Date, request.Header("x-ms-date"));
        Assert.Equal("https://myaccount.table.core.windows.net/mytable()", request.Url.GetLeftPart(UriPartial.Path));
        Assert.Equal($"SharedKeyLite {Account}:PMEJI2ytoRgHcN0rU9g47S/kiBwBCPSFE5hbVp1FTjs=", request.Header("Authorization"));
    }

    // ---- Shared Key (Queue service) -----------------------------------------------------------------------------

    [Fact]
    public void SharedKey_PutMessage_SignsLengthTypeSortedXmsHeadersAndSortedQuery()
    {
        var body = Encoding.UTF8.GetBytes("<QueueMessage><MessageText>aGVsbG8gd29ybGQhISE=</MessageText></QueueMessage>");
        using var message = Message(
            RequestMethod.Post,
            "https://myaccount.queue.core.windows.net/myqueue/messages?visibilitytimeout=30&messagettl=-1",
            body,
            ("x-ms-version", "2019-02-02"),
            ("Content-Type", "application/xml"),
            ("x-ms-date", Date),
            ("x-ms-client-request-id", "abc"));

        new SharedKeyPolicy(Account, Key).OnSendingRequest(message);

        Assert.Equal(76, body.Length);
        Assert.Equal(
            "POST\n\n\n76\n\napplication/xml\n\n\n\n\n\n\n" +
            "x-ms-client-request-id:abc\nx-ms-date:" + Date + "\nx-ms-version:2019-02-02\n" +
            "/myaccount/myqueue/messages\nmessagettl:-1\nvisibilitytimeout:30",
            SharedKeyPolicy.StringToSign(Account, message.Request));
        Assert.Equal($"SharedKey {Account}:Rz3L8UDWuAEDVt2vME90WG/gssNDsfOE0Jvudie+VI8=", Authorization(message));
    }

    [Fact]
    public void SharedKey_ServiceLevelList_LeavesContentLengthEmpty_AndSignsTheRootPath()
    {
        using var message = Message(RequestMethod.Get, "https://myaccount.queue.core.windows.net/?comp=list&maxresults=1", null, ("x-ms-version", "2019-02-02"), ("x-ms-date", Date));

        new SharedKeyPolicy(Account, Key).OnSendingRequest(message);

        Assert.Equal(
            "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:" + Date + "\nx-ms-version:2019-02-02\n/myaccount/\ncomp:list\nmaxresults:1",
            SharedKeyPolicy.StringToSign(Account, message.Request));
        Assert.Equal($"SharedKey {Account}:g2hsdlDSGYKj5t2jxYHm3WILlHzIypaUP8REAOs4WrY=", Authorization(message));
    }

    [Fact]
    public void SharedKey_DeleteMessage_SignsTheDecodedPopReceipt_AndOrdersXmsHeadersByName()
    {
        using var message = Message(
            RequestMethod.Delete,
            "https://myaccount.queue.core.windows.net/myqueue/messages/6f9c1b2e-1a2b-4c3d-8e9f-0123456789ab?popreceipt=AgAAAAMAAAAAAAAA%2B%2FZw%3D%3D",
            null,
            ("x-ms-version", "2019-02-02"),
            ("x-ms-return-client-request-id", "true"),
            ("x-ms-date", Date));

        new SharedKeyPolicy(Account, Key).OnSendingRequest(message);

        Assert.Equal(
            "DELETE\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:" + Date + "\nx-ms-return-client-request-id:true\nx-ms-version:2019-02-02\n" +
            "/myaccount/myqueue/messages/6f9c1b2e-1a2b-4c3d-8e9f-0123456789ab\npopreceipt:AgAAAAMAAAAAAAAA+/Zw==",
            SharedKeyPolicy.StringToSign(Account, message.Request));
        Assert.Equal($"SharedKey {Account}:q/346nQ7dOLqJiOSR8hR8aXAuuH/QCFD6XAUi4NFX8k=", Authorization(message));
    }

    // ---- Service Bus SAS ---------------------------------------------------------------------------------------

    [Fact]
    public void ServiceBusSas_IsScopedToTheEntity_LowercasedAndUrlEncoded_WithAOneHourExpiry()
    {
        const string key = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seQ==";
        using var message = Message(RequestMethod.Post, "https://mynamespace.servicebus.windows.net/Orders/messages?timeout=60");

        new ServiceBusSasPolicy("RootManageSharedAccessKey", key, new ManualTimeProvider(), TimeSpan.FromHours(1)).OnSendingRequest(message);

        // urlencode("https://mynamespace.servicebus.windows.net/orders") + "\n" + "1772445600" (2026-03-02T10:00:00Z), keyed with the key's UTF-8 bytes.
        const string expected = "SharedAccessSignature sr=https%3A%2F%2Fmynamespace.servicebus.windows.net%2Forders" +
            "&sig=nhocZIVFFej8HBdOGcfuqSCX7hdENignsfpQt5gd6XI%3D&se=1772445600&skn=RootManageSharedAccessKey";
        Assert.Equal(expected, Authorization(message));
        Assert.Equal(expected, ServiceBusSasPolicy.CreateToken("https://mynamespace.servicebus.windows.net/orders", "RootManageSharedAccessKey", key, "1772445600"));
    }
}
