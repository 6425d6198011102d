using System.Security.Cryptography;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Presale.Functions.Host.Keys;

/// <summary>
/// Key checks the Functions host does in Azure and this app does itself in standalone mode: function keys for
/// <c>AuthorizationLevel.Function</c> routes, the admin key for <c>AuthorizationLevel.Admin</c> routes and the admin
/// API. Under the Functions host every check passes: the host checks keys before it invokes a function.
/// </summary>
public sealed class AccessGuard(HostingMode mode, IOptions<FunctionsHostOptions> options)
{
    /// <summary>The key header, as in Azure Functions.</summary>
    public const string KeyHeader = "x-functions-key";

    /// <summary>The key query parameter, as in Azure Functions.</summary>
    public const string KeyQuery = "code";

    /// <summary>Whether the caller may use the admin API: loopback, or the admin key.</summary>
    public bool AllowsAdmin(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return mode.IsFunctionsHost || IsLoopback(context) || Matches(HeaderKey(context), options.Value.AdminKey);
    }

    /// <summary>Whether the caller may call an HTTP function of level <paramref name="level"/>.</summary>
    public bool AllowsHttp(HttpContext context, AuthorizationLevel level)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (mode.IsFunctionsHost || level == AuthorizationLevel.Anonymous)
        {
            return true;
        }

        var settings = options.Value;
        var presented = HeaderKey(context) ?? QueryKey(context);
        if (Matches(presented, settings.AdminKey))
        {
            return true;
        }

        if (level == AuthorizationLevel.Admin)
        {
            return settings.AdminKey is null && IsLoopback(context);
        }

        return Matches(presented, settings.FunctionKey) || (settings.FunctionKey is null && IsLoopback(context));
    }

    /// <summary>The 401 answer, naming how to pass and which setting holds the key.</summary>
    public static IResult Unauthorized(string what, string setting) => Results.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "A key is required.",
        detail: $"{what} needs a key: send it in the {KeyHeader} header (or the '{KeyQuery}' query parameter for API routes). " +
                $"In standalone mode the key is the setting {setting}; callers on the loopback interface need none while it is unset.");

    private static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address);

    private static string? HeaderKey(HttpContext context) =>
        context.Request.Headers.TryGetValue(KeyHeader, out var value) && !string.IsNullOrEmpty(value) ? value.ToString() : null;

    private static string? QueryKey(HttpContext context) =>
        context.Request.Query.TryGetValue(KeyQuery, out var value) && !string.IsNullOrEmpty(value) ? value.ToString() : null;

    private static bool Matches(string? presented, string? expected) =>
        presented is not null && expected is not null &&
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
