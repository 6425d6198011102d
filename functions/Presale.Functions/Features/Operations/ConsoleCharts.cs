using System.Globalization;
using System.Text;

namespace Presale.Functions.Features.Operations;

/// <summary>
/// Charts as inline SVG rendered on the server (no script, nothing downloaded): each is an image with a title
/// (<c>role="img"</c>, <c>aria-labelledby</c>), and every page puts a table of the same figures next to it, which is
/// what screen readers and tests read.
/// </summary>
public static class ConsoleCharts
{
    /// <summary>Colour of good news (on track, kept).</summary>
    public const string Good = "#1b7f3b";

    /// <summary>Colour of a warning (at risk).</summary>
    public const string Warn = "#b36b00";

    /// <summary>Colour of bad news (late, beyond supply).</summary>
    public const string Bad = "#b3261e";

    /// <summary>Colour of a main quantity (reserved).</summary>
    public const string Main = "#0b4f8a";

    /// <summary>Colour of a secondary quantity (supply not yet sold).</summary>
    public const string Light = "#9fc3e6";

    private const int Width = 720;
    private const int LabelWidth = 200;
    private const int Row = 26;

    /// <summary>Horizontal bars, one per row, each stacked from parts; the longest row spans the width (or <paramref name="max"/>).</summary>
    public static string Bars(string id, string title, IReadOnlyList<(string Label, IReadOnlyList<(decimal Value, string Color, string Name)> Parts)> rows, decimal? max = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var scale = max ?? rows.Select(r => r.Parts.Sum(p => p.Value)).DefaultIfEmpty(0m).Max();
        var height = Math.Max(1, rows.Count) * Row + 8;
        var svg = Open(id, title, height);
        for (var i = 0; i < rows.Count; i++)
        {
            var y = 4 + (i * Row);
            svg.Append(Text(0, y + 16, Clip(rows[i].Label)));
            double x = LabelWidth;
            foreach (var (value, color, name) in rows[i].Parts)
            {
                var w = scale <= 0m ? 0d : (double)(value / scale) * (Width - LabelWidth - 60);
                svg.Append(Invariant($"<rect x=\"{x:0.#}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"{Row - 8}\" fill=\"{color}\"><title>")).Append(Enc(name)).Append(": ").Append(Enc(Format(value))).Append("</title></rect>");
                x += w;
            }

            svg.Append(Text(x + 6, y + 16, Format(rows[i].Parts.Sum(p => p.Value))));
        }

        return Close(svg);
    }

    /// <summary>
    /// A SKU's supply timeline: one row per source of supply in promise order; a dot on the date axis at the day it is
    /// available, a line from today to it, and the row's label showing reserved of units.
    /// </summary>
    public static string Timeline(string id, string title, DateOnly today, IReadOnlyList<(string Label, DateOnly AvailableOn, long Quantity, long Reserved)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var last = rows.Select(r => r.AvailableOn).Append(today.AddDays(7)).Max();
        var days = Math.Max(1, last.DayNumber - today.DayNumber);
        var height = (rows.Count * Row) + 40;
        var svg = Open(id, title, height);
        double X(DateOnly d) => LabelWidth + ((double)Math.Max(0, d.DayNumber - today.DayNumber) / days * (Width - LabelWidth - 90));
        svg.Append(Invariant($"<line x1=\"{LabelWidth}\" y1=\"{height - 28}\" x2=\"{Width - 90}\" y2=\"{height - 28}\" stroke=\"#555\"/>"));
        svg.Append(Text(LabelWidth, height - 12, Date(today)));
        svg.Append(Text(Width - 150, height - 12, Date(last)));
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, on, quantity, reserved) = rows[i];
            var y = 4 + (i * Row);
            var x = X(on);
            var color = reserved > quantity ? Bad : reserved == quantity && quantity > 0 ? Warn : Main;
            svg.Append(Text(0, y + 16, Clip(label)));
            svg.Append(Invariant($"<line x1=\"{LabelWidth}\" y1=\"{y + 12}\" x2=\"{x:0.#}\" y2=\"{y + 12}\" stroke=\"{Light}\" stroke-width=\"4\"/>"));
            svg.Append(Invariant($"<circle cx=\"{x:0.#}\" cy=\"{y + 12}\" r=\"6\" fill=\"{color}\"><title>")).Append(Enc(label + " " + Date(on))).Append("</title></circle>");
            svg.Append(Text(x + 10, y + 16, Date(on) + "  " + Format(reserved) + " / " + Format(quantity)));
        }

        return Close(svg);
    }

    /// <summary>Lots' ETA histories: per lot a hollow dot at its first ETA, a line through its moves, a filled dot at the current ETA.</summary>
    public static string EtaHistory(string id, string title, IReadOnlyList<(string Label, IReadOnlyList<DateOnly> Etas)> lots)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var all = lots.SelectMany(l => l.Etas).ToList();
        if (all.Count == 0)
        {
            return string.Empty;
        }

        var first = all.Min();
        var span = Math.Max(1, all.Max().DayNumber - first.DayNumber);
        var height = (lots.Count * Row) + 40;
        var svg = Open(id, title, height);
        double X(DateOnly d) => LabelWidth + ((double)(d.DayNumber - first.DayNumber) / span * (Width - LabelWidth - 90));
        svg.Append(Text(LabelWidth, height - 12, Date(first)));
        svg.Append(Text(Width - 150, height - 12, Date(all.Max())));
        for (var i = 0; i < lots.Count; i++)
        {
            var (label, etas) = lots[i];
            if (etas.Count == 0)
            {
                continue;
            }

            var y = 4 + (i * Row) + 12;
            svg.Append(Text(0, y + 4, Clip(label)));
            var points = string.Join(' ', etas.Select(e => Invariant($"{X(e):0.#},{y}")));
            svg.Append("<polyline points=\"").Append(points).Append("\" fill=\"none\" stroke=\"").Append(Warn).Append("\" stroke-width=\"2\"/>");
            svg.Append(Invariant($"<circle cx=\"{X(etas[0]):0.#}\" cy=\"{y}\" r=\"6\" fill=\"#fff\" stroke=\"{Main}\" stroke-width=\"2\"><title>")).Append(Enc(Date(etas[0]))).Append("</title></circle>");
            svg.Append(Invariant($"<circle cx=\"{X(etas[^1]):0.#}\" cy=\"{y}\" r=\"6\" fill=\"{(etas[^1] > etas[0] ? Bad : Main)}\"><title>")).Append(Enc(Date(etas[^1]))).Append("</title></circle>");
        }

        return Close(svg);
    }

    private static StringBuilder Open(string id, string title, int height) =>
        new StringBuilder("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"").Append(id).Append("-title\" width=\"100%\" viewBox=\"0 0 ")
            .Append(Width.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(height.ToString(CultureInfo.InvariantCulture))
            .Append("\" style=\"max-width:").Append(Width.ToString(CultureInfo.InvariantCulture)).Append("px\"><title id=\"").Append(id).Append("-title\">").Append(Enc(title)).Append("</title>");

    private static string Close(StringBuilder svg) => svg.Append("</svg></figure>\n").ToString();

    private static string Text(double x, double y, string text) => Invariant($"<text x=\"{x:0.#}\" y=\"{y:0.#}\">") + Enc(text) + "</text>";

    private static string Clip(string label) => label.Length <= 28 ? label : label[..27] + "…";

    private static string Enc(string text) => ConsoleHtml.Encode(text);

    private static string Date(DateOnly date) => ConsoleHtml.Date(date);

    private static string Format(decimal value) => value == decimal.Truncate(value) ? ConsoleHtml.Number((long)value) : ConsoleHtml.Decimal(value);

    private static string Format(long value) => ConsoleHtml.Number(value);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
