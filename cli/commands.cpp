#include "cli/commands.hpp"

#include <array>
#include <iostream>
#include <sstream>
#include <string_view>
#include <vector>

#include "cli/inputs.hpp"
#include "cli/output_file.hpp"
#include "cli/query_command.hpp"
#include "cli/session.hpp"
#include "export/facts_writer.hpp"
#include "graph/error.hpp"
#include "graph/names.hpp"
#include "ingest/text/extractor.hpp"

#ifndef FACTGRAPH_VERSION
#define FACTGRAPH_VERSION "dev"
#endif

namespace factgraph::cli {
namespace {

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(int argc, char** argv);
};

std::vector<std::string> positional(const cxxopts::ParseResult& args) {
  return args.count("inputs") ? args["inputs"].as<std::vector<std::string>>()
                              : std::vector<std::string>{};
}

cxxopts::Options command_options(std::string_view name, std::string_view summary,
                                 std::string_view positional_help) {
  cxxopts::Options options("factgraph " + std::string(name), std::string(summary));
  options.positional_help(std::string(positional_help)).show_positional_help();
  options.add_options()("h,help", "show this help")(
      "inputs", "inputs", cxxopts::value<std::vector<std::string>>());
  options.parse_positional({"inputs"});
  return options;
}

// Returns true when --help was asked for (and printed).
bool wants_help(const cxxopts::Options& options, const cxxopts::ParseResult& args) {
  if (!args.count("help")) return false;
  std::cout << options.help({"", "Input", "Output", "Question", "Display"}) << '\n';
  return true;
}

// build and export differ only in what they call their inputs and in build's summary line.
// Keeps `graph` until the process ends instead of freeing it: a large graph is millions of
// small blocks, and freeing them one by one is a serial step of about a twentieth of a `build`
// run, just before the system takes all the memory back at once. The static pointer keeps the
// graph reachable, so leak checkers do not report it.
void keep_until_exit(KnowledgeGraph graph) {
  static std::vector<KnowledgeGraph>* const kept = new std::vector<KnowledgeGraph>();
  kept->push_back(std::move(graph));
}

int load_and_write(int argc, char** argv, std::string_view name, std::string_view summary,
                   std::string_view input_word, bool report_counts) {
  auto options = command_options(name, summary, std::string(input_word) + "... -o OUT");
  add_input_options(options);
  add_output_options(options);
  const auto args = options.parse(argc, argv);
  if (wants_help(options, args)) return kExitOk;
  const auto inputs = positional(args);
  if (inputs.empty()) throw UsageError{"no " + std::string(input_word) + " given"};
  if (!args.count("output")) throw UsageError{"no -o OUT given"};
  check_outputs(args);
  bool had_errors = false;
  auto graph = load_graph(inputs, args, had_errors);
  if (!graph) return kExitBadInput;
  write_outputs(*graph, args);
  if (report_counts)
    std::cerr << "factgraph: " << graph->node_count() << " nodes, " << graph->edge_count()
              << " edges from " << graph->documents().size() << " documents\n";
  keep_until_exit(std::move(*graph));
  return had_errors ? kExitBadInput : kExitOk;
}

int run_build(int argc, char** argv) {
  return load_and_write(argc, argv, "build",
                        "Build a graph from facts files and articles, and write it out.", "INPUT",
                        true);
}

int run_export(int argc, char** argv) {
  return load_and_write(argc, argv, "export",
                        "Write a graph (factgraph JSON, or any build inputs) in other formats.",
                        "GRAPH", false);
}

int run_extract(int argc, char** argv) {
  auto options = command_options(
      "extract", "Print the facts found in articles, in the facts JSON format, for review.",
      "ARTICLE...");
  add_input_options(options);
  options.add_options("Output")("o,output", "write to this file instead of stdout",
                                cxxopts::value<std::string>()->default_value("-"))(
      "jsonl", "one document per line (JSON Lines) instead of an array");
  const auto args = options.parse(argc, argv);
  if (wants_help(options, args)) return kExitOk;
  const auto inputs = positional(args);
  if (inputs.empty()) throw UsageError{"no ARTICLE given"};

  std::vector<std::string> notes;
  std::vector<ingest::Diagnostic> diagnostics;
  const auto files = collect_files(inputs, notes, diagnostics);
  for (const std::string& note : notes) std::cerr << "note: " << note << '\n';
  std::vector<ingest::Diagnostic> lexicon_problems;
  auto lexicon = ingest::Lexicon::load(ingest::Lexicon::default_dir(), lexicon_problems);
  if (args.count("lexicon"))
    for (const std::string& path : args["lexicon"].as<std::vector<std::string>>())
      lexicon.add_file(path, lexicon_problems);
  LoadOptions load;
  if (args.count("date")) {
    load.fallback_date = args["date"].as<std::string>();
    check_date_option(load.fallback_date);
  }
  load.jobs = thread_count(args);
  const bool keep_going = args.count("keep-going") > 0;
  auto give_up = [&] {
    for (const auto& d : diagnostics) std::cerr << d.render() << '\n';
    std::cerr << "factgraph: " << diagnostics.size() << " error(s); no output written\n";
    return kExitBadInput;
  };
  diagnostics.insert(diagnostics.end(), lexicon_problems.begin(), lexicon_problems.end());
  if (!diagnostics.empty() && !keep_going) return give_up();

  // Each document is written as soon as it is extracted, so memory does not grow with the
  // input. A bad input found on the way abandons the output: a file is only put in place at
  // the end, and stdout gets the text only once everything has been read.
  struct InputRejected {};
  const bool json_lines = args.count("jsonl") > 0;
  auto extract_into = [&](std::ostream& out) {
    exporters::FactsJsonWriter writer(out, json_lines);
    // Each document is laid out on the thread that extracted it; its evidence sentences are
    // read straight from the article text.
    auto render = [json_lines](const FactsDocument& doc, const ingest::ArticleRecord* article,
                               std::string& text) {
      exporters::append_facts_document(
          text, doc, json_lines,
          article ? std::optional<std::string_view>(article->text) : std::nullopt);
    };
    const LoadReport loaded = load_documents(files, lexicon, load, render,
                                             [&](std::string_view doc) { writer.write_laid_out(doc); });
    diagnostics.insert(diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
    if (!diagnostics.empty() && !keep_going) throw InputRejected{};
    writer.finish();
  };
  const std::string output = args["output"].as<std::string>();
  try {
    if (output == "-") {
      std::stringstream buffer;
      extract_into(buffer);
      write_atomically(output, [&](std::ostream& out) { out << buffer.rdbuf(); });
    } else {
      write_atomically(output, extract_into);
    }
  } catch (const InputRejected&) {
    return give_up();
  }
  for (const auto& d : diagnostics) std::cerr << d.render() << '\n';
  return diagnostics.empty() ? kExitOk : kExitBadInput;
}

int run_help(int argc, char** argv);

constexpr std::array kCommands = {
    Command{"build", "build a graph from facts and articles and write GraphML/DOT/JSON/GEXF",
            run_build},
    Command{"extract", "print the facts found in articles as facts JSON", run_extract},
    Command{"export", "convert a graph to other formats", run_export},
    Command{"stats", "counts by type, busiest nodes, documents", run_stats},
    Command{"query", "ask the graph: nodes, neighbours, edges of a type, paths, ego graphs",
            run_query},
    Command{"help", "list the commands, or show one command's help", run_help},
};

void print_commands(std::ostream& out) {
  out << "usage: factgraph <command> [options] [inputs]\n\ncommands:\n";
  for (const Command& c : kCommands) {
    out << "  " << c.name << std::string(10 - c.name.size(), ' ') << c.summary << '\n';
  }
  out << "\n'factgraph <command> --help' shows a command's options; 'factgraph --version' the "
         "version.\n";
}

const Command* find_command(std::string_view name) {
  for (const Command& c : kCommands)
    if (c.name == name) return &c;
  return nullptr;
}

int run_help(int argc, char** argv) {
  if (argc >= 2) {
    if (const Command* c = find_command(argv[1])) {
      std::array<char*, 2> args = {argv[1], const_cast<char*>("--help")};
      return c->run(2, args.data());
    }
    std::cerr << "factgraph help: unknown command '" << argv[1] << "'\n";
    return kExitUsage;
  }
  print_commands(std::cout);
  return kExitOk;
}

std::string suggest_command(std::string_view typed) {
  std::string best;
  std::size_t best_distance = 3;
  for (const Command& c : kCommands) {
    const std::size_t d = edit_distance(typed, c.name);
    if (d < best_distance || (!typed.empty() && c.name.starts_with(typed))) {
      best_distance = std::min(d, best_distance);
      best = std::string(c.name);
    }
  }
  return best;
}

}  // namespace

int run(int argc, char** argv) {
  if (argc < 2) {
    print_commands(std::cerr);
    return kExitUsage;
  }
  const std::string_view name = argv[1];
  if (name == "--version" || name == "-V" || name == "version") {
    std::cout << "factgraph " << FACTGRAPH_VERSION << '\n';
    return kExitOk;
  }
  if (name == "--help" || name == "-h") return run_help(1, argv);
  const Command* command = find_command(name);
  if (!command) {
    std::cerr << "factgraph: unknown command '" << name << "'";
    if (const std::string guess = suggest_command(name); !guess.empty())
      std::cerr << "; did you mean '" << guess << "'?";
    std::cerr << "\nRun 'factgraph help' for the list of commands.\n";
    return kExitUsage;
  }
  try {
    return command->run(argc - 1, argv + 1);
  } catch (const UsageError& e) {
    std::cerr << "factgraph " << name << ": " << e.message << "\nRun 'factgraph " << name
              << " --help' for usage.\n";
    return kExitUsage;
  } catch (const cxxopts::exceptions::exception& e) {
    std::cerr << "factgraph " << name << ": " << e.what() << "\nRun 'factgraph " << name
              << " --help' for usage.\n";
    return kExitUsage;
  } catch (const IoError& e) {
    std::cerr << "factgraph: " << e.what() << '\n';
    return kExitBadInput;
  } catch (const std::bad_alloc&) {
    std::cerr << "factgraph: out of memory\n";
    return kExitBadInput;
  }
}

}  // namespace factgraph::cli
