namespace Tokencast.Core.Levers;

/// <summary>Settings of a what-if comparison; both runs use the same trials and seed.</summary>
/// <param name="Trials">Trials per branch and run.</param>
/// <param name="Seed">Run seed of both runs.</param>
/// <param name="Branches">Branches to compare; null or empty for every branch.</param>
public sealed record WhatIfOptions(int Trials = 2000, ulong Seed = 1, IReadOnlyList<string>? Branches = null);
