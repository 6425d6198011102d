using FsCheck;
using FsCheck.Fluent;
using Presale.Adapters.InMemory;
using Presale.Application.Notifications;

namespace Presale.Application.Tests.Notifications;

public sealed class NotificationFeedTests
{
    private static (NotificationFeed Feed, InMemoryTableStore Store) CreateSut()
    {
        var store = new InMemoryTableStore();
        return (new NotificationFeed(store, new NotificationsOptions()), store);
    }

    [Fact]
    public async Task Record_SameKeyTwice_KeepsOneEntry()
    {
        var ct = TestContext.Current.CancellationToken;
        var (feed, _) = CreateSut();
        var message = NotificationSamples.Delayed();

        var first = await feed.RecordAsync(message, NotificationSamples.Start, ct);
        var again = await feed.RecordAsync(message with { CreatedAt = message.CreatedAt.AddMinutes(5) }, NotificationSamples.Start, ct);

        Assert.Equal((FeedRecordOutcome.Recorded, FeedRecordOutcome.AlreadyRecorded), (first, again));
        var page = await feed.ListAsync("c-1", 10, null, ct);
        var entry = Assert.Single(page.Items);
        Assert.Equal((message.DeduplicationKey, message.CreatedAt), (entry.Id, entry.CreatedAt));
        Assert.Equal(message.Notification.Text, entry.Notification.Text);
    }

    [Fact]
    public async Task List_ReturnsOnlyThatCustomersEntries_NewestFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        var (feed, _) = CreateSut();
        var start = NotificationSamples.Start;
        await feed.RecordAsync(NotificationSamples.Confirmed("o-1", "c-1", start), start, ct);
        await feed.RecordAsync(NotificationSamples.Delayed("o-1", "c-1", 1, start.AddDays(3)), start, ct);
        await feed.RecordAsync(NotificationSamples.Compensation("o-1", "c-1", start.AddDays(9)), start, ct);
        await feed.RecordAsync(NotificationSamples.Confirmed("o-2", "c-2", start.AddDays(1)), start, ct);

        var page = await feed.ListAsync("c-1", 10, null, ct);

        Assert.Equal(
            ["notif:compensation-issued:o-1:1", "notif:delayed:o-1:1", "notif:order-confirmed:o-1"],
            page.Items.Select(i => i.Id));
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public void List_PagesThroughEveryEntryOnce_NewestFirst_WhateverThePageSize() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(0, 500)).Select(offsets => offsets.ToArray()).ToArbitrary(),
            Gen.Choose(1, 7).ToArbitrary(),
            (offsets, pageSize) =>
            {
                var (feed, _) = CreateSut();
                var messages = offsets.Select((minutes, i) =>
                    NotificationSamples.Confirmed($"o-{i}", "c-1", NotificationSamples.Start.AddMinutes(minutes))).ToList();
                foreach (var message in messages)
                {
                    feed.RecordAsync(message, NotificationSamples.Start).GetAwaiter().GetResult();
                }

                var seen = new List<NotificationFeedEntry>();
                string? token = null;
                var pages = 0;
                do
                {
                    var page = feed.ListAsync("c-1", pageSize, token).GetAwaiter().GetResult();
                    Assert.True(page.Items.Count <= pageSize);
                    Assert.True(page.ContinuationToken is null || page.Items.Count == pageSize);
                    seen.AddRange(page.Items);
                    token = page.ContinuationToken;
                    pages++;
                }
                while (token is not null && pages <= messages.Count + 1);

                var expected = messages
                    .OrderByDescending(m => m.CreatedAt)
                    .ThenBy(m => m.DeduplicationKey, StringComparer.Ordinal)
                    .Select(m => m.DeduplicationKey);
                return token is null && expected.SequenceEqual(seen.Select(e => e.Id));
            }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("garbage!")]
    [InlineData("")]
    [InlineData("ZHwxMjM")] // "d|123": a dead-letter token, not a feed token
    public async Task List_WithATokenItDidNotIssue_Rejects(string token)
    {
        var (feed, _) = CreateSut();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => feed.ListAsync("c-1", 10, token, TestContext.Current.CancellationToken));

        Assert.Equal("continuationToken", error.ParamName);
        Assert.False(NotificationFeed.IsValidContinuationToken(token));
    }
}
