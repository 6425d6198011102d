using Microsoft.AspNetCore.OpenApi;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Presale.Functions.Host.Catalog;
using Presale.Functions.Host.Keys;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Presale.Functions.Host.OpenApi;

/// <summary>
/// States each operation's key requirement from the auth level of the HTTP trigger covering its route, exactly
/// as <see cref="FunctionKeyMiddleware"/> enforces it: <c>function</c> routes take a function key, <c>admin</c> routes
/// the admin key (header <c>x-functions-key</c> or query <c>code</c>), <c>anonymous</c> routes none. Keyed operations
/// get the 401 answer.
/// </summary>
internal sealed class FunctionKeySecurityTransformer(FunctionCatalog catalog, IOptions<JsonOptions> json) : IOpenApiOperationTransformer
{
    /// <summary>The security scheme: a function key in the <c>x-functions-key</c> header.</summary>
    public const string FunctionKey = "functionKey";

    /// <summary>The security scheme: a function key in the <c>code</c> query parameter.</summary>
    public const string FunctionKeyQuery = "functionKeyQuery";

    /// <summary>The security scheme: the admin key in the <c>x-functions-key</c> header.</summary>
    public const string AdminKey = "adminKey";

    /// <summary>The security scheme: the admin key in the <c>code</c> query parameter.</summary>
    public const string AdminKeyQuery = "adminKeyQuery";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var route = RouteTemplate.Parse(context.Description.RelativePath ?? string.Empty);
        var level = catalog.FindHttp(route, context.Description.HttpMethod ?? HttpMethods.Get)?.AuthLevel ?? AuthorizationLevel.Function;
        if (level == AuthorizationLevel.Anonymous)
        {
            return;
        }

        var document = context.Document ?? throw new InvalidOperationException("The OpenAPI operation transformer runs without its document.");
        AddSchemes(document);
        var (header, query, setting) = level == AuthorizationLevel.Admin
            ? (AdminKey, AdminKeyQuery, "Presale:Host:AdminKey")
            : (FunctionKey, FunctionKeyQuery, "Presale:Host:FunctionKey");
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(header, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(query, document)] = [] },
        ];

        var problem = AccessGuard.Unauthorized("This route", setting);
        await ProblemResponses.AddAsync(operation, context, StatusCodes.Status401Unauthorized,
            $"No valid {(level == AuthorizationLevel.Admin ? "admin" : "function")} key. In standalone mode the app answers with this problem; the Functions host answers 401 without a body.",
            problem,
            json.Value.SerializerOptions,
            cancellationToken);
    }

    private static void AddSchemes(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        var schemes = document.Components.SecuritySchemes;
        const string FunctionKeyText = "A function key of the Function App (the admin key is accepted too). In standalone mode: the setting Presale:Host:FunctionKey; callers on the loopback interface need none while it is unset.";
        const string AdminKeyText = "The Function App's admin (master) key. In standalone mode: the setting Presale:Host:AdminKey; callers on the loopback interface need none while it is unset.";
        schemes.TryAdd(FunctionKey, Scheme(AccessGuard.KeyHeader, ParameterLocation.Header, FunctionKeyText));
        schemes.TryAdd(FunctionKeyQuery, Scheme(AccessGuard.KeyQuery, ParameterLocation.Query, FunctionKeyText));
        schemes.TryAdd(AdminKey, Scheme(AccessGuard.KeyHeader, ParameterLocation.Header, AdminKeyText));
        schemes.TryAdd(AdminKeyQuery, Scheme(AccessGuard.KeyQuery, ParameterLocation.Query, AdminKeyText));
    }

    private static OpenApiSecurityScheme Scheme(string name, ParameterLocation location, string description) => new()
    {
        Type = SecuritySchemeType.ApiKey,
        Name = name,
        In = location,
        Description = description,
    };
}
