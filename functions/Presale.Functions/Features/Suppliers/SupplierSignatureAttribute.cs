namespace Presale.Functions.Features.Suppliers;

/// <summary>
/// Declares that an HTTP function is a supplier webhook that needs a valid <c>Presale-Signature</c> header; the function
/// checks it first with <see cref="SupplierWebhookAuthenticationFilter.VerifyAsync"/>. The OpenAPI document declares the
/// header and the check's 401 and 413 answers from it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SupplierSignatureAttribute : Attribute;
