namespace Presale.Functions.Tests.Deployment;

/// <summary>Finds Bicep linter suppressions that do not say why.</summary>
internal static class BicepSuppressions
{
    private static readonly string[] Pragmas = ["#disable-next-line", "#disable-diagnostics"];

    /// <summary>
    /// The suppressions in <paramref name="text"/> with no reason: a reason is a <c>//</c> comment on the pragma's line
    /// or on the line just above it. Each as <c>line N: pragma</c>.
    /// </summary>
    public static IReadOnlyList<string> Unexplained(string text)
    {
        var lines = text.Split('\n').Select(line => line.TrimEnd('\r').Trim()).ToArray();
        var unexplained = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!Pragmas.Any(pragma => lines[i].StartsWith(pragma, StringComparison.Ordinal)))
            {
                continue;
            }

            var trailing = lines[i].IndexOf("//", StringComparison.Ordinal);
            var hasReason = (trailing >= 0 && lines[i][(trailing + 2)..].Trim().Length > 0)
                || (i > 0 && lines[i - 1].StartsWith("//", StringComparison.Ordinal) && lines[i - 1].Length > 2);
            if (!hasReason)
            {
                unexplained.Add($"line {i + 1}: {lines[i]}");
            }
        }

        return unexplained;
    }
}
