#pragma once
// Pieces every command shares: loading inputs into a graph, writing outputs, reporting problems.

#include <cxxopts.hpp>
#include <optional>
#include <string>
#include <vector>

#include "export/exporters.hpp"
#include "graph/knowledge_graph.hpp"

namespace factgraph::cli {

/// Thrown for a usage error (exit 2); the message is shown with a pointer to --help.
struct UsageError {
  std::string message;
};

/// Checks a --date value. Throws UsageError unless it is a calendar date YYYY-MM-DD.
void check_date_option(const std::string& date);

/// Options shared by commands that read inputs.
void add_input_options(cxxopts::Options& options);
/// --jobs: the number given, or one thread per core for 0.
[[nodiscard]] unsigned thread_count(const cxxopts::ParseResult& args);
/// Options shared by commands that write graph files.
void add_output_options(cxxopts::Options& options);

/// Builds the graph from INPUT paths (facts, articles, or one factgraph graph JSON). Reports
/// diagnostics on stderr. nullopt when input was bad and --keep-going was not given; `had_errors`
/// is set when any input was bad (so the command ends with exit 1).
std::optional<KnowledgeGraph> load_graph(const std::vector<std::string>& inputs,
                                         const cxxopts::ParseResult& args, bool& had_errors);

/// Writes `graph` to every -o path in its format. Throws IoError / UsageError.
void write_outputs(const KnowledgeGraph& graph, const cxxopts::ParseResult& args);

/// Checks every -o path names a known format before any work is done. Throws UsageError.
void check_outputs(const cxxopts::ParseResult& args);

}  // namespace factgraph::cli
