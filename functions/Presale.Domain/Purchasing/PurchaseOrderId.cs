using Presale.Domain.Common;

namespace Presale.Domain.Purchasing;

/// <summary>
/// The shop's purchase-order number, chosen by whoever creates the order (so a retried create names the same order):
/// the shared identifier rules, at most <see cref="MaxLength"/> characters so that the lot id of each of its lines
/// (<see cref="PurchaseOrderLots"/>) is still an identifier.
/// </summary>
public readonly record struct PurchaseOrderId
{
    /// <summary>The longest purchase-order id accepted.</summary>
    public const int MaxLength = 60;

    private PurchaseOrderId(string value) => Value = value;

    /// <summary>The id.</summary>
    public string Value { get; }

    /// <summary>Parses an id, or returns false with the reason.</summary>
    public static bool TryParse(string? value, out PurchaseOrderId id, out string? error)
    {
        id = default;
        error = Identifier.Validate(value, "A purchase-order id")
            ?? (value!.Length > MaxLength ? $"A purchase-order id has at most {MaxLength} characters." : null);
        if (error is not null)
        {
            return false;
        }

        id = new PurchaseOrderId(value!);
        return true;
    }

    /// <summary>Parses an id known to be valid; throws otherwise.</summary>
    public static PurchaseOrderId From(string value) =>
        TryParse(value, out var id, out var error) ? id : throw new ArgumentException(error, nameof(value));

    /// <inheritdoc />
    public override string ToString() => Value;
}
