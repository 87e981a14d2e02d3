namespace Tokencast.Core.Scenarios;

/// <summary>
/// One <c>PATH=VALUE</c> given on the command line, applied like an entry of the scenario's top-level
/// <c>set</c> after the file's own entries.
/// </summary>
/// <param name="Path">A set path such as <c>features.chat.model</c>.</param>
/// <param name="Value">The value as YAML text, such as <c>budget</c>, <c>0.4</c> or <c>{fixed: 300}</c>.</param>
public sealed record SetOverride(string Path, string Value)
{
    /// <summary>The name problems in an override give as their file.</summary>
    public const string Source = "--set";

    /// <summary>Splits <c>PATH=VALUE</c> at the first <c>=</c>.</summary>
    /// <exception cref="InvalidInputException">The text has no <c>=</c> or an empty path.</exception>
    public static SetOverride Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var separator = text.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0 || text[..separator].Trim().Length == 0)
        {
            throw new InvalidInputException(new InputProblem(Source, null, null, text,
                "expected PATH=VALUE, such as features.chat.model=budget"));
        }

        return new SetOverride(text[..separator].Trim(), text[(separator + 1)..]);
    }
}
