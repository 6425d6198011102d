namespace Presale.Domain.Returns;

/// <summary>Why a transition of a return was refused.</summary>
public enum ReturnErrorCode
{
    /// <summary>The transition is not allowed in the return's current status.</summary>
    InvalidTransition = 0,

    /// <summary>Approval was asked for a request with no eligible line.</summary>
    NothingEligible = 1,

    /// <summary>A unit id is not part of this return.</summary>
    UnknownUnit = 2,

    /// <summary>A unit has already been received (a receipt is recorded once).</summary>
    UnitAlreadyReceived = 3,

    /// <summary>A unit the customer keeps was posted as received.</summary>
    UnitNotExpected = 4,

    /// <summary>A receipt names the same unit twice, or names no unit.</summary>
    InvalidReceipt = 5,

    /// <summary>A decision needs the unit received first (all but keep-it).</summary>
    UnitNotReceived = 6,

    /// <summary>The unit already has a final decision.</summary>
    UnitAlreadyDecided = 7,

    /// <summary>The unit is already waiting for manual review.</summary>
    UnitAlreadyInReview = 8,

    /// <summary>The decision does not fit the unit (a reviewer must choose a final action; keep-it only before receipt).</summary>
    InvalidDecision = 9,

    /// <summary>The refund is for another return or in another currency.</summary>
    RefundMismatch = 10,
}
