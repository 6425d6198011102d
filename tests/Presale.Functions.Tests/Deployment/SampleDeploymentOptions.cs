using System.ComponentModel.DataAnnotations;

namespace Presale.Functions.Tests.Deployment;

/// <summary>An options class shaped like the product's, used to prove the cross-check discovers [Required] settings.</summary>
public sealed class SampleDeploymentOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Presale:SampleDeployment";

    /// <summary>Must be set in Azure; no default.</summary>
    [Required]
    public Uri? Endpoint { get; set; }

    /// <summary>Has a safe default; need not be set.</summary>
    public int Retries { get; set; } = 3;
}
