using Presale.Application.Compensation;
using Presale.Functions.Features.Compensation;

namespace Presale.Functions.Tests.Composition;

public sealed class CompensationOptionsValidatorTests
{
    private static CompensationOptions Options(string publicBaseUrl) => new()
    {
        ConsentLinkKey = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray()),
        PublicBaseUrl = publicBaseUrl,
    };

    [Theory]
    [InlineData("http://localhost:7071")]
    [InlineData("http://127.0.0.1:7071")]
    [InlineData("http://[::1]:7071/")]
    public void UnderFunctionsHost_ALoopbackPublicBaseUrl_IsRefusedNamingTheSetting(string url)
    {
        var result = new CompensationOptionsValidator(standalone: false).Validate(null, Options(url));

        Assert.True(result.Failed);
        Assert.Contains("Presale:Compensation:PublicBaseUrl", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("loopback", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void UnderFunctionsHost_ThePublicHostName_IsAccepted()
    {
        Assert.True(new CompensationOptionsValidator(standalone: false).Validate(null, Options("https://func-presale-prod.azurewebsites.net")).Succeeded);
    }

    [Fact]
    public void Standalone_TheLocalDefault_IsAccepted()
    {
        Assert.True(new CompensationOptionsValidator(standalone: true).Validate(null, Options(new CompensationOptions().PublicBaseUrl)).Succeeded);
    }
}
