using Azure.Core;
using Azure.Core.Pipeline;

namespace Presale.Adapters.Diagnostics;

/// <summary>
/// An Azure.Core per-retry policy counting every request attempt the storage SDK clients send (each one is a billed
/// storage transaction), by kind. Add it through <see cref="Storage.StorageClientOptions.AdditionalPerRetryPolicies"/>.
/// Table requests are told apart by the <c>DataServiceVersion</c> header the Table protocol sends with every request:
/// <c>POST …/$batch</c> is a batch; a GET of <c>…(PartitionKey='…',RowKey='…')</c> a point read; a GET of
/// <c>…()</c> a query page; any other request on an entity or a table's entity set a write; the rest (table creation
/// and listing, queue requests) is <see cref="StorageTransactionKind.Other"/>.
/// </summary>
public sealed class StorageTransactionCountingPolicy(StorageTransactionCounter counter) : HttpPipelineSynchronousPolicy
{
    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        counter.Increment(Classify(message.Request));
    }

    /// <summary>What kind of transaction <paramref name="request"/> is.</summary>
    internal static StorageTransactionKind Classify(Request request)
    {
        if (!request.Headers.TryGetValue("DataServiceVersion", out _))
        {
            return StorageTransactionKind.Other;
        }

        var path = Uri.UnescapeDataString(request.Uri.Path).TrimEnd('/');
        var last = path[(path.LastIndexOf('/') + 1)..];
        var isGet = request.Method == RequestMethod.Get;
        return last switch
        {
            "$batch" => StorageTransactionKind.Batch,
            "Tables" or "Tables()" => StorageTransactionKind.Other,
            _ when last.StartsWith("Tables(", StringComparison.Ordinal) => StorageTransactionKind.Other,
            _ when isGet && last.EndsWith("()", StringComparison.Ordinal) => StorageTransactionKind.Query,
            _ when isGet && last.Contains("(PartitionKey=", StringComparison.Ordinal) => StorageTransactionKind.Read,
            _ when isGet => StorageTransactionKind.Other,
            _ => StorageTransactionKind.Write,
        };
    }
}
