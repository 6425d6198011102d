using System.Collections.Concurrent;
using Presale.Application.Storage;

namespace Presale.Application.Notifications;

/// <summary>Creates each table once per process, on first use, instead of paying a create call per operation.</summary>
internal sealed class TableReadiness(ITableStore store)
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _created = new(StringComparer.OrdinalIgnoreCase);

    public Task EnsureAsync(string table, CancellationToken cancellationToken)
    {
        var creation = _created.GetOrAdd(table, name => new Lazy<Task>(() => store.CreateTableIfNotExistsAsync(name, CancellationToken.None)));
        if (creation.Value.IsFaulted || creation.Value.IsCanceled)
        {
            // A failed creation is retried by the next caller rather than cached for the life of the process.
            _created.TryRemove(new KeyValuePair<string, Lazy<Task>>(table, creation));
        }

        return creation.Value.WaitAsync(cancellationToken);
    }
}
