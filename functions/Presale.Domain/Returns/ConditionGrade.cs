namespace Presale.Domain.Returns;

/// <summary>The condition of a returned unit as graded at inspection (or as stated by the customer at intake).</summary>
public enum ConditionGrade
{
    /// <summary>New, seal intact: sellable as new.</summary>
    A = 0,

    /// <summary>Opened, in good working order: sellable as open-box.</summary>
    B = 1,

    /// <summary>Defective: does not work as it should.</summary>
    C = 2,

    /// <summary>Physically damaged.</summary>
    D = 3,
}
