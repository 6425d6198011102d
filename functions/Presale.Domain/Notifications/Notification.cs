using Presale.Domain.Common;
using Presale.Domain.Compensation;

namespace Presale.Domain.Notifications;

/// <summary>
/// A customer notification: structured fields a shop can render itself, plus plain-language <see cref="Title"/> and
/// <see cref="Text"/> in the shop's locale that it can send as is. Deliver at most once per
/// <see cref="DeduplicationKey"/>. Fields that do not apply to the <see cref="Kind"/> are null.
/// </summary>
public sealed record Notification
{
    /// <summary>What the notification is about.</summary>
    public required NotificationKind Kind { get; init; }

    /// <summary>The order.</summary>
    public required string OrderId { get; init; }

    /// <summary>The customer to notify.</summary>
    public required string CustomerId { get; init; }

    /// <summary>Deterministic key: the same event always yields the same key, different events different keys.</summary>
    public required string DeduplicationKey { get; init; }

    /// <summary>The locale the text was rendered in (after fallback).</summary>
    public required string Locale { get; init; }

    /// <summary>A one-line subject.</summary>
    public required string Title { get; init; }

    /// <summary>The message, plain text; lines separated by '\n'.</summary>
    public required string Text { get; init; }

    /// <summary>The promise in force: at confirmation, the one at risk, or the one replaced by a delay.</summary>
    public DateOnly? PromisedDate { get; init; }

    /// <summary>The revised date of a delay.</summary>
    public DateOnly? RevisedDate { get; init; }

    /// <summary>The date the order became ready to ship.</summary>
    public DateOnly? ReadyDate { get; init; }

    /// <summary>For a delay: the number of the delay notice (1 = first).</summary>
    public int? DelayNumber { get; init; }

    /// <summary>For a delay: true when the customer must accept by <see cref="ConsentDeadline"/> or the order is cancelled.</summary>
    public bool ConsentRequired { get; init; }

    /// <summary>For a delay needing consent: when the order is cancelled without it.</summary>
    public DateTimeOffset? ConsentDeadline { get; init; }

    /// <summary>The compensation, refund or credit amount.</summary>
    public Money? Amount { get; init; }

    /// <summary>For compensation: coupon or store credit.</summary>
    public CompensationKind? CompensationKind { get; init; }

    /// <summary>For compensation: the tier paid.</summary>
    public int? CompensationTier { get; init; }

    /// <summary>For a cancellation: why.</summary>
    public CancellationCause? CancellationCause { get; init; }

    /// <summary>For a return decision: the return.</summary>
    public string? ReturnId { get; init; }

    /// <summary>For a return decision: the outcome.</summary>
    public ReturnDecision? ReturnDecision { get; init; }

    /// <summary>One-click actions (accept the delay, cancel for a refund); empty when none apply.</summary>
    public IReadOnlyList<NotificationLink> Links { get; init; } = [];
}
