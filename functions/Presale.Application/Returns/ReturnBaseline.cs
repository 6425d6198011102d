using Presale.Domain.Returns;

namespace Presale.Application.Returns;

/// <summary>
/// What a return was before a transition — its status, finally decided units, supplier claims and received units — so
/// <see cref="ReturnSettlement.SettleAsync"/> adds only what the transition caused.
/// </summary>
/// <param name="Status">The status before.</param>
/// <param name="Decided">The units finally decided before.</param>
/// <param name="Claims">The supplier claim ids before.</param>
/// <param name="Received">The units received before.</param>
public sealed record ReturnBaseline(ReturnStatus Status, IReadOnlySet<ReturnUnitId> Decided, IReadOnlySet<string> Claims, IReadOnlySet<ReturnUnitId> Received)
{
    /// <summary>The baseline of a return being submitted: nothing received, decided or claimed.</summary>
    public static ReturnBaseline Submitted { get; } = new(ReturnStatus.Requested, new HashSet<ReturnUnitId>(), new HashSet<string>(StringComparer.Ordinal), new HashSet<ReturnUnitId>());

    /// <summary>The baseline of <paramref name="request"/> as it is now (take it before the transition).</summary>
    public static ReturnBaseline Of(ReturnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ReturnBaseline(
            request.Status,
            request.Units.Where(u => u.IsDecided).Select(u => u.Id).ToHashSet(),
            request.SupplierClaims.Select(c => c.ClaimId).ToHashSet(StringComparer.Ordinal),
            request.Units.Where(u => u.IsReceived).Select(u => u.Id).ToHashSet());
    }
}
