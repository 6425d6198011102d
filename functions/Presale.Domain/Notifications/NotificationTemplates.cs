using System.Globalization;
using System.Text.RegularExpressions;
using Presale.Domain.Common;

namespace Presale.Domain.Notifications;

/// <summary>
/// The text of every notification, per locale, as data: a dictionary of template id → text with named placeholders
/// (<c>{orderId}</c>, <c>{revisedDate}</c>, ...). Each locale also carries its formats: <c>Format.Date</c> and
/// <c>Format.DateTime</c> (.NET custom format strings, applied with that locale's culture) and <c>Format.Money</c>
/// (<c>{amount}</c>, <c>{currency}</c>). Every locale must hold every template id of <see cref="FallbackLocale"/>.
/// </summary>
public sealed partial class NotificationTemplates
{
    /// <summary>The locale used when the shop's locale is unknown.</summary>
    public const string FallbackLocale = "en";

    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _locales;

    /// <summary>Creates templates from <paramref name="locales"/> (locale → template id → text).</summary>
    /// <exception cref="ArgumentException">English is missing, or a locale lacks a template id English has.</exception>
    public NotificationTemplates(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> locales)
    {
        ArgumentNullException.ThrowIfNull(locales);
        _locales = new(locales, StringComparer.OrdinalIgnoreCase);
        if (!_locales.TryGetValue(FallbackLocale, out var fallback))
        {
            throw new ArgumentException($"Templates for '{FallbackLocale}' are required.", nameof(locales));
        }

        foreach (var (locale, templates) in _locales)
        {
            var missing = fallback.Keys.Where(id => !templates.ContainsKey(id)).ToList();
            if (missing.Count > 0)
            {
                throw new ArgumentException($"Locale '{locale}' lacks templates {string.Join(", ", missing)}.", nameof(locales));
            }

            _ = CultureInfo.GetCultureInfo(locale);
        }
    }

    /// <summary>English and Simplified Chinese.</summary>
    public static NotificationTemplates Default { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["en"] = English(),
        ["zh-CN"] = SimplifiedChinese(),
    });

    /// <summary>The locales held.</summary>
    public IReadOnlyCollection<string> Locales => _locales.Keys;

    /// <summary>The template ids every locale holds.</summary>
    public IReadOnlyCollection<string> TemplateIds => [.. _locales[FallbackLocale].Keys];

    /// <summary>
    /// The locale to render <paramref name="requested"/> in: an exact match (case-insensitive), else a locale of the same
    /// language (<c>zh</c>, <c>zh-Hans-CN</c> → <c>zh-CN</c>; <c>en-GB</c> → <c>en</c>), else English.
    /// </summary>
    public string Resolve(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return FallbackLocale;
        }

        if (_locales.Keys.FirstOrDefault(k => string.Equals(k, requested, StringComparison.OrdinalIgnoreCase)) is { } exact)
        {
            return exact;
        }

        var language = Language(requested);
        return _locales.Keys.OrderBy(k => k, StringComparer.Ordinal).FirstOrDefault(k => Language(k) == language) ?? FallbackLocale;
    }

    /// <summary>The raw text of template <paramref name="id"/> in <paramref name="locale"/> (already resolved).</summary>
    public string Text(string locale, string id) =>
        _locales[locale].TryGetValue(id, out var text) ? text : throw new ArgumentException($"No template '{id}'.", nameof(id));

    /// <summary>
    /// Renders template <paramref name="id"/> in <paramref name="locale"/>, replacing each <c>{name}</c> with its value.
    /// </summary>
    /// <exception cref="InvalidOperationException">The template uses a placeholder that has no value (a template bug).</exception>
    public string Render(string locale, string id, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(Text(locale, id), match =>
            values.TryGetValue(match.Groups[1].Value, out var value)
                ? value
                : throw new InvalidOperationException($"Template '{id}' ({locale}) uses {{{match.Groups[1].Value}}} which has no value."));
    }

    /// <summary>A shop-local date written out for <paramref name="locale"/> (already resolved) with its <c>Format.Date</c>.</summary>
    public string FormatDate(string locale, DateOnly date) => date.ToString(Text(locale, "Format.Date"), CultureInfo.GetCultureInfo(locale));

    /// <summary>An instant in the shop's <paramref name="zone"/>, with its UTC offset, for <paramref name="locale"/> (<c>Format.DateTime</c>).</summary>
    public string FormatInstant(string locale, DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TimeZoneInfo.ConvertTime(instant, zone).ToString(Text(locale, "Format.DateTime"), CultureInfo.GetCultureInfo(locale));
    }

    /// <summary>An amount with its ISO currency and minor units (none for e.g. JPY) for <paramref name="locale"/> (<c>Format.Money</c>).</summary>
    public string FormatMoney(string locale, Money money)
    {
        var decimals = Currencies.MinorUnits(money.Currency);
        var amount = money.Amount.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.GetCultureInfo(locale));
        return Render(locale, "Format.Money", new Dictionary<string, string>(StringComparer.Ordinal) { ["amount"] = amount, ["currency"] = money.Currency });
    }

    /// <summary>The placeholder names template <paramref name="id"/> uses in <paramref name="locale"/>.</summary>
    public IReadOnlySet<string> PlaceholdersOf(string locale, string id) =>
        Placeholder().Matches(Text(locale, id)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();

    private static string Language(string locale) => locale.Split('-')[0].ToUpperInvariant();

    private static Dictionary<string, string> English() => new(StringComparer.Ordinal)
    {
        ["Format.Date"] = "dddd, MMMM d, yyyy",
        ["Format.DateTime"] = "MMMM d, yyyy h:mm tt '(UTC'zzz')'",
        ["Format.Money"] = "{currency} {amount}",
        ["OrderConfirmed.Title"] = "Order {orderId} confirmed",
        ["OrderConfirmed.Body"] = "Thank you for your order {orderId}. We promise it will be ready to ship by {promisedDate}.",
        ["AtRisk.Title"] = "Order {orderId} may be delayed",
        ["AtRisk.Body"] =
            "Your order {orderId} may miss its promised date of {promisedDate}. We are working on it and will tell you at once if the date changes.",
        ["Delayed.Title"] = "Order {orderId} is delayed",
        ["Delayed.Body.Silence"] =
            "We are sorry: your order {orderId} will not be ready by {previousDate}. The new date is {revisedDate}. If it suits you, you need not do anything. You may cancel at any time before it ships and get a full refund.",
        ["Delayed.Body.ConsentRequired"] =
            "We are sorry: your order {orderId} will not be ready by {previousDate}. The new date is {revisedDate}. We need your agreement to this new date: if we do not hear from you by {deadline}, we will cancel the order and refund you in full. You may also cancel now for a full refund.",
        ["Delayed.AcceptLink"] = "Accept the new date: {acceptLink}",
        ["Delayed.CancelLink"] = "Cancel for a full refund: {cancelLink}",
        ["CompensationIssued.Title"] = "Compensation for the delay of order {orderId}",
        ["CompensationIssued.Body.Coupon"] =
            "Because your order {orderId} is late, we have given you a coupon worth {amount}. Thank you for your patience.",
        ["CompensationIssued.Body.StoreCredit"] =
            "Because your order {orderId} is late, we have added {amount} of store credit to your account. Thank you for your patience.",
        ["ReadyToShip.Title"] = "Order {orderId} is ready to ship",
        ["ReadyToShip.Body"] = "Good news: your order {orderId} was ready to ship on {readyDate} and will be on its way to you shortly.",
        ["CancelledAndRefunded.Title"] = "Order {orderId} cancelled and refunded",
        ["CancelledAndRefunded.Body.CustomerRequest"] =
            "As you asked, we have cancelled your order {orderId} and are refunding {amount} in full.",
        ["CancelledAndRefunded.Body.NoConsentToDelay"] =
            "We did not receive your agreement to the new date for your order {orderId}, so we have cancelled it and are refunding {amount} in full.",
        ["CancelledAndRefunded.Body.Shop"] =
            "We have cancelled your order {orderId} and are refunding {amount} in full. We are sorry for the inconvenience.",
        ["ReturnDecided.Title"] = "Your return {returnId} for order {orderId}",
        ["ReturnDecided.Body.Refund"] = "We have accepted your return {returnId} for order {orderId} and will refund {amount}.",
        ["ReturnDecided.Body.Replacement"] =
            "We have accepted your return {returnId} for order {orderId} and will send you a replacement.",
        ["ReturnDecided.Body.StoreCredit"] =
            "We have accepted your return {returnId} for order {orderId} and have added {amount} of store credit to your account.",
        ["ReturnDecided.Body.Rejected"] =
            "We could not accept your return {returnId} for order {orderId}. Please contact us if you have questions.",
    };

    private static Dictionary<string, string> SimplifiedChinese() => new(StringComparer.Ordinal)
    {
        ["Format.Date"] = "yyyy年M月d日dddd",
        ["Format.DateTime"] = "yyyy年M月d日 HH:mm '(UTC'zzz')'",
        ["Format.Money"] = "{amount} {currency}",
        ["OrderConfirmed.Title"] = "订单 {orderId} 已确认",
        ["OrderConfirmed.Body"] = "感谢您的订购！我们承诺订单 {orderId} 将于 {promisedDate} 前备货完成，可以发货。",
        ["AtRisk.Title"] = "订单 {orderId} 可能延迟",
        ["AtRisk.Body"] = "您的订单 {orderId} 可能无法在承诺日期 {promisedDate} 前发货。我们正在处理，如日期有变，会立即通知您。",
        ["Delayed.Title"] = "订单 {orderId} 发货延迟",
        ["Delayed.Body.Silence"] =
            "非常抱歉，您的订单 {orderId} 无法在 {previousDate} 前备货完成，新的日期为 {revisedDate}。如您接受新日期，无需任何操作；发货前您可随时取消订单并获得全额退款。",
        ["Delayed.Body.ConsentRequired"] =
            "非常抱歉，您的订单 {orderId} 无法在 {previousDate} 前备货完成，新的日期为 {revisedDate}。此次延迟需要您的同意：如我们在 {deadline} 前未收到您的确认，订单将被取消并全额退款。您也可以现在取消订单并获得全额退款。",
        ["Delayed.AcceptLink"] = "接受新日期：{acceptLink}",
        ["Delayed.CancelLink"] = "取消订单并全额退款：{cancelLink}",
        ["CompensationIssued.Title"] = "订单 {orderId} 延迟补偿",
        ["CompensationIssued.Body.Coupon"] = "由于您的订单 {orderId} 未能按时发货，我们已向您发放价值 {amount} 的优惠券。感谢您的耐心等待。",
        ["CompensationIssued.Body.StoreCredit"] = "由于您的订单 {orderId} 未能按时发货，我们已向您的账户存入 {amount} 的购物余额。感谢您的耐心等待。",
        ["ReadyToShip.Title"] = "订单 {orderId} 已可发货",
        ["ReadyToShip.Body"] = "好消息：您的订单 {orderId} 已于 {readyDate} 备货完成，即将发出。",
        ["CancelledAndRefunded.Title"] = "订单 {orderId} 已取消并退款",
        ["CancelledAndRefunded.Body.CustomerRequest"] = "根据您的要求，我们已取消订单 {orderId}，并将全额退款 {amount}。",
        ["CancelledAndRefunded.Body.NoConsentToDelay"] = "我们未收到您对订单 {orderId} 新日期的同意，因此已取消该订单，并将全额退款 {amount}。",
        ["CancelledAndRefunded.Body.Shop"] = "我们已取消您的订单 {orderId}，并将全额退款 {amount}。给您带来不便，深表歉意。",
        ["ReturnDecided.Title"] = "订单 {orderId} 的退货申请 {returnId} 处理结果",
        ["ReturnDecided.Body.Refund"] = "我们已同意订单 {orderId} 的退货申请 {returnId}，将为您退款 {amount}。",
        ["ReturnDecided.Body.Replacement"] = "我们已同意订单 {orderId} 的退货申请 {returnId}，将为您寄送换货。",
        ["ReturnDecided.Body.StoreCredit"] = "我们已同意订单 {orderId} 的退货申请 {returnId}，并已向您的账户存入 {amount} 的购物余额。",
        ["ReturnDecided.Body.Rejected"] = "很抱歉，我们无法接受订单 {orderId} 的退货申请 {returnId}。如有疑问，请联系我们。",
    };
}
