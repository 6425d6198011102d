using System.Text.Json.Nodes;

namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// infra-bicep compiles and lints clean with the real Bicep CLI (with infra-bicep/bicepconfig.json's rules): no error,
/// no warning, no info; a suppression (<c>#disable-next-line</c>, <c>#disable-diagnostics</c>) says why in a comment.
/// </summary>
public sealed class InfraBicepBuildTests
{
    [Fact]
    public async Task Build_MainBicep_CompilesWithoutDiagnostics()
    {
        var result = await BicepCli.RunAsync(InfraCopy.Source, "build", "main.bicep", "--stdout");

        Assert.True(result.ExitCode == 0 && result.Diagnostics.Count == 0, result.ToString());
        var modules = JsonNode.Parse(result.Output)!["resources"]!.AsObject().Select(pair => pair.Key).ToList();
        Assert.Equal(["monitoring", "storage", "serviceBus", "keyVault", "functionApp", "roleAssignments", "appSettings"], modules);
    }

    [Fact]
    public async Task BuildParams_EveryParameterFile_CompilesWithoutDiagnostics()
    {
        using var copy = InfraCopy.Create();

        var result = await BicepCli.RunAsync(copy.Folder, "build-params", "--pattern", "*.bicepparam");

        Assert.True(result.ExitCode == 0 && result.Diagnostics.Count == 0, result.ToString());
        Assert.All(InfraCopy.ParameterFiles(), file =>
        {
            var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(copy.Folder, Path.ChangeExtension(file, ".json"))))!["parameters"]!.AsObject();
            Assert.Contains("environmentName", parameters.Select(pair => pair.Key));
        });
    }

    [Fact]
    public async Task Lint_EveryTemplateAndParameterFile_ReportsNothing()
    {
        var result = await BicepCli.RunAsync(InfraCopy.Source, "lint", "--pattern", "**/*.bicep*");

        Assert.True(result.ExitCode == 0 && result.Diagnostics.Count == 0 && result.Error.Trim().Length == 0, result.ToString());
    }

    [Fact]
    public async Task Lint_WhenAModuleOrAParameterFileBreaksARule_ReportsIt()
    {
        using var copy = InfraCopy.Create();
        // An untyped object parameter that nothing uses: use-user-defined-types is on only through bicepconfig.json.
        copy.Replace("modules/appSettings.bicep", "param functionAppName string", "param functionAppName string\n\nparam unusedOptions object = {}");
        // A parameter main.bicep does not declare (the hosting plan choice it no longer has).
        copy.Replace("main.prod.bicepparam", "param environmentName = 'prod'", "param environmentName = 'prod'\nparam hostingPlan = 'FlexConsumption'");

        var result = await BicepCli.RunAsync(copy.Folder, "lint", "--pattern", "**/*.bicep*");

        Assert.Contains(result.Diagnostics, line => line.Contains("main.prod.bicepparam", StringComparison.Ordinal) && line.Contains(" : Error BCP259:", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, line => line.Contains("appSettings.bicep", StringComparison.Ordinal) && line.Contains(" : Warning no-unused-params:", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, line => line.Contains("appSettings.bicep", StringComparison.Ordinal) && line.Contains(" : Warning use-user-defined-types:", StringComparison.Ordinal));
    }

    [Fact]
    public void Suppressions_InTheTemplates_EachSayWhy()
    {
        var files = Directory.EnumerateFiles(InfraCopy.Source, "*.bicep*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var unexplained = files.SelectMany(file => BicepSuppressions.Unexplained(File.ReadAllText(file)).Select(line => $"{Path.GetRelativePath(InfraCopy.Source, file)}: {line}")).ToList();

        Assert.NotEmpty(files);
        Assert.True(unexplained.Count == 0, "Suppressions without a reason:" + Environment.NewLine + string.Join(Environment.NewLine, unexplained));
    }

    [Fact]
    public void Unexplained_FindsSuppressionsWithoutAReason()
    {
        const string Text = """
            // The sample keeps the variable for the docs.
            #disable-next-line no-unused-vars
            var documented = 1
            #disable-next-line no-unused-vars // kept for the docs
            var alsoDocumented = 2

            #disable-next-line no-unused-vars
            var silent = 3
            #disable-diagnostics no-unused-params
            """;

        Assert.Equal(["line 7: #disable-next-line no-unused-vars", "line 9: #disable-diagnostics no-unused-params"], BicepSuppressions.Unexplained(Text));
    }
}
