using Presale.Application.Outbox;

namespace Presale.Application.Reconciliation;

/// <summary>What <see cref="PlanWriter.WriteOrdersAsync"/> did with a plan's changed orders.</summary>
/// <param name="Written">Orders written (each with its notice's outbox row and compensation index row).</param>
/// <param name="Notices">The notices written to the outbox with those orders, by order partition (for <see cref="PlanWriter.PublishNoticesAsync"/>).</param>
/// <param name="Superseded">An order already carried a later plan: nothing was written, the later run covers everything.</param>
/// <param name="Conflict">An order changed since it was read (412, 404): its transaction applied nothing and the run must start over.</param>
public sealed record OrderWrites(int Written, IReadOnlyList<(string Partition, OutboxMessage Message)> Notices, bool Superseded, bool Conflict);
