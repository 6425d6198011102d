using Presale.Domain.Notifications;

namespace Presale.Domain.Tests.Notifications;

public sealed class NotificationTemplatesTests
{
    private static readonly HashSet<string> KnownPlaceholders =
    [
        "orderId", "promisedDate", "previousDate", "revisedDate", "deadline", "acceptLink", "cancelLink", "amount",
        "currency", "readyDate", "returnId",
    ];

    [Fact]
    public void Default_HoldsEnglishAndSimplifiedChinese_WithTheSameTemplates()
    {
        var templates = NotificationTemplates.Default;

        Assert.Equal(["en", "zh-CN"], templates.Locales.Order(StringComparer.Ordinal));
        Assert.All(templates.TemplateIds, id => Assert.NotEqual(templates.Text("en", id), templates.Text("zh-CN", id)));
    }

    [Fact]
    public void EveryTemplate_UsesOnlyKnownPlaceholders_AndTheSameOnesInEveryLocale()
    {
        var templates = NotificationTemplates.Default;

        foreach (var id in templates.TemplateIds)
        {
            var english = templates.PlaceholdersOf("en", id);
            Assert.Subset(KnownPlaceholders, english.ToHashSet());
            Assert.True(english.SetEquals(templates.PlaceholdersOf("zh-CN", id)), id);
        }
    }

    [Fact]
    public void EveryKindHasATitleAndABody()
    {
        var ids = NotificationTemplates.Default.TemplateIds;

        Assert.All(Enum.GetNames<NotificationKind>(), kind =>
        {
            Assert.Contains(kind + ".Title", ids);
            Assert.Contains(ids, id => id.StartsWith(kind + ".Body", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Render_WithAMissingValue_Throws()
    {
        var values = new Dictionary<string, string> { ["orderId"] = "o-1" };

        Assert.Equal("Order o-1 confirmed", NotificationTemplates.Default.Render("en", "OrderConfirmed.Title", values));
        Assert.Throws<InvalidOperationException>(() => NotificationTemplates.Default.Render("en", "OrderConfirmed.Body", values));
    }

    [Fact]
    public void Constructor_RefusesALocaleMissingATemplate()
    {
        var english = new Dictionary<string, string> { ["A"] = "a", ["B"] = "b" };
        var partial = new Dictionary<string, string> { ["A"] = "a" };

        var error = Assert.Throws<ArgumentException>(() => new NotificationTemplates(
            new Dictionary<string, IReadOnlyDictionary<string, string>> { ["en"] = english, ["de"] = partial }));

        Assert.Contains("'de' lacks templates B", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new NotificationTemplates(
            new Dictionary<string, IReadOnlyDictionary<string, string>> { ["de"] = english }));
    }
}
