namespace Tokencast.Core.Scenarios;

/// <summary>
/// Estimates how deeply raw YAML or JSON text nests, before YamlDotNet parses it. YamlDotNet 18.1.0 scans nested
/// collections recursively, so 100,000 nested brackets or dashes overflow the stack and end the process.
/// </summary>
internal static class NestingCheck
{
    /// <summary>Maximum nesting of lists and mappings in a scenario file, far above what the schema needs.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Returns the 1-based line where the nesting first exceeds <see cref="MaxDepth"/>, or null when it never does.
    /// The depth is the number of open flow brackets (<c>[</c>, <c>{</c>) outside quoted text, plus the block
    /// levels: one per deeper indentation and one per <c>- </c> or <c>? </c> indicator at the start of a line.
    /// </summary>
    /// <remarks>
    /// NOTE: this is a scan of the text, not a YAML parser. It skips comments and the lines of block scalars
    /// (<c>|</c>, <c>&gt;</c>) and may count a level more than YamlDotNet in unusual layouts; with a limit
    /// far above real scenarios, that errs on the safe side.
    /// </remarks>
    public static long? FindLineAboveLimit(string text)
    {
        var scanner = new Scanner();
        var lineNumber = 0L;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (scanner.ScanLine(line) > MaxDepth)
            {
                return lineNumber;
            }
        }

        return null;
    }

    private sealed class Scanner
    {
        // Columns of the open block levels, innermost last.
        private readonly Stack<int> _blockColumns = new();
        private int _flowDepth;
        private char _openQuote;
        private int _blockScalarParentColumn = -1;

        /// <summary>Scans one line and returns the deepest nesting reached on it.</summary>
        public int ScanLine(ReadOnlySpan<char> line)
        {
            var indent = CountIndent(line);
            var isBlank = indent == line.Length || line[indent] == '#';
            if (_blockScalarParentColumn >= 0)
            {
                if (isBlank || indent > _blockScalarParentColumn)
                {
                    return Depth;
                }

                _blockScalarParentColumn = -1;
            }

            if (isBlank && _openQuote == '\0')
            {
                return Depth;
            }

            var position = 0;
            var deepest = Depth;
            if (_flowDepth == 0 && _openQuote == '\0')
            {
                position = OpenBlockLevels(line, indent);
                deepest = Depth;
            }

            return Math.Max(deepest, ScanFlow(line, position));
        }

        private int Depth => _blockColumns.Count + _flowDepth;

        // Closes the block levels this line leaves, then opens one for its indentation and one per indicator.
        private int OpenBlockLevels(ReadOnlySpan<char> line, int indent)
        {
            while (_blockColumns.Count > 0 && _blockColumns.Peek() >= indent)
            {
                _blockColumns.Pop();
            }

            _blockColumns.Push(indent);
            var position = indent;
            while (position < line.Length
                   && line[position] is '-' or '?'
                   && (position + 1 == line.Length || line[position + 1] is ' ' or '\t'))
            {
                position += 1 + CountIndent(line[(position + 1)..]);
                _blockColumns.Push(position);
            }

            return position;
        }

        // Counts flow brackets outside quotes and comments from position on and returns the deepest level.
        private int ScanFlow(ReadOnlySpan<char> line, int position)
        {
            var deepest = Depth;
            for (var i = position; i < line.Length; i++)
            {
                var character = line[i];
                if (_openQuote == '"')
                {
                    if (character == '\\')
                    {
                        i++;
                    }
                    else if (character == '"')
                    {
                        _openQuote = '\0';
                    }

                    continue;
                }

                if (_openQuote == '\'')
                {
                    // Inside single quotes, '' is an escaped quote and the string goes on.
                    if (character == '\'' && (i + 1 == line.Length || line[i + 1] != '\''))
                    {
                        _openQuote = '\0';
                    }
                    else if (character == '\'')
                    {
                        i++;
                    }

                    continue;
                }

                switch (character)
                {
                    case '"' or '\'' when StartsScalar(line, i, position):
                        _openQuote = character;
                        break;
                    case '#' when i == 0 || line[i - 1] is ' ' or '\t':
                        return deepest;
                    case '[' or '{':
                        _flowDepth++;
                        deepest = Math.Max(deepest, Depth);
                        break;
                    case ']' or '}' when _flowDepth > 0:
                        _flowDepth--;
                        break;
                    case '|' or '>' when _flowDepth == 0 && IsBlockScalarHeader(line[(i + 1)..]):
                        _blockScalarParentColumn = _blockColumns.Count > 0 ? _blockColumns.Peek() : 0;
                        return deepest;
                }
            }

            return deepest;
        }

        // A quote starts quoted text only where a value starts, so the apostrophe in "it's" or "a 'b" is plain
        // text. Treating it as a quote could hide the brackets that follow it from the count.
        private static bool StartsScalar(ReadOnlySpan<char> line, int index, int contentStart)
        {
            var before = line[contentStart..index].TrimEnd(" \t");
            return before.IsEmpty || before[^1] is ':' or ',' or '[' or '{' or '?' or '-';
        }

        // A block scalar header is '|' or '>' with optional chomping and indentation indicators, then a comment.
        private static bool IsBlockScalarHeader(ReadOnlySpan<char> rest)
        {
            var trimmed = rest.TrimStart("+-123456789").Trim();
            return trimmed.IsEmpty || trimmed[0] == '#';
        }

        private static int CountIndent(ReadOnlySpan<char> line)
        {
            var count = 0;
            while (count < line.Length && line[count] is ' ' or '\t')
            {
                count++;
            }

            return count;
        }
    }
}
