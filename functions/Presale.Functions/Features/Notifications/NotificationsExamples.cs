using Presale.Functions.Host.OpenApi;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Presale.Functions.Features.Notifications;

/// <summary>
/// The OpenAPI examples of the customer's notification feed and the dead letters of the shop's webhook, by operation id (the function's name): a request body example
/// where the operation takes one and a body for every status it declares. <c>OpenApiDocumentTests</c> fails for an
/// operation that misses one.
/// </summary>
internal static class NotificationsExamples
{
    /// <summary>The examples by operation id.</summary>
    public static IReadOnlyDictionary<string, ApiExamples> ByOperationId { get; } = new Dictionary<string, ApiExamples>(StringComparer.Ordinal)
    {
        ["GetCustomerNotifications"] = ApiExamples.For(
            null,
            (Status200OK, NotificationSamples.Feed),
            (Status400BadRequest, ExampleProblems.Invalid(("limit", "limit must be a whole number from 1 to 100.")))),
        ["ListNotificationDeadLetters"] = ApiExamples.For(
            null,
            (Status200OK, NotificationSamples.DeadLetters),
            (Status400BadRequest, ExampleProblems.Invalid(("continuationToken", "continuationToken is not a token this list returned.")))),
        ["RetryNotificationDeadLetter"] = ApiExamples.For(
            null,
            (Status202Accepted, NotificationSamples.Retried),
            (Status400BadRequest, ExampleProblems.Invalid(("key", "key must be a notification's de-duplication key (at most 400 characters, usable as a table key)."))),
            (Status404NotFound, NotificationDeadLettersFunctions.NotDeadLetteredAtAll(NotificationSamples.Retried.DeduplicationKey)),
            (Status409Conflict, NotificationDeadLettersFunctions.NotDeadLettered(NotificationSamples.Retried.DeduplicationKey, "delivered"))),
    };
}
