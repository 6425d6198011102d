using Presale.Domain.Returns;

namespace Presale.Application.IntegrationEvents;

/// <summary>
/// The <c>return.received</c> event: the units one receipt recorded, with their inspected grades. It is no customer
/// notification, so it is written as its own row of the returns outbox in the receipt's transaction
/// (<c>ReturnSettlement</c>). <c>return.decided</c> is the "return decided" notification's event (<see cref="NotificationEvents"/>).
/// </summary>
public static class ReturnEvents
{
    /// <summary>
    /// The event for <paramref name="units"/> of <paramref name="request"/> received at <paramref name="at"/>; its key,
    /// <c>return-received:{returnId}:{first unit id}</c>, names the receipt: a unit is received once, so the first
    /// (ordinal) unit of a receipt belongs to no other receipt of the return, however close together two receipts come.
    /// </summary>
    public static IntegrationEvent Received(ReturnRequest request, IReadOnlyList<ReturnUnit> units, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count == 0 || units.Any(u => u.Grade is null))
        {
            throw new ArgumentException("A receipt event names at least one received unit.", nameof(units));
        }

        var skus = units.Select(u => u.Id.Sku.Value).Distinct(StringComparer.Ordinal).ToList();
        var properties = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [IntegrationEventProperties.CustomerId] = request.CustomerId,
            [IntegrationEventProperties.OrderId] = request.OrderId,
            [IntegrationEventProperties.ReturnId] = request.Id,
        };
        IntegrationEventProperties.AddSkus(properties, skus);

        return IntegrationEvent.Create(
            IntegrationEventTypes.ReturnReceived,
            $"return-received:{request.Id}:{units.Select(u => u.Id.ToString()).Min(StringComparer.Ordinal)}",
            at,
            request.Id,
            new ReturnReceivedData(request.Id, request.OrderId, request.CustomerId, [.. units.Select(u => new ReturnedUnitData(u.Id.ToString(), u.Id.Sku.Value, u.Grade!.Value))]),
            properties);
    }
}
