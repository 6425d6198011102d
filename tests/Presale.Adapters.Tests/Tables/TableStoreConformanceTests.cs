using System.Globalization;
using Presale.Application.Storage;

namespace Presale.Adapters.Tests.Tables;

/// <summary>
/// The meaning of <see cref="ITableStore"/>: every store (the Table Storage adapter on Azurite, the in-memory twin)
/// runs these same tests and must pass all of them.
/// </summary>
public abstract class TableStoreConformanceTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    /// <summary>The store under test.</summary>
    protected abstract ITableStore Store { get; }

    /// <summary>How many requests the store has made (service requests, or twin operations).</summary>
    protected abstract long RequestCount { get; }

    /// <summary>A fresh, empty table for one test.</summary>
    protected async Task<string> NewTableAsync()
    {
        var table = "t" + Guid.NewGuid().ToString("N")[..20];
        await Store.CreateTableIfNotExistsAsync(table, Ct);
        return table;
    }

    protected static TableEntity Row(string partitionKey, string rowKey, params (string Name, object? Value)[] properties) =>
        new(partitionKey, rowKey, properties.Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)));

    // ---- tables --------------------------------------------------------------------------------------------------

    [Fact]
    public async Task CreateTable_WhenItExists_IsIdempotent()
    {
        var table = await NewTableAsync();
        await Store.InsertAsync(table, Row("p", "r"), Ct);

        await Store.CreateTableIfNotExistsAsync(table, Ct);

        Assert.NotNull(await Store.GetAsync(table, "p", "r", Ct));
    }

    [Fact]
    public async Task Operations_OnMissingTable_ThrowNamingTheTable()
    {
        var table = "missing" + Guid.NewGuid().ToString("N")[..10];

        var get = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.GetAsync(table, "p", "r", Ct));
        var insert = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.InsertAsync(table, Row("p", "r"), Ct));
        var query = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.QueryAsync(table, TableFilter.Partition("p"), 10, null, Ct));
        var transaction = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.SubmitTransactionAsync(table, [TableOperation.Insert(Row("p", "r"))], Ct));

        Assert.All(new[] { get, insert, query, transaction }, e => Assert.Contains(table, e.Message, StringComparison.Ordinal));
    }

    // ---- point operations ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Get_WhenRowMissing_ReturnsNull()
    {
        var table = await NewTableAsync();

        Assert.Null(await Store.GetAsync(table, "p", "nothing", Ct));
    }

    [Fact]
    public async Task Insert_ThenGet_ReturnsPropertiesWithTheWrittenETagAndATimestamp()
    {
        var table = await NewTableAsync();

        var written = await Store.InsertAsync(table, Row("p", "r", ("Name", "first"), ("Count", 3)), Ct);
        var read = await Store.GetAsync(table, "p", "r", Ct);

        Assert.Equal(WriteStatus.Ok, written.Status);
        Assert.False(written.ETag.IsEmpty);
        Assert.NotNull(read);
        Assert.Equal(written.ETag, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal("first", read.GetString("Name"));
        Assert.Equal(3, read.GetInt32("Count"));
        Assert.Equal(2, read.Properties.Count);
    }

    [Fact]
    public async Task Insert_WhenRowExists_ReturnsAlreadyExistsAndKeepsTheRow()
    {
        var table = await NewTableAsync();
        await Store.InsertAsync(table, Row("p", "r", ("V", "original")), Ct);

        var second = await Store.InsertAsync(table, Row("p", "r", ("V", "intruder")), Ct);

        Assert.Equal(WriteStatus.AlreadyExists, second.Status);
        Assert.Equal("original", (await Store.GetAsync(table, "p", "r", Ct))!.GetString("V"));
    }

    [Fact]
    public async Task Replace_WithCurrentETag_ReplacesAllPropertiesAndChangesTheETag()
    {
        var table = await NewTableAsync();
        var inserted = await Store.InsertAsync(table, Row("p", "r", ("A", "a"), ("B", "b")), Ct);

        var replaced = await Store.ReplaceAsync(table, Row("p", "r", ("A", "a2")), inserted.ETag, Ct);
        var read = await Store.GetAsync(table, "p", "r", Ct);

        Assert.Equal(WriteStatus.Ok, replaced.Status);
        Assert.NotEqual(inserted.ETag, replaced.ETag);
        Assert.Equal(replaced.ETag, read!.ETag);
        Assert.Equal("a2", read.GetString("A"));
        Assert.Null(read["B"]);
    }

    [Fact]
    public async Task Replace_WithStaleETag_ReturnsPreconditionFailedAndLeavesTheRow()
    {
        var table = await NewTableAsync();
        var first = await Store.InsertAsync(table, Row("p", "r", ("V", 1)), Ct);
        var second = await Store.ReplaceAsync(table, Row("p", "r", ("V", 2)), first.ETag, Ct);

        var stale = await Store.ReplaceAsync(table, Row("p", "r", ("V", 3)), first.ETag, Ct);

        Assert.Equal(WriteStatus.PreconditionFailed, stale.Status);
        var read = await Store.GetAsync(table, "p", "r", Ct);
        Assert.Equal(2, read!.GetInt32("V"));
        Assert.Equal(second.ETag, read.ETag);
    }

    [Fact]
    public async Task Replace_WithAnyETag_ReplacesWhateverVersionExists()
    {
        var table = await NewTableAsync();
        await Store.InsertAsync(table, Row("p", "r", ("V", 1)), Ct);

        var result = await Store.ReplaceAsync(table, Row("p", "r", ("V", 9)), ETag.Any, Ct);

        Assert.Equal(WriteStatus.Ok, result.Status);
        Assert.Equal(9, (await Store.GetAsync(table, "p", "r", Ct))!.GetInt32("V"));
    }

    [Fact]
    public async Task Replace_WhenRowMissing_ReturnsNotFoundAndCreatesNothing()
    {
        var table = await NewTableAsync();
        var other = await Store.InsertAsync(table, Row("p", "other"), Ct);

        var withAny = await Store.ReplaceAsync(table, Row("p", "r"), ETag.Any, Ct);
        var withETag = await Store.ReplaceAsync(table, Row("p", "r"), other.ETag, Ct);

        Assert.Equal(WriteStatus.NotFound, withAny.Status);
        Assert.Equal(WriteStatus.NotFound, withETag.Status);
        Assert.Null(await Store.GetAsync(table, "p", "r", Ct));
    }

    [Fact]
    public async Task Merge_WithCurrentETag_KeepsPropertiesItDoesNotMention()
    {
        var table = await NewTableAsync();
        var inserted = await Store.InsertAsync(table, Row("p", "r", ("A", "a"), ("B", "b")), Ct);

        var merged = await Store.MergeAsync(table, Row("p", "r", ("B", "b2"), ("C", 3L)), inserted.ETag, Ct);
        var read = await Store.GetAsync(table, "p", "r", Ct);

        Assert.Equal(WriteStatus.Ok, merged.Status);
        Assert.NotEqual(inserted.ETag, merged.ETag);
        Assert.Equal(merged.ETag, read!.ETag);
        Assert.Equal("a", read.GetString("A"));
        Assert.Equal("b2", read.GetString("B"));
        Assert.Equal(3L, read.GetInt64("C"));
    }

    [Fact]
    public async Task Merge_WithStaleETag_ReturnsPreconditionFailedAndLeavesTheRow()
    {
        var table = await NewTableAsync();
        var first = await Store.InsertAsync(table, Row("p", "r", ("V", 1)), Ct);
        await Store.MergeAsync(table, Row("p", "r", ("V", 2)), first.ETag, Ct);

        var stale = await Store.MergeAsync(table, Row("p", "r", ("V", 3), ("W", "x")), first.ETag, Ct);

        Assert.Equal(WriteStatus.PreconditionFailed, stale.Status);
        var read = await Store.GetAsync(table, "p", "r", Ct);
        Assert.Equal(2, read!.GetInt32("V"));
        Assert.Null(read["W"]);
    }

    [Fact]
    public async Task Merge_WhenRowMissing_ReturnsNotFound()
    {
        var table = await NewTableAsync();

        var result = await Store.MergeAsync(table, Row("p", "r", ("V", 1)), ETag.Any, Ct);

        Assert.Equal(WriteStatus.NotFound, result.Status);
        Assert.Null(await Store.GetAsync(table, "p", "r", Ct));
    }

    [Fact]
    public async Task UpsertReplace_CreatesOrOverwritesWithoutACondition()
    {
        var table = await NewTableAsync();

        var created = await Store.UpsertAsync(table, Row("p", "r", ("A", "a"), ("B", "b")), merge: false, Ct);
        var overwritten = await Store.UpsertAsync(table, Row("p", "r", ("A", "a2")), merge: false, Ct);
        var read = await Store.GetAsync(table, "p", "r", Ct);

        Assert.Equal(WriteStatus.Ok, created.Status);
        Assert.Equal(WriteStatus.Ok, overwritten.Status);
        Assert.NotEqual(created.ETag, overwritten.ETag);
        Assert.Equal(overwritten.ETag, read!.ETag);
        Assert.Equal("a2", read.GetString("A"));
        Assert.Null(read["B"]);
    }

    [Fact]
    public async Task UpsertMerge_CreatesOrMergesWithoutACondition()
    {
        var table = await NewTableAsync();

        await Store.UpsertAsync(table, Row("p", "r", ("A", "a"), ("B", "b")), merge: true, Ct);
        var merged = await Store.UpsertAsync(table, Row("p", "r", ("B", "b2")), merge: true, Ct);
        var read = await Store.GetAsync(table, "p", "r", Ct);

        Assert.Equal(WriteStatus.Ok, merged.Status);
        Assert.Equal("a", read!.GetString("A"));
        Assert.Equal("b2", read.GetString("B"));
    }

    [Fact]
    public async Task Delete_WithCurrentETag_RemovesTheRow()
    {
        var table = await NewTableAsync();
        var inserted = await Store.InsertAsync(table, Row("p", "r"), Ct);

        var deleted = await Store.DeleteAsync(table, "p", "r", inserted.ETag, Ct);

        Assert.Equal(WriteStatus.Ok, deleted.Status);
        Assert.Null(await Store.GetAsync(table, "p", "r", Ct));
    }

    [Fact]
    public async Task Delete_WithStaleETag_ReturnsPreconditionFailedAndKeepsTheRow()
    {
        var table = await NewTableAsync();
        var first = await Store.InsertAsync(table, Row("p", "r", ("V", 1)), Ct);
        await Store.ReplaceAsync(table, Row("p", "r", ("V", 2)), first.ETag, Ct);

        var stale = await Store.DeleteAsync(table, "p", "r", first.ETag, Ct);

        Assert.Equal(WriteStatus.PreconditionFailed, stale.Status);
        Assert.Equal(2, (await Store.GetAsync(table, "p", "r", Ct))!.GetInt32("V"));
    }

    [Fact]
    public async Task Delete_WithAnyETag_RemovesAndThenReportsNotFound()
    {
        var table = await NewTableAsync();
        await Store.InsertAsync(table, Row("p", "r"), Ct);

        var first = await Store.DeleteAsync(table, "p", "r", ETag.Any, Ct);
        var second = await Store.DeleteAsync(table, "p", "r", ETag.Any, Ct);

        Assert.Equal(WriteStatus.Ok, first.Status);
        Assert.Equal(WriteStatus.NotFound, second.Status);
    }

    [Fact]
    public async Task ConditionalWrites_WithoutAnETag_AreRejectedBeforeAnyRequest()
    {
        var table = await NewTableAsync();
        var before = RequestCount;

        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReplaceAsync(table, Row("p", "r"), default, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.MergeAsync(table, Row("p", "r"), default, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(table, "p", "r", default, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitTransactionAsync(table, [TableOperation.Delete("p", "r", default)], Ct));

        Assert.Equal(before, RequestCount);
    }

    // ---- concurrency ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(TableOperationKind.Replace)]
    [InlineData(TableOperationKind.Merge)]
    [InlineData(TableOperationKind.Delete)]
    public async Task TwoWriters_WithTheSameETag_ExactlyOneWins(TableOperationKind kind)
    {
        var table = await NewTableAsync();
        var seen = (await Store.InsertAsync(table, Row("p", "r", ("Winner", "none")), Ct)).ETag;
        using var start = new ManualResetEventSlim();

        Task<WriteResult> Writer(string name) => Task.Run(
            async () =>
            {
                start.Wait(Ct);
                return kind switch
                {
                    TableOperationKind.Replace => await Store.ReplaceAsync(table, Row("p", "r", ("Winner", name)), seen, Ct),
                    TableOperationKind.Merge => await Store.MergeAsync(table, Row("p", "r", ("Winner", name)), seen, Ct),
                    _ => await Store.DeleteAsync(table, "p", "r", seen, Ct),
                };
            },
            Ct);

        var a = Writer("a");
        var b = Writer("b");
        start.Set();
        var results = await Task.WhenAll(a, b);

        Assert.Single(results, r => r.Status == WriteStatus.Ok);
        var loser = Assert.Single(results, r => r.Status != WriteStatus.Ok);
        // A losing delete may be checked after the winner removed the row: Table Storage then answers 404, not 412.
        Assert.Contains(loser.Status, kind == TableOperationKind.Delete ? new[] { WriteStatus.PreconditionFailed, WriteStatus.NotFound } : new[] { WriteStatus.PreconditionFailed });
        var read = await Store.GetAsync(table, "p", "r", Ct);
        if (kind == TableOperationKind.Delete)
        {
            Assert.Null(read);
        }
        else
        {
            var winner = results[0].Succeeded ? "a" : "b";
            Assert.Equal(winner, read!.GetString("Winner"));
            Assert.Equal(results.Single(r => r.Succeeded).ETag, read.ETag);
        }
    }

    [Fact]
    public async Task ManyWriters_IncrementingWithETagRetries_LoseNoUpdate()
    {
        var table = await NewTableAsync();
        await Store.InsertAsync(table, Row("p", "counter", ("N", 0)), Ct);
        const int writers = 4, increments = 5;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(
            async () =>
            {
                for (var i = 0; i < increments; i++)
                {
                    while (true)
                    {
                        var current = (await Store.GetAsync(table, "p", "counter", Ct))!;
                        var result = await Store.ReplaceAsync(table, current.With("N", current.GetInt32("N") + 1), current.ETag, Ct);
                        if (result.Succeeded)
                        {
                            break;
                        }

                        Assert.Equal(WriteStatus.PreconditionFailed, result.Status);
                    }
                }
            },
            Ct)));

        Assert.Equal(writers * increments, (await Store.GetAsync(table, "p", "counter", Ct))!.GetInt32("N"));
    }

    // ---- transactions --------------------------------------------------------------------------------------------

    [Fact]
    public async Task Transaction_AllOperationKinds_AppliesEveryOneAndReturnsUsableETags()
    {
        var table = await NewTableAsync();
        var toReplace = await Store.InsertAsync(table, Row("p", "replace", ("V", 1)), Ct);
        var toMerge = await Store.InsertAsync(table, Row("p", "merge", ("Keep", "k")), Ct);
        var toDelete = await Store.InsertAsync(table, Row("p", "delete"), Ct);
        await Store.InsertAsync(table, Row("p", "upmerge", ("Keep", "k")), Ct);

        var result = await Store.SubmitTransactionAsync(
            table,
            [
                TableOperation.Insert(Row("p", "insert", ("V", 1))),
                TableOperation.Replace(Row("p", "replace", ("V", 2)), toReplace.ETag),
                TableOperation.Merge(Row("p", "merge", ("Added", 5L)), toMerge.ETag),
                TableOperation.UpsertReplace(Row("p", "upsert", ("V", 3))),
                TableOperation.UpsertMerge(Row("p", "upmerge", ("Added", true))),
                TableOperation.Delete("p", "delete", toDelete.ETag),
            ],
            Ct);

        Assert.True(result.Succeeded);
        Assert.Null(result.FailedIndex);
        Assert.Equal(6, result.ETags.Count);
        Assert.All(result.ETags.Take(5), e => Assert.False(e.IsEmpty));
        Assert.Equal(2, (await Store.GetAsync(table, "p", "replace", Ct))!.GetInt32("V"));
        var merged = (await Store.GetAsync(table, "p", "merge", Ct))!;
        Assert.Equal("k", merged.GetString("Keep"));
        Assert.Equal(5L, merged.GetInt64("Added"));
        Assert.Equal("k", (await Store.GetAsync(table, "p", "upmerge", Ct))!.GetString("Keep"));
        Assert.Null(await Store.GetAsync(table, "p", "delete", Ct));
        Assert.Equal(WriteStatus.Ok, (await Store.ReplaceAsync(table, Row("p", "insert", ("V", 9)), result.ETags[0], Ct)).Status);
        Assert.Equal(WriteStatus.Ok, (await Store.DeleteAsync(table, "p", "replace", result.ETags[1], Ct)).Status);
    }

    public static TheoryData<int, string> FailingOperations => new()
    {
        { 0, "insert-existing" },
        { 2, "insert-existing" },
        { 1, "stale-replace" },
        { 3, "stale-merge" },
        { 4, "stale-delete" },
        { 2, "missing-replace" },
        { 4, "missing-delete" },
    };

    [Theory]
    [MemberData(nameof(FailingOperations))]
    public async Task Transaction_WhenOperationKFails_AppliesNothingAndNamesK(int k, string failure)
    {
        var table = await NewTableAsync();
        var existing = await Store.InsertAsync(table, Row("p", "existing", ("V", "before")), Ct);
        await Store.ReplaceAsync(table, Row("p", "existing", ("V", "current")), existing.ETag, Ct);
        var current = (await Store.GetAsync(table, "p", "existing", Ct))!;
        var staleETag = existing.ETag;

        var operations = new List<TableOperation>();
        for (var i = 0; i < 5; i++)
        {
            if (i == k)
            {
                operations.Add(failure switch
                {
                    "insert-existing" => TableOperation.Insert(Row("p", "existing", ("V", "clobbered"))),
                    "stale-replace" => TableOperation.Replace(Row("p", "existing", ("V", "clobbered")), staleETag),
                    "stale-merge" => TableOperation.Merge(Row("p", "existing", ("V", "clobbered")), staleETag),
                    "stale-delete" => TableOperation.Delete("p", "existing", staleETag),
                    "missing-replace" => TableOperation.Replace(Row("p", "ghost", ("V", "x")), ETag.Any),
                    _ => TableOperation.Delete("p", "ghost", ETag.Any),
                });
            }
            else
            {
                operations.Add(TableOperation.Insert(Row("p", $"new{i}", ("V", i))));
            }
        }

        var result = await Store.SubmitTransactionAsync(table, operations, Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(k, result.FailedIndex);
        Assert.Empty(result.ETags);
        Assert.Equal(
            failure switch
            {
                "insert-existing" => WriteStatus.AlreadyExists,
                "missing-replace" or "missing-delete" => WriteStatus.NotFound,
                _ => WriteStatus.PreconditionFailed,
            },
            result.FailureStatus);
        var rows = await Store.QueryAllAsync(table, TableFilter.Partition("p"), cancellationToken: Ct).ToListAsync(Ct);
        var only = Assert.Single(rows);
        Assert.Equal("current", only.GetString("V"));
        Assert.Equal(current.ETag, only.ETag);
    }

    [Fact]
    public async Task Transaction_OfOneHundredOperations_IsAccepted()
    {
        var table = await NewTableAsync();

        var result = await Store.SubmitTransactionAsync(table, [.. Enumerable.Range(0, 100).Select(i => TableOperation.Insert(Row("p", $"r{i:D3}", ("I", i))))], Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(100, result.ETags.Count);
        Assert.Equal(100, (await Store.QueryAllAsync(table, TableFilter.Partition("p"), cancellationToken: Ct).ToListAsync(Ct)).Count);
    }

    [Fact]
    public async Task Transaction_BreakingTheGroupRules_IsRejectedBeforeAnyRequest()
    {
        var table = await NewTableAsync();
        var before = RequestCount;

        await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitTransactionAsync(table, [], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitTransactionAsync(table, [.. Enumerable.Range(0, 101).Select(i => TableOperation.Insert(Row("p", $"r{i}")))], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitTransactionAsync(table, [TableOperation.Insert(Row("p1", "r")), TableOperation.Insert(Row("p2", "r"))], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitTransactionAsync(table, [TableOperation.Insert(Row("p", "r")), TableOperation.UpsertMerge(Row("p", "r"))], Ct));

        Assert.Equal(before, RequestCount);
    }

    // ---- paging --------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Query_OverMoreThanOneThousandRows_PagesWithContinuationInKeyOrder()
    {
        var table = await NewTableAsync();
        const int count = 1_234;
        for (var start = 0; start < count; start += 100)
        {
            var batch = Enumerable.Range(start, Math.Min(100, count - start)).Select(i => TableOperation.Insert(Row("p", $"r{i:D5}", ("I", i)))).ToList();
            Assert.True((await Store.SubmitTransactionAsync(table, batch, Ct)).Succeeded);
        }

        await Store.InsertAsync(table, Row("q", "other"), Ct);

        var all = new List<TableEntity>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await Store.QueryAsync(table, TableFilter.Partition("p"), 1000, token, Ct);
            Assert.True(page.Items.Count <= 1000);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.True(pages >= 2);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"r{i:D5}"), all.Select(e => e.RowKey));
        Assert.All(all, e => Assert.Equal(int.Parse(e.RowKey[1..], CultureInfo.InvariantCulture), e.GetInt32("I")));

        var small = await Store.QueryAsync(table, TableFilter.Partition("p"), 7, null, Ct);
        Assert.Equal(7, small.Items.Count);
        Assert.NotNull(small.ContinuationToken);
        var next = await Store.QueryAsync(table, TableFilter.Partition("p"), 7, small.ContinuationToken, Ct);
        Assert.Equal(Enumerable.Range(7, 7).Select(i => $"r{i:D5}"), next.Items.Select(e => e.RowKey));

        var sparse = await Store.QueryAllAsync(table, TableFilter.Partition("p") & TableFilter.Ge("I", 1_200), 10, Ct).ToListAsync(Ct);
        Assert.Equal(34, sparse.Count);
    }

    [Fact]
    public async Task Query_WithNothingMatching_ReturnsAnEmptyLastPage()
    {
        var table = await NewTableAsync();
        await Store.InsertAsync(table, Row("p", "r"), Ct);

        var page = await Store.QueryAsync(table, TableFilter.Partition("none"), 10, null, Ct);

        Assert.Empty(page.Items);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task Query_RowRangeAndPrefix_ReturnOnlyThatSliceOfThePartition()
    {
        var table = await NewTableAsync();
        foreach (var key in new[] { "a", "order-1", "order-2", "order-9", "orderz", "p" })
        {
            await Store.InsertAsync(table, Row("p", key), Ct);
            await Store.InsertAsync(table, Row("other", key), Ct);
        }

        var prefix = await Store.QueryAllAsync(table, TableFilter.RowPrefix("p", "order-"), cancellationToken: Ct).ToListAsync(Ct);
        var range = await Store.QueryAllAsync(table, TableFilter.RowRange("p", "order-2", "p"), cancellationToken: Ct).ToListAsync(Ct);

        Assert.Equal(["order-1", "order-2", "order-9"], prefix.Select(e => e.RowKey));
        Assert.All(prefix, e => Assert.Equal("p", e.PartitionKey));
        Assert.Equal(["order-2", "order-9", "orderz"], range.Select(e => e.RowKey));
    }

    // ---- keys ----------------------------------------------------------------------------------------------------

    public static TheoryData<string> OddKeys => new()
    {
        "it's",
        "''double''",
        "with space",
        "100%",
        "a+b",
        "a%2Fb",
        "ünïcödé-日本語-中文",
        "emoji-😀",
        "~!@$&*()=:;,.[]{}<>|^`\"",
        "'",
        new string('k', TableKey.MaxLength),
    };

    [Theory]
    [MemberData(nameof(OddKeys))]
    public async Task OddKeys_RoundTripThroughEveryOperation(string key)
    {
        var table = await NewTableAsync();

        var inserted = await Store.InsertAsync(table, Row(key, key, ("V", 1)), Ct);
        var read = await Store.GetAsync(table, key, key, Ct);
        var replaced = await Store.ReplaceAsync(table, Row(key, key, ("V", 2)), inserted.ETag, Ct);
        var queried = await Store.QueryAllAsync(table, TableFilter.Partition(key) & TableFilter.Eq("RowKey", key), cancellationToken: Ct).ToListAsync(Ct);
        var transaction = await Store.SubmitTransactionAsync(table, [TableOperation.Merge(Row(key, key, ("W", "x")), replaced.ETag), TableOperation.Insert(Row(key, "second"))], Ct);
        var deleted = await Store.DeleteAsync(table, key, key, transaction.ETags[0], Ct);

        Assert.Equal(WriteStatus.Ok, inserted.Status);
        Assert.Equal(key, read!.PartitionKey);
        Assert.Equal(key, read.RowKey);
        Assert.Equal(WriteStatus.Ok, replaced.Status);
        Assert.Equal(key, Assert.Single(queried).RowKey);
        Assert.True(transaction.Succeeded);
        Assert.Equal(WriteStatus.Ok, deleted.Status);
        Assert.Equal(["second"], (await Store.QueryAllAsync(table, TableFilter.Partition(key), cancellationToken: Ct).ToListAsync(Ct)).Select(e => e.RowKey));
    }

    public static TheoryData<string> ForbiddenKeys => new()
    {
        "a/b",
        "a\\b",
        "a#b",
        "a?b",
        "tab\there",
        "new\nline",
        "del\u007F",
        "c1\u0085",
        new string('k', TableKey.MaxLength + 1),
    };

    [Theory]
    [MemberData(nameof(ForbiddenKeys))]
    public async Task ForbiddenKeys_AreRejectedWithAClearErrorBeforeAnyRequest(string key)
    {
        var table = await NewTableAsync();
        var before = RequestCount;

        var errors = new List<ArgumentException>
        {
            await Assert.ThrowsAsync<ArgumentException>(() => Store.GetAsync(table, key, "r", Ct)),
            await Assert.ThrowsAsync<ArgumentException>(() => Store.GetAsync(table, "p", key, Ct)),
            await Assert.ThrowsAsync<ArgumentException>(() => Store.InsertAsync(table, Row(key, "r"), Ct)),
            await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertAsync(table, Row("p", key), true, Ct)),
            await Assert.ThrowsAsync<ArgumentException>(() => Store.ReplaceAsync(table, Row("p", key), ETag.Any, Ct)),
            await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(table, "p", key, ETag.Any, Ct)),
            await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitTransactionAsync(table, [TableOperation.Insert(Row("p", "ok")), TableOperation.Insert(Row("p", key))], Ct)),
        };

        Assert.All(errors, e => Assert.Contains("not a valid Table Storage key", e.Message, StringComparison.Ordinal));
        Assert.Equal(before, RequestCount);
        Assert.Null(await Store.GetAsync(table, "p", "ok", Ct));
    }

    // ---- Table Storage's limits ------------------------------------------------------------------------------------

    public static TheoryData<string> InvalidTableNames => new() { "ab", "1table", "has-dash", "under_score", new string('t', 64) };

    [Theory]
    [MemberData(nameof(InvalidTableNames))]
    public async Task InvalidTableNames_AreRejectedBeforeAnyRequest(string table)
    {
        var before = RequestCount;

        await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateTableIfNotExistsAsync(table, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetAsync(table, "p", "r", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.InsertAsync(table, Row("p", "r"), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(table, "p", "r", ETag.Any, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.QueryAsync(table, TableFilter.Partition("p"), 10, null, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitTransactionAsync(table, [TableOperation.Insert(Row("p", "r"))], Ct));

        Assert.Equal(before, RequestCount);
    }

    private static TableEntity LimitCase(string name, bool over) => name switch
    {
        "property name length" => Row("p", "r", (new string('n', over ? 256 : 255), 1)),
        "string length" => Row("p", "r", ("S", new string('s', over ? 32 * 1024 + 1 : 32 * 1024))),
        "binary length" => Row("p", "r", ("B", Enumerable.Range(0, over ? 64 * 1024 + 1 : 64 * 1024).Select(i => (byte)i).ToArray())),
        "date before 1601" => Row("p", "r", ("T", new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(over ? -1 : 0))),
        "property count" => Row("p", "r", [.. Enumerable.Range(0, over ? 253 : 252).Select(i => ($"P{i}", (object?)i))]),
        // 16 strings of 32 Ki characters weigh 16 × (8 + 2 × 3 + 65,540) bytes, just over 1 MiB; 15 fit.
        "entity size" => Row("p", "r", [.. Enumerable.Range(0, over ? 16 : 15).Select(i => ($"S{i:D2}", (object?)new string((char)('a' + i), 32 * 1024)))]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public static TheoryData<string> LimitCases => new() { "property name length", "string length", "binary length", "date before 1601", "property count", "entity size" };

    [Theory]
    [MemberData(nameof(LimitCases))]
    public async Task EntityAtTheLimit_IsStoredAndReadBackWhole(string limit)
    {
        var table = await NewTableAsync();
        var entity = LimitCase(limit, over: false);

        var inserted = await Store.InsertAsync(table, entity, Ct);
        var read = await Store.GetAsync(table, "p", "r", Ct);

        Assert.Equal(WriteStatus.Ok, inserted.Status);
        Assert.Equal(entity.Properties.Count, read!.Properties.Count);
        foreach (var (name, value) in entity.Properties)
        {
            Assert.Equal(value, read[name]);
        }
    }

    [Theory]
    [MemberData(nameof(LimitCases))]
    public async Task EntityOverTheLimit_IsRejectedWithAClearErrorBeforeAnyRequest(string limit)
    {
        var table = await NewTableAsync();
        var entity = LimitCase(limit, over: true);
        var before = RequestCount;

        var errors = new List<ArgumentException>
        {
            await Assert.ThrowsAsync<ArgumentException>(() => Store.InsertAsync(table, entity, Ct)),
            await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertAsync(table, entity, merge: false, Ct)),
            await Assert.ThrowsAsync<ArgumentException>(() => Store.UpsertAsync(table, entity, merge: true, Ct)),
            await Assert.ThrowsAsync<ArgumentException>(() => Store.ReplaceAsync(table, entity, ETag.Any, Ct)),
            await Assert.ThrowsAsync<ArgumentException>(() => Store.MergeAsync(table, entity, ETag.Any, Ct)),
            await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitTransactionAsync(table, [TableOperation.Insert(Row("p", "ok")), TableOperation.Insert(entity)], Ct)),
        };

        Assert.All(errors, e => Assert.Contains("cannot be stored in Table Storage", e.Message, StringComparison.Ordinal));
        Assert.Equal(before, RequestCount);
        Assert.Empty(await Store.QueryAllAsync(table, TableFilter.Partition("p"), cancellationToken: Ct).ToListAsync(Ct));
    }

    public static TheoryData<string> ReservedPropertyNames => new() { "Price@odata.type", "odata.id", "odata.type", "a.b", "has-dash", "1stLine", "with space" };

    [Theory]
    [MemberData(nameof(ReservedPropertyNames))]
    public async Task PropertyNames_TheJsonFormatReservesOrTableStorageRefuses_AreRejectedBeforeAnyRequest(string name)
    {
        var table = await NewTableAsync();
        var entity = Row("p", "r", (name, "value"));
        var before = RequestCount;

        var insert = await Assert.ThrowsAsync<ArgumentException>(() => Store.InsertAsync(table, entity, Ct));
        var transaction = await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitTransactionAsync(table, [TableOperation.UpsertMerge(entity)], Ct));

        Assert.Contains($"property name '{name}' is not valid", insert.Message, StringComparison.Ordinal);
        Assert.Contains($"property name '{name}' is not valid", transaction.Message, StringComparison.Ordinal);
        Assert.Equal(before, RequestCount);
    }

    // ---- property types ------------------------------------------------------------------------------------------

    public static TheoryData<string, object> PropertyValues => new()
    {
        { "string", "héllo 'wörld' \"quoted\" <xml/> & \u4e2d" },
        { "empty string", string.Empty },
        { "int", 42 },
        { "int min", int.MinValue },
        { "int max", int.MaxValue },
        { "long above 2^53", (1L << 53) + 1 },
        { "long max", long.MaxValue },
        { "long min", long.MinValue },
        { "long small", 7L },
        { "double", 0.1 },
        { "double whole", 5.0 },
        { "double negative", -1.5e-300 },
        { "double max", double.MaxValue },
        { "double NaN", double.NaN },
        { "bool true", true },
        { "bool false", false },
        { "datetime 7 digits", new DateTimeOffset(2026, 3, 2, 9, 15, 30, TimeSpan.Zero).AddTicks(1_234_567) },
        { "datetime offset", new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.FromHours(8)).AddTicks(9_999_999) },
        { "guid", Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e") },
        { "binary", new byte[] { 0, 1, 2, 254, 255 } },
        { "binary large", Enumerable.Range(0, 4096).Select(i => (byte)(i * 31)).ToArray() },
    };

    [Theory]
    [MemberData(nameof(PropertyValues))]
    public async Task PropertyTypes_RoundTripWithTheirTypeAndValue(string name, object value)
    {
        var table = await NewTableAsync();

        await Store.InsertAsync(table, Row("p", "r", ("Value", value)), Ct);
        var read = (await Store.GetAsync(table, "p", "r", Ct))!["Value"];
        var queried = (await Store.QueryAsync(table, TableFilter.Partition("p"), 10, null, Ct)).Items.Single()["Value"];

        foreach (var actual in new[] { read, queried })
        {
            Assert.NotNull(actual);
            var expected = value is DateTimeOffset t ? t.ToUniversalTime() : value;
            Assert.True(expected.GetType() == actual.GetType(), $"{name}: expected {expected.GetType().Name}, got {actual.GetType().Name}");
            Assert.Equal(expected, actual);
            if (actual is DateTimeOffset dto)
            {
                Assert.Equal(TimeSpan.Zero, dto.Offset);
            }
        }
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public async Task InfiniteDoubles_AreRejectedWithAClearErrorBeforeAnyRequest(double value)
    {
        var table = await NewTableAsync();
        var before = RequestCount;

        var single = await Assert.ThrowsAsync<ArgumentException>(() => Store.InsertAsync(table, Row("p", "r", ("D", value)), Ct));
        var batch = await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitTransactionAsync(table, [TableOperation.UpsertMerge(Row("p", "r", ("D", value)))], Ct));

        Assert.Contains("infinity", single.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be stored in Table Storage", batch.Message, StringComparison.Ordinal);
        Assert.Equal(before, RequestCount);
    }

    public static TheoryData<DateTimeKind> DateTimeKinds => new() { DateTimeKind.Utc, DateTimeKind.Local, DateTimeKind.Unspecified };

    [Theory]
    [MemberData(nameof(DateTimeKinds))]
    public async Task DateTimes_OfEveryKind_AreStoredAsTheirUtcInstant(DateTimeKind kind)
    {
        var table = await NewTableAsync();
        var value = new DateTime(2026, 3, 2, 9, 15, 30, kind).AddTicks(1_234_567);
        var expected = kind == DateTimeKind.Local ? new DateTimeOffset(value.ToUniversalTime()) : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc));

        await Store.InsertAsync(table, Row("p", "r", ("T", value)), Ct);
        var read = (await Store.GetAsync(table, "p", "r", Ct))!;
        var queried = Assert.Single(await Store.QueryAllAsync(table, TableFilter.Eq("T", value), cancellationToken: Ct).ToListAsync(Ct));

        Assert.Equal(expected, read.GetDateTimeOffset("T"));
        Assert.Equal(TimeSpan.Zero, read.GetDateTimeOffset("T")!.Value.Offset);
        Assert.Equal(expected, queried.GetDateTimeOffset("T"));
    }

    [Fact]
    public async Task Decimals_RoundTripWithoutLossThroughTheirInvariantString()
    {
        var table = await NewTableAsync();
        decimal[] values = [decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, 19.99m, 1.10m, -0.5m];

        await Store.InsertAsync(table, Row("p", "r", [.. values.Select((v, i) => ($"D{i}", (object?)v))]), Ct);
        var read = (await Store.GetAsync(table, "p", "r", Ct))!;

        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i], read.GetDecimal($"D{i}"));
            Assert.Equal(values[i].ToString(CultureInfo.InvariantCulture), read.GetDecimal($"D{i}")!.Value.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Entity_WithEveryTypeAtOnce_RoundTripsThroughATransaction()
    {
        var table = await NewTableAsync();
        var when = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero).AddTicks(1);
        var entity = Row(
            "p", "r", ("S", "s"), ("I", 1), ("L", long.MaxValue), ("D", 2.5), ("B", true), ("T", when), ("G", Guid.Empty), ("X", new byte[] { 9 }), ("M", 12.345m));

        Assert.True((await Store.SubmitTransactionAsync(table, [TableOperation.Insert(entity)], Ct)).Succeeded);
        var read = (await Store.GetAsync(table, "p", "r", Ct))!;

        Assert.Equal("s", read.GetString("S"));
        Assert.Equal(1, read["I"]);
        Assert.Equal(long.MaxValue, read["L"]);
        Assert.Equal(2.5, read["D"]);
        Assert.Equal(true, read["B"]);
        Assert.Equal(when, read["T"]);
        Assert.Equal(Guid.Empty, read["G"]);
        Assert.Equal(new byte[] { 9 }, read["X"]);
        Assert.Equal(12.345m, read.GetDecimal("M"));
    }

    // ---- filters -------------------------------------------------------------------------------------------------

    private static readonly DateTimeOffset FilterBase = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static object FilterValue(string property, int i) => property switch
    {
        "Str" => i == 2 ? "o'brien" : $"s{i}' ",
        "Int" => i * 10 - 20,
        "Long" => (1L << 53) + i,
        "Dbl" => i + 0.5,
        "Date" => FilterBase.AddDays(i).AddTicks(i),
        "Guid" => new Guid(i, 0, 0, [0, 0, 0, 0, 0, 0, 0, (byte)i]),
        "Bin" => new byte[] { 1, (byte)i },
        "Bool" => i % 2 == 0,
        "RowKey" => $"r{i}",
        _ => throw new ArgumentOutOfRangeException(nameof(property)),
    };

    private async Task<string> FilterTableAsync()
    {
        var table = await NewTableAsync();
        var operations = Enumerable.Range(0, 6).Select(i =>
        {
            var props = new List<(string, object?)> { ("Str", FilterValue("Str", i)), ("Int", FilterValue("Int", i)), ("Long", FilterValue("Long", i)), ("Dbl", FilterValue("Dbl", i)), ("Date", FilterValue("Date", i)), ("Guid", FilterValue("Guid", i)), ("Bin", FilterValue("Bin", i)), ("Bool", FilterValue("Bool", i)) };
            if (i != 1)
            {
                props.Add(("Sparse", i));
            }

            return TableOperation.Insert(Row("p", $"r{i}", [.. props]));
        }).ToList();
        Assert.True((await Store.SubmitTransactionAsync(table, operations, Ct)).Succeeded);
        await Store.InsertAsync(table, Row("elsewhere", "r2", ("Str", "o'brien"), ("Int", 0)), Ct);
        return table;
    }

    public static TheoryData<string, FilterOperator> FilterCases()
    {
        var data = new TheoryData<string, FilterOperator>();
        foreach (var property in new[] { "Str", "Int", "Long", "Dbl", "Date", "RowKey" })
        {
            foreach (var op in Enum.GetValues<FilterOperator>())
            {
                data.Add(property, op);
            }
        }

        foreach (var property in new[] { "Guid", "Bin", "Bool" })
        {
            data.Add(property, FilterOperator.Eq);
            data.Add(property, FilterOperator.Ne);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task Filter_EveryOperatorAndType_SelectsTheSameRows(string property, FilterOperator op)
    {
        var table = await FilterTableAsync();
        var pivot = FilterValue(property, 2);
        var comparison = new TableFilter.Comparison(property, op, pivot);

        var rows = await Store.QueryAllAsync(table, TableFilter.Partition("p") & comparison, cancellationToken: Ct).ToListAsync(Ct);

        int[] expected = property == "Bool"
            ? [.. Enumerable.Range(0, 6).Where(i => op == FilterOperator.Eq ? i % 2 == 0 : i % 2 != 0)]
            : op switch
            {
                FilterOperator.Eq => [2],
                FilterOperator.Ne => [0, 1, 3, 4, 5],
                FilterOperator.Gt => [3, 4, 5],
                FilterOperator.Ge => [2, 3, 4, 5],
                FilterOperator.Lt => [0, 1],
                _ => [0, 1, 2],
            };
        if (property == "Str" && op != FilterOperator.Eq && op != FilterOperator.Ne)
        {
            // "o'brien" sorts after every "sN' " only in reverse: compute the ordinal expectation directly.
            expected = [.. Enumerable.Range(0, 6).Where(i => Holds(string.CompareOrdinal((string)FilterValue("Str", i), (string)pivot), op))];
        }

        Assert.Equal(expected.Select(i => $"r{i}"), rows.Select(r => r.RowKey));
    }

    public static TheoryData<FilterOperator, string[]> Int64NeighbourCases => new()
    {
        { FilterOperator.Eq, ["r1"] },
        { FilterOperator.Ne, ["r0", "r2"] },
        { FilterOperator.Gt, ["r2"] },
        { FilterOperator.Ge, ["r1", "r2"] },
        { FilterOperator.Lt, ["r0"] },
        { FilterOperator.Le, ["r0", "r1"] },
    };

    [Theory]
    [MemberData(nameof(Int64NeighbourCases))]
    public async Task Filter_OnInt64NeighboursAboveTwoToThe53_ComparesExactly(FilterOperator op, string[] expected)
    {
        // 2^53 and 2^53 + 1 are the same double: only an exact comparison tells these rows apart.
        var table = await NewTableAsync();
        const long twoTo53 = 1L << 53;
        Assert.True((await Store.SubmitTransactionAsync(table, [.. Enumerable.Range(0, 3).Select(i => TableOperation.Insert(Row("p", $"r{i}", ("L", twoTo53 + i))))], Ct)).Succeeded);

        var rows = await Query(table, new TableFilter.Comparison("L", op, twoTo53 + 1));

        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task Filter_OnDecimals_MatchesEqualTextOnly_AndRefusesRanges()
    {
        var table = await NewTableAsync();
        decimal[] prices = [9m, 10m, 10.50m, 100m];
        Assert.True((await Store.SubmitTransactionAsync(table, [.. prices.Select((p, i) => TableOperation.Insert(Row("p", $"r{i}", ("Price", p))))], Ct)).Succeeded);

        var eq = await Query(table, TableFilter.Eq("Price", 10m));
        var ne = await Query(table, TableFilter.Ne("Price", 10.50m));
        var otherScale = await Query(table, TableFilter.Eq("Price", 10.5m));

        Assert.Equal(["r1"], eq);
        Assert.Equal(["r0", "r1", "r3"], ne);
        Assert.Empty(otherScale);
        foreach (var range in new Func<string, object, TableFilter>[] { TableFilter.Gt, TableFilter.Ge, TableFilter.Lt, TableFilter.Le })
        {
            var error = Assert.Throws<ArgumentException>(() => range("Price", 10m));
            Assert.Contains("'Price'", error.Message, StringComparison.Ordinal);
            Assert.Contains("Eq/Ne", error.Message, StringComparison.Ordinal);
        }

        await Assert.ThrowsAsync<ArgumentException>(() => Store.QueryAsync(table, new TableFilter.Comparison("Price", FilterOperator.Gt, 10m), 10, null, Ct));
    }

    [Fact]
    public async Task Filter_AndOrNot_Combine()
    {
        var table = await FilterTableAsync();

        var or = await Query(table, TableFilter.Eq("Int", -20) | TableFilter.Eq("Int", 30));
        var and = await Query(table, TableFilter.Ge("Int", 0) & TableFilter.Lt("Dbl", 4.0));
        var not = await Query(table, new TableFilter.Not(TableFilter.Gt("Long", (1L << 53) + 1)));
        var nested = await Query(table, (TableFilter.Eq("Bool", true) & TableFilter.Ne("Int", 0)) | TableFilter.Eq("Str", "o'brien"));

        Assert.Equal(["r0", "r5"], or);
        Assert.Equal(["r2", "r3"], and);
        Assert.Equal(["r0", "r1"], not);
        Assert.Equal(["r0", "r2", "r4"], nested);
    }

    [Fact]
    public async Task Filter_OnAMissingProperty_NeverMatches()
    {
        var table = await FilterTableAsync();

        var eq = await Query(table, TableFilter.Eq("Sparse", 1));
        var ne = await Query(table, TableFilter.Ne("Sparse", 0));
        var absent = await Query(table, TableFilter.Eq("NoSuchProperty", "x") | TableFilter.Ne("NoSuchProperty", "x"));

        Assert.Empty(eq);
        Assert.Equal(["r2", "r3", "r4", "r5"], ne);
        Assert.Empty(absent);
    }

    [Fact]
    public async Task Filter_OnPartitionKeyAlone_ReadsOnlyThatPartition()
    {
        var table = await FilterTableAsync();

        var rows = await Store.QueryAllAsync(table, TableFilter.Partition("elsewhere"), cancellationToken: Ct).ToListAsync(Ct);

        Assert.Equal("r2", Assert.Single(rows).RowKey);
        Assert.Equal("o'brien", rows[0].GetString("Str"));
    }

    [Fact]
    public async Task Filter_WithAnInvalidPropertyName_IsRejected()
    {
        var table = await NewTableAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(async () =>
            await Store.QueryAllAsync(table, TableFilter.Eq("Bad Name') or (1 eq 1", "x"), cancellationToken: Ct).ToListAsync(Ct));
    }

    private async Task<string[]> Query(string table, TableFilter filter) =>
        [.. (await Store.QueryAllAsync(table, TableFilter.Partition("p") & filter, cancellationToken: Ct).ToListAsync(Ct)).Select(e => e.RowKey)];

    private static bool Holds(int order, FilterOperator op) => op switch
    {
        FilterOperator.Eq => order == 0,
        FilterOperator.Ne => order != 0,
        FilterOperator.Gt => order > 0,
        FilterOperator.Ge => order >= 0,
        FilterOperator.Lt => order < 0,
        _ => order <= 0,
    };
}
