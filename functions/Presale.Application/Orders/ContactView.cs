namespace Presale.Application.Orders;

/// <summary>The customer's notification contact.</summary>
/// <param name="Email">E-mail address.</param>
/// <param name="Phone">E.164 phone number.</param>
public sealed record ContactView(string? Email, string? Phone);
