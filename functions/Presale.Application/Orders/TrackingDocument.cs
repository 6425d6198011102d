using System.Text.Json;
using Presale.Application.Common;
using Presale.Domain.Orders;
using Presale.Domain.Reconciliation;

namespace Presale.Application.Orders;

/// <summary>
/// A line's tracking as stored, on the order's line and in the copy its reservation row keeps: pegs as
/// <c>{source, units}</c> with the reconciliation's source names.
/// </summary>
internal sealed record TrackingDocument(PromiseStatus Status, DateOnly? Estimate, int Allocated, IReadOnlyList<TrackingDocument.PegDocument> Pegs, long PlanVersion, DateTimeOffset PlannedAt)
{
    public static TrackingDocument From(LineTracking tracking) => new(
        tracking.Status,
        tracking.Estimate,
        tracking.AllocatedUnits,
        [.. tracking.Pegs.Select(p => new PegDocument(p.Source.Kind, p.Source.LotId, p.Quantity))],
        tracking.PlanVersion,
        tracking.PlannedAt);

    /// <summary>The JSON stored for <paramref name="tracking"/>, or null for none.</summary>
    public static string? Serialize(LineTracking? tracking) =>
        tracking is null ? null : JsonSerializer.Serialize(From(tracking), PresaleJson.Options);

    /// <summary>The tracking stored as <paramref name="json"/>, or null for none.</summary>
    public static LineTracking? Deserialize(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<TrackingDocument>(json, PresaleJson.Options)?.ToTracking();

    public LineTracking ToTracking() => new(
        Status,
        Estimate,
        Allocated,
        [.. Pegs.Select(p => new Peg(new SupplySource(p.Kind, p.Lot), p.Units))],
        PlanVersion,
        PlannedAt);

    internal sealed record PegDocument(SupplySourceKind Kind, string? Lot, int Units);
}
