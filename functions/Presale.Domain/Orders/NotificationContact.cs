namespace Presale.Domain.Orders;

/// <summary>
/// How the customer is told about their order: an e-mail address, a phone number (E.164), or both. Only what
/// notifications need is kept.
/// </summary>
/// <param name="Email">An e-mail address, or null.</param>
/// <param name="Phone">A phone number in E.164 form (+ and 8–15 digits), or null.</param>
public sealed record NotificationContact(string? Email, string? Phone)
{
    /// <summary>The longest e-mail address accepted (RFC 5321 path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Null when <paramref name="email"/> looks like an e-mail address; otherwise why not.</summary>
    public static string? ValidateEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return email.Length > MaxEmailLength ? $"An e-mail address has at most {MaxEmailLength} characters."
            : at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1 || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
                ? "Not an e-mail address."
                : null;
    }

    /// <summary>Null when <paramref name="phone"/> is an E.164 number; otherwise why not.</summary>
    public static string? ValidatePhone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return phone.Length is >= 9 and <= 16 && phone[0] == '+' && phone.Skip(1).All(char.IsAsciiDigit) && phone[1] != '0'
            ? null
            : "A phone number is written in E.164 form: '+' and 8 to 15 digits.";
    }
}
