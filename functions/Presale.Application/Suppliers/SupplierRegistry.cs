using System.Security.Cryptography;
using System.Text;
using Presale.Application.Security;
using Presale.Application.Storage;

namespace Presale.Application.Suppliers;

/// <summary>
/// The supplier registry: register and read suppliers, issue and rotate their webhook secrets, and hand the
/// currently valid secrets to webhook authentication. One row per supplier holds both secret slots, so a rotation is
/// one conditional write and at most two secrets are ever valid. Secrets are encrypted with <see cref="ISecretProtector"/>
/// before they reach storage and are returned in clear exactly once, by <see cref="IssueSecretAsync"/>.
/// </summary>
public sealed class SupplierRegistry
{
    /// <summary>The prefix of issued secret texts (it makes a leaked secret recognisable to secret scanners).</summary>
    public const string SecretPrefix = "whsec_";

    private const int SecretBytes = 32;
    private const int MaxConflictRetries = 8;

    private readonly ITableStore _store;
    private readonly ISecretProtector _protector;
    private readonly TimeProvider _time;
    private readonly SuppliersOptions _options;
    private readonly CreateSupplierRequestValidator _validator = new();
    private readonly Lock _gate = new();
    private Task? _tableCreated;

    /// <summary>Creates the registry over <paramref name="store"/> (table <see cref="SuppliersOptions.SuppliersTable"/>).</summary>
    public SupplierRegistry(ITableStore store, ISecretProtector protector, TimeProvider time, SuppliersOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _protector = protector;
        _time = time;
        _options = options;
    }

    private string Table => _options.SuppliersTable;

    /// <summary>Registers a supplier; an existing id is reported, never overwritten.</summary>
    public async Task<CreateSupplierResult> CreateAsync(CreateSupplierRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await _validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return new CreateSupplierResult(CreateSupplierStatus.Invalid, null, SupplierFieldErrors.From(validation));
        }

        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var contact = new SupplierContact(Trimmed(request.Contact!.Name), Trimmed(request.Contact.Email), Trimmed(request.Contact.Phone));
        var supplier = new StoredSupplier(request.Id!, request.Name!.Trim(), contact, request.DefaultLeadTimeDays, _time.GetUtcNow(), null, null, default);
        var write = await _store.InsertAsync(Table, supplier.ToEntity(), cancellationToken).ConfigureAwait(false);
        if (write.Status == WriteStatus.AlreadyExists)
        {
            var existing = await FindAsync(request.Id!, cancellationToken).ConfigureAwait(false);
            return new CreateSupplierResult(CreateSupplierStatus.AlreadyExists, existing?.ToView(_time.GetUtcNow()), Empty);
        }

        EnsureSucceeded(write, "register supplier");
        return new CreateSupplierResult(CreateSupplierStatus.Created, supplier.ToView(_time.GetUtcNow()), Empty);
    }

    /// <summary>The supplier, or null when no supplier has this id (an invalid id is simply not found).</summary>
    public async Task<SupplierView?> GetAsync(string supplierId, CancellationToken cancellationToken = default)
    {
        var supplier = await FindAsync(supplierId, cancellationToken).ConfigureAwait(false);
        return supplier?.ToView(_time.GetUtcNow());
    }

    /// <summary>True when a supplier with this id is registered.</summary>
    public async Task<bool> ExistsAsync(string supplierId, CancellationToken cancellationToken = default) =>
        await FindAsync(supplierId, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>
    /// Issues a new webhook secret and returns it — the only time it is readable. The current secret, if any, becomes the
    /// previous one, valid for <see cref="SuppliersOptions.SecretRotationOverlap"/>. When a rotation is already running,
    /// the previous secret (the one the supplier most likely still signs with) keeps its deadline and the unconfirmed
    /// current secret is replaced, so there are never more than two. Null when the supplier does not exist.
    /// </summary>
    public async Task<IssuedWebhookSecret?> IssueSecretAsync(string supplierId, CancellationToken cancellationToken = default)
    {
        var secretText = NewSecretText();
        var secretBytes = Encoding.UTF8.GetBytes(secretText);
        var secretId = Guid.NewGuid().ToString("N");
        var protectedSecret = await _protector.ProtectAsync(secretBytes, StoredWebhookSecret.Context(supplierId, secretId), cancellationToken).ConfigureAwait(false);
        CryptographicOperations.ZeroMemory(secretBytes);

        for (var attempt = 0; ; attempt++)
        {
            var supplier = await FindAsync(supplierId, cancellationToken).ConfigureAwait(false);
            if (supplier is null)
            {
                return null;
            }

            var now = _time.GetUtcNow();
            var previous = supplier.PreviousValidAt(now);
            if (previous is null && supplier.Current is { } current)
            {
                previous = current with { ValidUntil = now + _options.SecretRotationOverlap };
            }

            if (previous is not null)
            {
                previous = await ReprotectIfNeededAsync(supplierId, previous, cancellationToken).ConfigureAwait(false);
            }

            var updated = supplier with
            {
                Current = new StoredWebhookSecret(secretId, protectedSecret, now, null),
                Previous = previous,
            };
            var write = await _store.ReplaceAsync(Table, updated.ToEntity(), supplier.ETag, cancellationToken).ConfigureAwait(false);
            if (write.Succeeded)
            {
                return new IssuedWebhookSecret(supplierId, secretText, now, previous?.ValidUntil);
            }

            RetryOrThrow(write, attempt, "issue webhook secret");
        }
    }

    /// <summary>Ends a running rotation early: the previous secret stops being accepted at once.</summary>
    public async Task<EndRotationStatus> EndRotationAsync(string supplierId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var supplier = await FindAsync(supplierId, cancellationToken).ConfigureAwait(false);
            if (supplier is null)
            {
                return EndRotationStatus.SupplierNotFound;
            }

            if (supplier.PreviousValidAt(_time.GetUtcNow()) is null)
            {
                return EndRotationStatus.NoRotation;
            }

            var write = await _store.ReplaceAsync(Table, (supplier with { Previous = null }).ToEntity(), supplier.ETag, cancellationToken).ConfigureAwait(false);
            if (write.Succeeded)
            {
                return EndRotationStatus.Ended;
            }

            RetryOrThrow(write, attempt, "end webhook secret rotation");
        }
    }

    /// <summary>
    /// The secrets valid now, decrypted (current first); null when the supplier does not exist, empty when it has no
    /// secret yet. One point read.
    /// </summary>
    public async Task<IReadOnlyList<ActiveWebhookSecret>?> GetActiveSecretsAsync(string supplierId, CancellationToken cancellationToken = default)
    {
        var supplier = await FindAsync(supplierId, cancellationToken).ConfigureAwait(false);
        if (supplier is null)
        {
            return null;
        }

        var active = new List<ActiveWebhookSecret>(2);
        if (supplier.Current is { } current)
        {
            active.Add(new ActiveWebhookSecret(WebhookSecretSlot.Current, await DecryptAsync(supplierId, current, cancellationToken).ConfigureAwait(false)));
        }

        if (supplier.PreviousValidAt(_time.GetUtcNow()) is { } previous)
        {
            active.Add(new ActiveWebhookSecret(WebhookSecretSlot.Previous, await DecryptAsync(supplierId, previous, cancellationToken).ConfigureAwait(false)));
        }

        return active;
    }

    private static IReadOnlyDictionary<string, string[]> Empty { get; } = new Dictionary<string, string[]>();

    private static string NewSecretText()
    {
        Span<byte> random = stackalloc byte[SecretBytes];
        RandomNumberGenerator.Fill(random);
        var text = SecretPrefix + Convert.ToBase64String(random).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        CryptographicOperations.ZeroMemory(random);
        return text;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void EnsureSucceeded(WriteResult write, string what)
    {
        if (!write.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: the store answered {write.Status}.");
        }
    }

    private static void RetryOrThrow(WriteResult write, int attempt, string what)
    {
        // Another operator changed the row since it was read (412) or it was deleted: read again and redo.
        if (write.Status is not (WriteStatus.PreconditionFailed or WriteStatus.NotFound) || attempt >= MaxConflictRetries)
        {
            throw new InvalidOperationException($"Could not {what}: the store answered {write.Status} after {attempt + 1} attempts.");
        }
    }

    private async Task<StoredWebhookSecret> ReprotectIfNeededAsync(string supplierId, StoredWebhookSecret secret, CancellationToken cancellationToken)
    {
        // A secret written under a retired encryption key moves to the current key when it is rewritten anyway.
        if (string.Equals(_protector.CurrentKeyId, secret.Protected.KeyId, StringComparison.Ordinal))
        {
            return secret;
        }

        var context = StoredWebhookSecret.Context(supplierId, secret.SecretId);
        var plaintext = await _protector.UnprotectAsync(secret.Protected, context, cancellationToken).ConfigureAwait(false);
        try
        {
            return secret with { Protected = await _protector.ProtectAsync(plaintext, context, cancellationToken).ConfigureAwait(false) };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private async Task<byte[]> DecryptAsync(string supplierId, StoredWebhookSecret secret, CancellationToken cancellationToken) =>
        await _protector.UnprotectAsync(secret.Protected, StoredWebhookSecret.Context(supplierId, secret.SecretId), cancellationToken).ConfigureAwait(false);

    private async Task<StoredSupplier?> FindAsync(string supplierId, CancellationToken cancellationToken)
    {
        if (Domain.Common.Identifier.Validate(supplierId, "supplierId") is not null)
        {
            return null;
        }

        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var entity = await _store.GetAsync(Table, supplierId, StoredSupplier.RowKey, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : StoredSupplier.FromEntity(entity);
    }

    private Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Created once per process on first use; a failed attempt is retried by the next caller.
            if (_tableCreated is null || _tableCreated.IsFaulted || _tableCreated.IsCanceled)
            {
                _tableCreated = _store.CreateTableIfNotExistsAsync(Table, cancellationToken);
            }

            return _tableCreated;
        }
    }
}
