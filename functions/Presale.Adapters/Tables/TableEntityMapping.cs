using Presale.Application.Storage;
using SdkEntity = Azure.Data.Tables.TableEntity;

namespace Presale.Adapters.Tables;

/// <summary>
/// Maps the port's <see cref="TableEntity"/> to and from Azure.Data.Tables' dictionary entity. The port already keeps
/// a decimal as its invariant string and a DateTime as a UTC DateTimeOffset, so writes hand the SDK only types it
/// annotates itself (Int64 as an <c>Edm.Int64</c> string, so values beyond 2^53 stay exact; Double always as
/// <c>Edm.Double</c>); reads turn the SDK's <see cref="DateTime"/> (UTC) back into a <see cref="DateTimeOffset"/>.
/// </summary>
internal static class TableEntityMapping
{
    private const string PartitionKey = "PartitionKey";
    private const string RowKey = "RowKey";
    private const string Timestamp = "Timestamp";
    private const string ODataETag = "odata.etag";

    public static SdkEntity ToSdk(TableEntity entity)
    {
        var sdk = new SdkEntity(entity.PartitionKey, entity.RowKey);
        foreach (var (name, value) in entity.Properties)
        {
            sdk[name] = value;
        }

        return sdk;
    }

    public static TableEntity FromSdk(SdkEntity sdk)
    {
        var properties = new List<KeyValuePair<string, object?>>(sdk.Count);
        foreach (var (name, value) in sdk)
        {
            if (name is PartitionKey or RowKey or Timestamp or ODataETag)
            {
                continue;
            }

            properties.Add(new(name, value switch
            {
                DateTime time => new DateTimeOffset(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc)),
                BinaryData binary => binary.ToArray(),
                _ => value,
            }));
        }

        return new TableEntity(sdk.PartitionKey, sdk.RowKey, properties, ToPort(sdk.ETag)) { Timestamp = sdk.Timestamp };
    }

    public static ETag ToPort(Azure.ETag etag) => etag == default ? default : new ETag(etag.ToString());

    public static Azure.ETag ToSdk(ETag etag) => etag.Value == ETag.Any.Value ? Azure.ETag.All : new Azure.ETag(etag.Value);
}
