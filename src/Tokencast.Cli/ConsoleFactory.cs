using Spectre.Console;

namespace Tokencast.Cli;

/// <summary>Creates Spectre.Console consoles that write plain text to a given writer.</summary>
internal static class ConsoleFactory
{
    /// <summary>Creates a console without colours or interaction, at least <paramref name="width"/> columns wide.</summary>
    public static IAnsiConsole Plain(TextWriter output, int width = 120)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = Math.Max(console.Profile.Width, width);
        return console;
    }
}
