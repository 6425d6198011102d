using Microsoft.Extensions.Options;
using Presale.Application.Orders;

namespace Presale.Functions.Features.Orders;

/// <summary>Validates <see cref="OrdersOptions"/> at start; each failure names its setting.</summary>
internal sealed class OrdersOptionsValidator : IValidateOptions<OrdersOptions>
{
    public ValidateOptionsResult Validate(string? name, OrdersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
