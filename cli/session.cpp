#include "cli/session.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli/inputs.hpp"
#include "cli/output_file.hpp"
#include "graph/builder.hpp"
#include "graph/error.hpp"
#include "ingest/json_input.hpp"
#include "ingest/text/dates.hpp"
#include "ingest/text/extractor.hpp"

namespace factgraph::cli {
namespace {

enum class Format { kGraphml, kDot, kJson, kGexf };

std::optional<Format> format_named(std::string_view name) {
  if (name == "graphml" || name == "xml") return Format::kGraphml;
  if (name == "dot" || name == "gv") return Format::kDot;
  if (name == "json") return Format::kJson;
  if (name == "gexf") return Format::kGexf;
  return std::nullopt;
}

Format format_of(const std::string& path, const cxxopts::ParseResult& args) {
  if (args.count("format")) {
    const std::string name = args["format"].as<std::string>();
    if (auto f = format_named(name)) return *f;
    throw UsageError{"unknown --format '" + name + "'; expected graphml, dot, json or gexf"};
  }
  std::string ext = std::filesystem::path(path).extension().string();
  if (!ext.empty()) ext.erase(0, 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (auto f = format_named(ext)) return *f;
  if (path == "-") throw UsageError{"-o - needs --format graphml|dot|json|gexf"};
  throw UsageError{"cannot tell the format of '" + path +
                   "' from its extension; use .graphml, .dot, .gv, .json or .gexf, or --format"};
}

exporters::DotOptions dot_options(const cxxopts::ParseResult& args) {
  exporters::DotOptions options;
  options.edge_labels = !args.count("no-edge-labels");
  options.legend = !args.count("no-legend");
  if (args.count("cluster")) {
    const std::string by = args["cluster"].as<std::string>();
    if (by == "type")
      options.cluster = exporters::DotOptions::Cluster::kType;
    else if (by == "region")
      options.cluster = exporters::DotOptions::Cluster::kRegion;
    else if (by != "none")
      throw UsageError{"unknown --cluster '" + by + "'; expected type, region or none"};
  }
  return options;
}

void report(const std::vector<ingest::Diagnostic>& diagnostics) {
  for (const ingest::Diagnostic& d : diagnostics) std::cerr << d.render() << '\n';
}

}  // namespace

void check_date_option(const std::string& date) {
  if (date.size() != 10 || !ingest::is_iso_date(date))
    throw UsageError{"--date expects a calendar date YYYY-MM-DD, got '" + date + "'"};
}

void add_input_options(cxxopts::Options& options) {
  options.add_options("Input")
      ("keep-going", "skip bad documents (each is reported; exit status is still 1)")
      ("date", "publication date (YYYY-MM-DD) of articles without a dateline",
       cxxopts::value<std::string>())
      ("j,jobs", "threads for text extraction and for writing outputs (0: one per core)",
       cxxopts::value<unsigned>()->default_value("0"))
      ("lexicon", "extra gazetteer file (repeatable; see docs/extraction.md)",
       cxxopts::value<std::vector<std::string>>());
}

void add_output_options(cxxopts::Options& options) {
  options.add_options("Output")
      ("o,output", "output file, format from its extension (repeatable; - for stdout)",
       cxxopts::value<std::vector<std::string>>())
      ("format", "output format: graphml, dot, json or gexf", cxxopts::value<std::string>())
      ("no-edge-labels", "DOT: leave relation labels off edges (for big graphs)")
      ("no-legend", "DOT: leave the legend out")
      ("cluster", "DOT: group nodes by type or region", cxxopts::value<std::string>());
}

unsigned thread_count(const cxxopts::ParseResult& args) {
  const unsigned jobs = args["jobs"].as<unsigned>();
  return jobs == 0 ? std::max(1u, std::thread::hardware_concurrency()) : jobs;
}

void check_outputs(const cxxopts::ParseResult& args) {
  if (!args.count("output")) return;
  for (const std::string& path : args["output"].as<std::vector<std::string>>())
    (void)format_of(path, args);
  (void)dot_options(args);
}

std::optional<KnowledgeGraph> load_graph(const std::vector<std::string>& inputs,
                                         const cxxopts::ParseResult& args, bool& had_errors) {
  const bool keep_going = args.count("keep-going") > 0;
  std::error_code status_error;  // an unreadable path is reported by collect_files below
  if (inputs.size() == 1 && input_kind(inputs[0]) == InputKind::kJson &&
      std::filesystem::is_regular_file(inputs[0], status_error)) {
    // Read as a stream: a graph file can be larger than the graph it holds.
    std::ifstream in(inputs[0], std::ios::binary);
    if (in && ingest::is_graph_json(in)) {
      in.clear();
      in.seekg(0);
      std::vector<ingest::Diagnostic> diagnostics;
      auto graph = ingest::read_graph_json(in, inputs[0], diagnostics);
      report(diagnostics);
      if (!graph) had_errors = true;
      return graph;
    }
  }
  std::vector<std::string> notes;
  std::vector<ingest::Diagnostic> diagnostics;
  const std::vector<std::string> files = collect_files(inputs, notes, diagnostics);
  for (const std::string& note : notes) std::cerr << "note: " << note << '\n';

  LoadOptions options;
  if (args.count("date")) {
    options.fallback_date = args["date"].as<std::string>();
    check_date_option(options.fallback_date);
  }
  options.jobs = thread_count(args);

  std::vector<ingest::Diagnostic> lexicon_problems;
  ingest::Lexicon lexicon = ingest::Lexicon::load(ingest::Lexicon::default_dir(), lexicon_problems);
  if (args.count("lexicon"))
    for (const std::string& path : args["lexicon"].as<std::vector<std::string>>())
      lexicon.add_file(path, lexicon_problems);
  if (!lexicon_problems.empty()) {
    report(lexicon_problems);
    had_errors = true;
    return std::nullopt;
  }

  GraphBuilder builder;
  LoadReport loaded = load_documents(files, lexicon, options,
                                     [&](const FactsDocument& doc) { builder.add(doc); });
  diagnostics.insert(diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
  report(diagnostics);
  if (!diagnostics.empty()) {
    had_errors = true;
    if (!keep_going) {
      std::cerr << "factgraph: " << diagnostics.size() << " error(s); no output written"
                << " (--keep-going skips bad documents)\n";
      return std::nullopt;
    }
    std::cerr << "factgraph: --keep-going: skipped the bad inputs above; writing the rest\n";
  }
  if (files.empty() && diagnostics.empty()) {
    std::cerr << "factgraph: no input documents found\n";
    had_errors = true;
    return std::nullopt;
  }
  return builder.build(options.jobs);
}

void write_outputs(const KnowledgeGraph& graph, const cxxopts::ParseResult& args) {
  if (!args.count("output")) return;
  const exporters::DotOptions dot = dot_options(args);
  const unsigned threads = thread_count(args);
  // All or nothing: a failure on the last output leaves the earlier targets untouched too.
  OutputSet outputs;
  for (const std::string& path : args["output"].as<std::vector<std::string>>()) {
    const Format format = format_of(path, args);
    outputs.add(path, [&graph, &dot, format, threads](std::ostream& out) {
      switch (format) {
        case Format::kGraphml: exporters::write_graphml(out, graph, threads); break;
        case Format::kDot: exporters::write_dot(out, graph, dot, threads); break;
        case Format::kJson: exporters::write_json(out, graph, threads); break;
        case Format::kGexf: exporters::write_gexf(out, graph, threads); break;
      }
    });
  }
  outputs.commit();
}

}  // namespace factgraph::cli
