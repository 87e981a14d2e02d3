using System.Globalization;
using Tokencast.Core.Logs;

namespace Tokencast.Core.Quality;

/// <summary>Checks the values of one eval results row and turns it into an <see cref="EvalRow"/>.</summary>
internal static class EvalRowParser
{
    public const string Feature = "feature";
    public const string Item = "item";
    public const string Model = "model";
    public const string Passed = "passed";
    public const string Score = "score";
    public const string Confidence = "confidence";
    public const string PassRate = "pass_rate";
    public const string Items = "items";

    public static readonly string[] Columns =
        [Feature, Item, Model, Passed, Score, Confidence, PassRate, Items];

    /// <summary>Parses a row whose keys are lower-case column names, or returns null when it has problems.</summary>
    public static EvalRow? Parse(
        long line, IReadOnlyDictionary<string, string> fields, string source, List<InputProblem> problems)
    {
        var count = problems.Count;

        string? Text(string column) =>
            fields.TryGetValue(column, out var value) && value.Trim().Length > 0 ? value.Trim() : null;

        void Problem(string? column, string? value, string message) =>
            problems.Add(new InputProblem(source, line, column, value, message));

        var feature = Text(Feature);
        var model = Text(Model);
        if (feature is null)
        {
            Problem(Feature, null, "feature is missing; every row needs a feature and a model");
        }

        if (model is null)
        {
            Problem(Model, null, "model is missing; every row needs a feature and a model");
        }

        var perItem = Text(Item) is not null || Text(Passed) is not null || Text(Score) is not null;
        var aggregate = Text(PassRate) is not null || Text(Items) is not null;
        if (perItem && aggregate)
        {
            Problem(null, null, "row mixes per-item columns (item, passed, score) with aggregate columns "
                + "(pass_rate, items); a row gives either one item's result or a model's pass rate");
            return null;
        }

        if (!perItem && !aggregate)
        {
            Problem(null, null, "row has no result; give item with passed or score, or pass_rate with items");
            return null;
        }

        var row = aggregate
            ? ParseAggregate(line, feature, model, Text, Problem)
            : ParseItem(line, feature, model, Text, Problem);
        return problems.Count == count ? row : null;
    }

    private static EvalRow ParseItem(
        long line,
        string? feature,
        string? model,
        Func<string, string?> text,
        Action<string?, string?, string> problem)
    {
        var item = text(Item);
        if (item is null)
        {
            problem(Item, null, "item is missing; a row with passed or score needs the item id");
        }

        var passedText = text(Passed);
        var scoreText = text(Score);
        double? score = null;
        if (passedText is not null && scoreText is not null)
        {
            problem(Score, scoreText, "row gives both passed and score; give one of them");
        }
        else if (passedText is not null)
        {
            score = ParsePassed(passedText);
            if (score is null)
            {
                problem(Passed, passedText, "passed must be true, false, 1 or 0");
            }
        }
        else if (scoreText is not null)
        {
            score = ParseUnitInterval(scoreText);
            if (score is null)
            {
                problem(Score, scoreText, "score must be a number from 0 to 1");
            }
        }
        else
        {
            problem(Passed, null, "result is missing; give passed (true, false, 1 or 0) or score (0 to 1)");
        }

        var confidenceText = text(Confidence);
        var confidence = confidenceText is null ? null : ParseUnitInterval(confidenceText);
        if (confidenceText is not null && confidence is null)
        {
            problem(Confidence, confidenceText, "confidence must be a number from 0 to 1");
        }

        var isPassFail = passedText is not null;
        return new EvalRow(line, feature ?? "", model ?? "", item, score, isPassFail, confidence, null, null);
    }

    private static EvalRow ParseAggregate(
        long line,
        string? feature,
        string? model,
        Func<string, string?> text,
        Action<string?, string?, string> problem)
    {
        var confidenceText = text(Confidence);
        if (confidenceText is not null)
        {
            problem(Confidence, confidenceText,
                "confidence belongs on per-item rows; an aggregate row (pass_rate, items) cannot carry it");
        }

        var passRateText = text(PassRate);
        var passRate = passRateText is null ? null : ParseUnitInterval(passRateText);
        if (passRate is null)
        {
            problem(PassRate, passRateText, passRateText is null
                ? "pass_rate is missing; an aggregate row needs pass_rate (0 to 1) and items"
                : "pass_rate must be a number from 0 to 1");
        }

        var itemsText = text(Items);
        long? items = null;
        if (itemsText is null)
        {
            problem(Items, null,
                "items is missing; an aggregate row needs pass_rate and items (a positive whole number)");
        }
        else if (!LogValueParser.TryParseTokens(itemsText, out var count) || count > int.MaxValue)
        {
            problem(Items, itemsText, "items must be a positive whole number");
        }
        else if (count == 0)
        {
            problem(Items, itemsText, $"feature '{feature}' model '{model}' has zero items; "
                + "items must be a positive whole number");
        }
        else
        {
            items = count;
        }

        return new EvalRow(
            line, feature ?? "", model ?? "", null, null, false, null, passRate ?? 0, items ?? 0);
    }

    private static double? ParsePassed(string text) => text.ToLowerInvariant() switch
    {
        "true" or "1" => 1,
        "false" or "0" => 0,
        _ => null,
    };

    private static double? ParseUnitInterval(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && value >= 0 && value <= 1
            ? value
            : null;
}
