using FluentValidation;
using Presale.Application.Common;
using Presale.Application.Shop;
using Presale.Application.Suppliers;
using Presale.Application.Supply;
using Presale.Domain.Common;

namespace Presale.Application.Purchasing;

/// <summary>
/// Saves and reads a supplier's terms (<c>PUT/GET /api/suppliers/{supplierId}/terms</c>). Terms are in the shop's
/// currency (purchase orders and statements are; there are no exchange rates here) and their catalogue lists SKUs the
/// shop has configured.
/// </summary>
public sealed class SupplierTermsHandler(SupplierTermsStore terms, SupplierRegistry registry, ShopSettingsStore shops, SupplyStore supply, IValidator<SupplierTermsRequest> validator, TimeProvider timeProvider)
{
    /// <summary>Validates and saves the terms.</summary>
    public async Task<SupplierTermsResult> PutAsync(string supplierId, SupplierTermsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Identifier.Validate(supplierId, "A supplier id") is { } idError)
        {
            return new SupplierTermsResult.Invalid(FieldErrors.Single("supplierId", idError));
        }

        var validation = await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return new SupplierTermsResult.Invalid(FieldErrors.From(validation));
        }

        if (!await registry.ExistsAsync(supplierId, cancellationToken).ConfigureAwait(false))
        {
            return new SupplierTermsResult.UnknownSupplier();
        }

        if (await shops.GetAsync(cancellationToken).ConfigureAwait(false) is not { } shop)
        {
            return new SupplierTermsResult.ShopNotConfigured();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!string.Equals(request.Currency, shop.Currency, StringComparison.OrdinalIgnoreCase))
        {
            errors["currency"] = [$"Purchase orders and statements are in the shop's currency, {shop.Currency}."];
        }

        for (var i = 0; i < (request.Catalogue?.Count ?? 0); i++)
        {
            var sku = Sku.From(request.Catalogue![i]!.Sku!);
            if (await supply.LoadAsync(sku, cancellationToken).ConfigureAwait(false) is null)
            {
                errors[$"catalogue[{i}].sku"] = [$"SKU {sku} is not known; configure it with PUT /api/skus/{sku} first."];
            }
        }

        if (errors.Count > 0)
        {
            return new SupplierTermsResult.Invalid(errors);
        }

        var now = timeProvider.GetUtcNow();
        var existed = await terms.GetAsync(supplierId, cancellationToken).ConfigureAwait(false) is not null;
        var saved = await terms.PutAsync(supplierId, request with { Currency = shop.Currency }, shop.LocalDate(now), now, cancellationToken).ConfigureAwait(false);
        return new SupplierTermsResult.Saved(SupplierTermsView.From(saved), !existed);
    }

    /// <summary>The supplier's terms, or null (also for an invalid id).</summary>
    public async Task<SupplierTermsView?> GetAsync(string supplierId, CancellationToken cancellationToken) =>
        Identifier.Validate(supplierId, "A supplier id") is null && await terms.GetAsync(supplierId, cancellationToken).ConfigureAwait(false) is { } stored
            ? SupplierTermsView.From(stored)
            : null;
}
