using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Presale.Functions.Features.Operations;

/// <summary>
/// Who may read the console. A browser cannot send <c>x-functions-key</c> on every click, so the operator exchanges
/// the admin key once: the sign-in function is declared <c>AuthorizationLevel.Admin</c> (the Functions host checks the
/// master key, standalone mode its admin key) and answers with a session cookie — HttpOnly, SameSite=Strict, Secure on
/// https, path <c>/api/console</c>, gone when the browser closes — holding its expiry and an HMAC-SHA256 over it with <see cref="ConsoleOptions.SessionKey"/>.
/// The pages (anonymous to the host) accept that cookie, or, in Azure with App Service authentication on, a signed-in
/// principal holding <see cref="ConsoleOptions.OperatorRole"/>. Every page is a read: no form on it changes state, so
/// the strict cookie is the whole of the cross-site defence.
/// </summary>
public sealed class ConsoleAccess
{
    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "presale-console";

    /// <summary>The path the cookie is sent on: the console's routes only.</summary>
    public const string CookiePath = "/api/console";

    private const string Version = "v1";
    private readonly byte[] _key;
    private readonly ConsoleOptions _options;
    private readonly TimeProvider _time;
    private readonly bool _appServiceAuthentication;

    /// <summary>Creates the access check; without a configured key, a random one for this process.</summary>
    public ConsoleAccess(ConsoleOptions options, TimeProvider time, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        _options = options;
        _time = time;
        _key = options.SessionKey is { } configured ? ReadKey(configured)! : RandomNumberGenerator.GetBytes(32);
        _appServiceAuthentication = string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "True", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The bytes of a base64 key; null when it is not base64.</summary>
    public static byte[]? ReadKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>Starts a session: sets the cookie on <paramref name="response"/>.</summary>
    public void SignIn(HttpRequest request, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var expires = _time.GetUtcNow().Add(_options.SessionLifetime);
        var payload = Version + "." + expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        response.Cookies.Append(CookieName, payload + "." + Sign(payload), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = request.IsHttps,
            Path = CookiePath,

            // No Expires: a browser-session cookie. The expiry that counts is the signed one, read by this app's clock.
            IsEssential = true,
        });
    }

    /// <summary>True when the request carries a valid, unexpired session cookie or an operator principal.</summary>
    public bool Allows(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HasSession(request) || HasOperatorPrincipal(request);
    }

    private bool HasSession(HttpRequest request)
    {
        if (request.Cookies[CookieName] is not { } cookie)
        {
            return false;
        }

        var parts = cookie.Split('.');
        if (parts.Length != 3 || parts[0] != Version || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(parts[0] + "." + parts[1]));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2]))
            && DateTimeOffset.FromUnixTimeSeconds(expires) > _time.GetUtcNow();
    }

    // App Service authentication puts the signed-in principal in X-MS-CLIENT-PRINCIPAL (base64 JSON: auth_typ, claims
    // [{typ, val}], name_typ, role_typ) and removes that header from what clients send, but only while it is on.
    private bool HasOperatorPrincipal(HttpRequest request)
    {
        if (!_appServiceAuthentication || _options.OperatorRole is not { } role || request.Headers["X-MS-CLIENT-PRINCIPAL"].ToString() is not { Length: > 0 } header)
        {
            return false;
        }

        var bytes = ReadKey(header);
        if (bytes is null)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var typ) && typ.ValueKind == JsonValueKind.String ? typ.GetString() : "roles";
            return root.TryGetProperty("claims", out var claims) && claims.ValueKind == JsonValueKind.Array
                && claims.EnumerateArray().Any(c =>
                    c.ValueKind == JsonValueKind.Object
                    && c.TryGetProperty("typ", out var t) && t.ValueKind == JsonValueKind.String && (t.GetString() == roleType || t.GetString() == "roles")
                    && c.TryGetProperty("val", out var v) && v.ValueKind == JsonValueKind.String && string.Equals(v.GetString(), role.Trim(), StringComparison.Ordinal));
        }
        catch (JsonException)
        {
            // A principal header that is not the platform's JSON opens nothing; the page answers 401 as without one.
            return false;
        }
    }

    private string Sign(string payload) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(payload)));
}
