namespace Presale.Application.Suppliers;

/// <summary>Who to reach at a supplier about its shipments (an email or a phone number is required).</summary>
/// <param name="Name">The contact person or desk; optional.</param>
/// <param name="Email">Email address; optional when <paramref name="Phone"/> is given.</param>
/// <param name="Phone">Phone number; optional when <paramref name="Email"/> is given.</param>
public sealed record SupplierContact(string? Name, string? Email, string? Phone);
