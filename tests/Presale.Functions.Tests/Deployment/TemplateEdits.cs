using System.Text.RegularExpressions;

namespace Presale.Functions.Tests.Deployment;

/// <summary>Copies of the real templates with one thing removed or added, to prove the cross-check notices.</summary>
internal static class TemplateEdits
{
    /// <summary>The templates of infra-bicep/, comments stripped so edits can match code only.</summary>
    public static Dictionary<string, string> Load(string folder) =>
        Directory.EnumerateFiles(folder, "*.bicep*", SearchOption.AllDirectories).ToDictionary(
            path => Path.GetRelativePath(folder, path).Replace('\\', '/'),
            path => BicepText.StripComments(File.ReadAllText(path)),
            StringComparer.Ordinal);

    /// <summary>Removes the serviceBusQueues entry named <paramref name="queue"/>.</summary>
    public static string RemoveQueue(string main, string queue)
    {
        var name = main.IndexOf($"name: '{queue}'", StringComparison.Ordinal);
        Assert.True(name >= 0, $"main.bicep has no queue entry '{queue}'.");
        var open = main.LastIndexOf('{', name);
        var block = BicepText.Block(main, open);
        return main.Remove(open, block.Length);
    }

    /// <summary>Sets <paramref name="property"/> of the serviceBusQueues entry named <paramref name="queue"/> to <paramref name="value"/> (a Bicep expression).</summary>
    public static string SetQueueProperty(string main, string queue, string property, string value)
    {
        var name = main.IndexOf($"name: '{queue}'", StringComparison.Ordinal);
        Assert.True(name >= 0, $"main.bicep has no queue entry '{queue}'.");
        var open = main.LastIndexOf('{', name);
        var block = BicepText.Block(main, open);
        var edited = Regex.Replace(block, $@"(?m)^(\s*{Regex.Escape(property)}:\s*)[^\n]*$", $"${{1}}{value}");
        Assert.NotEqual(block, edited);
        return main.Remove(open, block.Length).Insert(open, edited);
    }

    /// <summary>Removes the resource declared with symbolic name <paramref name="symbol"/>.</summary>
    public static string RemoveResource(string text, string symbol)
    {
        var declaration = Regex.Match(text, $@"^\s*resource\s+{Regex.Escape(symbol)}\s+'[^']+'\s*=[^{{]*", RegexOptions.Multiline);
        Assert.True(declaration.Success, $"No resource '{symbol}'.");
        var open = declaration.Index + declaration.Length;
        var block = BicepText.Block(text, open);
        return text.Remove(declaration.Index, open + block.Length - declaration.Index);
    }

    /// <summary>Removes the one-line object entry <c><paramref name="key"/>: ...</c>.</summary>
    public static string RemoveEntry(string text, string key)
    {
        var edited = Regex.Replace(text, $@"^\s*{Regex.Escape(key)}\s*:[^\n]*\n", string.Empty, RegexOptions.Multiline);
        Assert.NotEqual(text, edited);
        return edited;
    }

    /// <summary>Removes the parameter-file line <c>param <paramref name="name"/> = ...</c>.</summary>
    public static string RemoveParameter(string text, string name)
    {
        var edited = Regex.Replace(text, $@"^\s*param\s+{Regex.Escape(name)}\s*=[^\n]*\n", string.Empty, RegexOptions.Multiline);
        Assert.NotEqual(text, edited);
        return edited;
    }

    /// <summary>Adds an entry at the top of presaleSettings.</summary>
    public static string AddPresaleSetting(string main, string entry)
    {
        const string Declaration = "var presaleSettings = {";
        Assert.Contains(Declaration, main, StringComparison.Ordinal);
        return main.Replace(Declaration, $"{Declaration}\n  {entry}", StringComparison.Ordinal);
    }
}
