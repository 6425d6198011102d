using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Presale.Adapters.InMemory;
using Presale.Application.Notifications;
using Presale.Domain.Notifications;

namespace Presale.Functions.Tests.Notifications;

public sealed class CustomerNotificationsApiTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly NotificationComposer Composer = new();
    private static readonly NotificationContext Shop = new("en", TimeZoneInfo.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task SeedAsync(IServiceProvider services, string customerId, int count)
    {
        var feed = services.GetRequiredService<NotificationFeed>();
        for (var i = 0; i < count; i++)
        {
            var notification = Composer.OrderConfirmed(Shop, $"o-{i}", customerId, new DateOnly(2026, 6, 30));
            await feed.RecordAsync(NotificationMessage.From(notification, Start.AddHours(i)), Start, Ct);
        }
    }

    [Fact]
    public async Task GetFeed_PagesNewestFirst_WithContinuationTokens()
    {
        await using var app = NotificationsApp.Create(new InMemoryTableStore());
        using var client = app.CreateClient();
        await SeedAsync(app.Services, "c-1", 5);
        await SeedAsync(app.Services, "c-2", 2);

        var ids = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var url = "/api/customers/c-1/notifications?limit=2" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token));
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
            var items = page["items"]!.AsArray();
            Assert.True(items.Count <= 2);
            ids.AddRange(items.Select(i => (string)i!["id"]!));
            Assert.All(items, i => Assert.Equal("orderConfirmed", (string?)i!["notification"]!["kind"]));
            token = (string?)page["continuationToken"];
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(
            ["notif:order-confirmed:o-4", "notif:order-confirmed:o-3", "notif:order-confirmed:o-2", "notif:order-confirmed:o-1", "notif:order-confirmed:o-0"],
            ids);
    }

    [Theory]
    [InlineData("/api/customers/{0}/notifications", "customerId")]
    [InlineData("/api/customers/c-1/notifications?limit=0", "limit")]
    [InlineData("/api/customers/c-1/notifications?limit=101", "limit")]
    [InlineData("/api/customers/c-1/notifications?limit=ten", "limit")]
    [InlineData("/api/customers/c-1/notifications?continuationToken=not-a-token", "continuationToken")]
    public async Task GetFeed_WithBadInput_AnswersProblemDetailsNamingTheField(string url, string field)
    {
        await using var app = NotificationsApp.Create(new InMemoryTableStore());
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri(url.Replace("{0}", new string('c', 101), StringComparison.Ordinal), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task GetDeadLetters_ListsDeadLetteredNotifications()
    {
        var store = new InMemoryTableStore();
        await using var app = NotificationsApp.Create(store);
        using var client = app.CreateClient();
        var deliveries = app.Services.GetRequiredService<NotificationDeliveryStore>();
        var message = NotificationMessage.From(Composer.OrderConfirmed(Shop, "o-9", "c-9", new DateOnly(2026, 6, 30)), Start);
        var record = new NotificationDeliveryRecord
        {
            DeduplicationKey = message.DeduplicationKey,
            Status = NotificationDeliveryStatus.DeadLettered,
            Attempts = 8,
            LastStatusCode = 500,
            DeadLetteredAt = Start.AddHours(1),
            DeadLetterReason = "8 attempts failed",
        };
        await deliveries.IndexDeadLetterAsync(record, message, Ct);

        var response = await client.GetAsync(new Uri("/api/notifications/dead-letters?limit=10", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["items"]!.AsArray())!;
        Assert.Equal((message.DeduplicationKey, 500, "8 attempts failed"), ((string)item["deduplicationKey"]!, (int)item["lastStatusCode"]!, (string)item["reason"]!));
        Assert.Equal("c-9", (string?)item["notification"]!["customerId"]);
    }
}
