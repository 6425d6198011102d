namespace Presale.Application.Orders;

/// <summary>The outcome of recording a shipment.</summary>
public abstract record RecordShipmentResult
{
    private RecordShipmentResult()
    {
    }

    /// <summary>Recorded now (<paramref name="Changed"/>) or already as given.</summary>
    public sealed record Recorded(OrderFulfilmentView Fulfilment, bool Changed) : RecordShipmentResult;

    /// <summary>A field is wrong (each error names it).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : RecordShipmentResult;

    /// <summary>The order cannot ship, or another shipment was recorded under this id.</summary>
    public sealed record Conflict(string Slug, string Message, string Status) : RecordShipmentResult;

    /// <summary>No such order.</summary>
    public sealed record NotFound : RecordShipmentResult;
}
