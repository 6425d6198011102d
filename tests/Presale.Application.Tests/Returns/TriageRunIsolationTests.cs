using Microsoft.Extensions.Logging;
using Presale.Application.Returns;
using Presale.Application.Storage;
using Presale.Domain.Returns;

namespace Presale.Application.Tests.Returns;

/// <summary>One outbox row or return that keeps failing must not stop the triage timer from doing everything else.</summary>
public sealed class TriageRunIsolationTests
{
    // The first partition the run visits, and a row key that sorts before every real outbox row in it.
    private const string FirstPartition = "r00";
    private const string PoisonRow = "outbox|0000000000000000001|poison";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OutboxRowThatKeepsFailing_IsLoggedAndCounted_WhileOtherRowsAreFinishedAndUnitsTriaged()
    {
        var h = new ReturnsHarness();
        var firstOrder = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 1, 40m));
        var secondOrder = await h.DeliveredOrderAsync("c2", ("HEADSET-1", 1, 40m));
        var onHand = await h.OnHandAsync("HEADSET-1");
        var earlier = await h.CreatedAsync("k1", ReturnsHarness.Request(firstOrder, "c1", ("HEADSET-1", 1, ReturnReason.ChangedMind)));
        await h.DoneAsync(h.ReceiveAsync(earlier.ReturnId, ("HEADSET-1:1", ConditionGrade.A)));
        h.Publisher.Fail = true;
        await h.Triage.RunAsync(Ct);
        h.Publisher.Fail = false;
        var waiting = await h.CreatedAsync("k2", ReturnsHarness.Request(secondOrder, "c2", ("HEADSET-1", 1, ReturnReason.ChangedMind)));
        await h.DoneAsync(h.ReceiveAsync(waiting.ReturnId, ("HEADSET-1:1", ConditionGrade.A)));
        await PoisonOutboxRowAsync(h);
        h.Time.Advance(TimeSpan.FromMinutes(1));

        var run = await h.Triage.RunAsync(Ct);

        // The earlier return's restock and notice (left by the broker failure) are finished, the waiting unit is decided.
        Assert.Equal(new TriageRunSummary(Returns: 1, UnitsDecided: 1, OutboxRowsFinished: 2, OutboxRowsFailed: 1, ReturnsFailed: 0), run);
        Assert.Equal(ReturnStatus.Refunded, (await h.Lifecycle.GetAsync(waiting.ReturnId, Ct))!.Status);
        Assert.Equal(onHand + 2, await h.OnHandAsync("HEADSET-1"));
        Assert.Equal(2, h.PublishedTo(h.Notifications.Queue).Count);
        var error = Assert.Single(h.Log.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(PoisonRow, error.Message, StringComparison.Ordinal);
        Assert.Contains("poison-effect", error.Message, StringComparison.Ordinal);
        Assert.Contains("r00bad", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Error);

        // The failing row stays and is tried again by the next run, which still reports it.
        Assert.NotNull(await h.Gate.GetAsync(h.Options.ReturnsTable, FirstPartition, PoisonRow, Ct));
        Assert.Equal(1, (await h.Triage.RunAsync(Ct)).OutboxRowsFailed);
    }

    [Fact]
    public async Task ReturnThatCannotBeTriaged_IsLoggedAndCounted_WhileTheOthersAreTriaged()
    {
        var h = new ReturnsHarness();
        var waiting = await h.CreatedAsync("k1", ReturnsHarness.Request(await h.DeliveredOrderAsync("c1", ("HEADSET-1", 1, 40m)), "c1", ("HEADSET-1", 1, ReturnReason.ChangedMind)));
        await h.DoneAsync(h.ReceiveAsync(waiting.ReturnId, ("HEADSET-1:1", ConditionGrade.A)));

        // A return in the first partition whose stored document cannot be read, listed in the triage index.
        const string broken = "r00000000000000000000000000";
        Assert.True((await h.Gate.InsertAsync(h.Options.ReturnsTable, new TableEntity(FirstPartition, "return|" + broken, new Dictionary<string, object?> { ["Document"] = "{not json" }), Ct)).Succeeded);
        Assert.True((await h.Gate.InsertAsync(h.Options.ReturnsTable, new TableEntity(FirstPartition, "triage|" + broken, new Dictionary<string, object?> { ["ReturnId"] = broken }), Ct)).Succeeded);

        var run = await h.Triage.RunAsync(Ct);

        Assert.Equal(new TriageRunSummary(Returns: 1, UnitsDecided: 1, OutboxRowsFinished: 0, OutboxRowsFailed: 0, ReturnsFailed: 1), run);
        Assert.Equal(ReturnStatus.Refunded, (await h.Lifecycle.GetAsync(waiting.ReturnId, Ct))!.Status);
        var error = Assert.Single(h.Log.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(broken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutboxSweep_ReadsEveryRowOfAPartitionInPages()
    {
        var h = new ReturnsHarness(configure: o => o.TriagePageSize = 2);
        var created = await h.CreatedAsync("k1", ReturnsHarness.Request(await h.DeliveredOrderAsync("c1", ("HEADSET-1", 5, 40m)), "c1", ("HEADSET-1", 5, ReturnReason.ChangedMind)));
        await h.DoneAsync(h.ReceiveAsync(created.ReturnId, [.. Enumerable.Range(1, 5).Select(i => ($"HEADSET-1:{i}", ConditionGrade.A))]));
        h.Publisher.Fail = true;
        await h.Triage.RunAsync(Ct);
        h.Publisher.Fail = false;
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var partition = ReturnIds.PartitionOf(created.ReturnId)!;
        var queriesBefore = h.Gate.Queries.Count;

        var run = await h.Triage.RunAsync(Ct);

        // Five restocks and the notice: six rows, read two at a time, all finished and nothing left.
        Assert.Equal(6, run.OutboxRowsFinished);
        var outboxReads = h.Gate.Queries.Skip(queriesBefore).Where(q => q.Filter.Contains("outbox|", StringComparison.Ordinal)).ToArray();
        Assert.All(outboxReads, q => Assert.True(q.PageSize <= 2, $"The sweep asked for {q.PageSize} rows at once."));
        Assert.True(outboxReads.Count(q => q.Filter.Contains(partition, StringComparison.Ordinal)) >= 3);
        Assert.Empty(await h.Returns.PendingEffectsPageAsync(partition, h.Time.GetUtcNow().AddDays(1), null, 100, Ct));
    }

    private static async Task PoisonOutboxRowAsync(ReturnsHarness h)
    {
        // A restock whose body is not a restock message: it fails every time it is tried.
        var row = new TableEntity(FirstPartition, PoisonRow, new Dictionary<string, object?>
        {
            ["EffectId"] = "poison-effect",
            ["Kind"] = nameof(ReturnEffectKind.Restock),
            ["Target"] = "HEADSET-1",
            ["Subject"] = ReturnRestockedMessage.Restocked,
            ["Body"] = "not json",
            ["CorrelationId"] = "r00bad",
            ["CreatedAt"] = h.Time.GetUtcNow().AddHours(-1),
        });
        Assert.True((await h.Gate.InsertAsync(h.Options.ReturnsTable, row, Ct)).Succeeded);
    }
}
