namespace Presale.Application.Suppliers;

/// <summary>Which of a supplier's (at most two) webhook secrets.</summary>
public enum WebhookSecretSlot
{
    /// <summary>The newest secret.</summary>
    Current = 0,

    /// <summary>The secret replaced by the newest one, valid until its rotation overlap ends.</summary>
    Previous = 1,
}
