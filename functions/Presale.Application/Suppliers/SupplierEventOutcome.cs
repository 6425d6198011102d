using System.Text.Json.Serialization;

namespace Presale.Application.Suppliers;

/// <summary>What became of a supplier webhook event; serialised as <c>applied</c>, <c>duplicate</c> or <c>stale</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SupplierEventOutcome>))]
public enum SupplierEventOutcome
{
    /// <summary>New: its effect is applied together with the ledger's rows.</summary>
    [JsonStringEnumMemberName("applied")]
    Applied = 0,

    /// <summary>This event id was already applied; nothing changes.</summary>
    [JsonStringEnumMemberName("duplicate")]
    Duplicate = 1,

    /// <summary>An ETA update older than the last applied event of its lot; nothing changes.</summary>
    [JsonStringEnumMemberName("stale")]
    Stale = 2,
}
