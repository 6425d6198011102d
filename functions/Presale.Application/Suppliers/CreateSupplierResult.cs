namespace Presale.Application.Suppliers;

/// <summary>The outcome of registering a supplier.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Supplier">The registered supplier (Created) or the existing one (AlreadyExists); null when invalid.</param>
/// <param name="Errors">Field errors keyed by JSON path (Invalid); empty otherwise.</param>
public sealed record CreateSupplierResult(CreateSupplierStatus Status, SupplierView? Supplier, IReadOnlyDictionary<string, string[]> Errors);
