using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>Reads <c>budget</c>: a monthly limit, limits by month and a total, all in USD.</summary>
internal static class BudgetReader
{
    private static readonly string[] Keys = ["monthly_usd", "by_month", "total_usd"];

    public static BudgetSpec? Read(YamlNode? node, string path, ParseContext context)
    {
        if (node is null || MappingReader.Open(node, path, context, "a budget mapping", Keys) is not { } budget)
        {
            return null;
        }

        var monthly = budget.Money("monthly_usd");
        var total = budget.Money("total_usd");
        var byMonth = new Dictionary<DateOnly, decimal>();
        if (budget.Find("by_month") is { } byMonthNode
            && MappingReader.Open(byMonthNode, budget.ChildPath("by_month"), context,
                "a mapping of months (YYYY-MM) to USD", null) is { } months)
        {
            foreach (var (month, value) in months.Entries)
            {
                var monthPath = months.ChildPath(month);
                var monthKey = months.FindKey(month)!;
                if (ScalarReader.TryMonth(monthKey, monthPath, context, out var start)
                    && ScalarReader.TryMoney(value, monthPath, context, ValueRange.Money, out var limit))
                {
                    byMonth[start] = limit;
                }
            }
        }

        // A key with an invalid value has its own problem already, so only a budget with no keys is empty.
        if (!budget.Has("monthly_usd") && !budget.Has("total_usd") && !budget.Has("by_month"))
        {
            context.Report(budget.Node, path, NodeText.RenderForMessage(budget.Node),
                "empty budget; expected monthly_usd, by_month or total_usd");
        }

        return new BudgetSpec(monthly, byMonth, total, budget.Location);
    }
}
