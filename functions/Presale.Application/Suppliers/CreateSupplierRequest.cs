namespace Presale.Application.Suppliers;

/// <summary>An operator's request to register a supplier.</summary>
/// <param name="Id">The supplier id (1–100 characters, no '/', '\\', '#', '?' or control characters); used in webhook URLs.</param>
/// <param name="Name">Display name (1–200 characters).</param>
/// <param name="Contact">Who to reach.</param>
/// <param name="DefaultLeadTimeDays">Days from purchase order to arrival assumed for lots sent without an ETA (0–365); optional.</param>
public sealed record CreateSupplierRequest(string? Id, string? Name, SupplierContact? Contact, int? DefaultLeadTimeDays);
