using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Presale.Functions.Invocation;

/// <summary>Registers timer and queue functions.</summary>
public static class FunctionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TFunction"/> (scoped: one instance per invocation). It also needs a
    /// <c>Definitions/&lt;Name&gt;/function.json</c>; a test fails when either is missing.
    /// </summary>
    public static IServiceCollection AddFunction<TFunction>(this IServiceCollection services)
        where TFunction : class, IFunction
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IFunction, TFunction>());
        return services;
    }
}
