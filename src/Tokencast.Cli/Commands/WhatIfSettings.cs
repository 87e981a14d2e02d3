namespace Tokencast.Cli.Commands;

/// <summary>Options of <c>tokencast whatif</c>.</summary>
/// <param name="File">Scenario file.</param>
/// <param name="Sets">The <c>--set</c> values as typed, each <c>PATH=VALUE</c>.</param>
/// <param name="Branches">Branches to compare; empty for all.</param>
/// <param name="Trials">Trials per branch, or null for the scenario's default.</param>
/// <param name="Seed">Random seed, or null for the scenario's default.</param>
/// <param name="Format">Output format: table, csv or json.</param>
/// <param name="Catalog">A catalog file that replaces the scenario's and the bundled one, or null.</param>
internal sealed record WhatIfSettings(
    string File,
    IReadOnlyList<string> Sets,
    IReadOnlyList<string> Branches,
    int? Trials = null,
    ulong? Seed = null,
    string Format = "table",
    string? Catalog = null);
