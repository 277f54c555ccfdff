#pragma once
// The factgraph command line: a table of subcommands, each with its own options.

namespace factgraph::cli {

/// Exit codes: 0 ok, 1 bad input or I/O error, 2 usage error.
constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;

/// Runs `factgraph <command> ...`; data goes to stdout or files, messages to stderr.
int run(int argc, char** argv);

}  // namespace factgraph::cli
