// Times factgraph's phases in one process, so build and export are measured apart:
//   facts JSON Lines: read-parse-merge  ingest::read_json_lines into GraphBuilder::add, one
//                                       document at a time (as cli/inputs.cpp does)
//                     builder-build     GraphBuilder::build
//   graph JSON:       read, parse-graph-json
//   export  each writer to a file through a 1 MiB-buffered ofstream (as cli/output_file.cpp)
// GraphBuilder::build and the writers get --threads N (default 1), as the CLI passes --jobs.
// After each phase it prints wall time, CPU time, current RSS and peak RSS (VmRSS, VmHWM).
//
// With --stream it only reads a facts JSON Lines file through ingest::read_json_lines, with a
// sink that counts each document and drops it: the reader's own time and peak memory, which
// must not grow with the file (run it under valgrind --tool=callgrind for instructions).
//
// Built by bench/run_graph_bench.sh against build-bench/libfactgraph_core.a:
//   g++ -std=c++20 -O3 -DNDEBUG -I. bench/phase_timer.cpp build-bench/libfactgraph_core.a
// Usage: phase_timer [--threads N] INPUT.jsonl|GRAPH.json OUTDIR [FORMAT...]
//          (FORMAT: json graphml gexf dot; N: the writers' threads, as `--jobs N`, default 1)
//        phase_timer --stream INPUT.jsonl

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "export/exporters.hpp"
#include "graph/builder.hpp"
#include "ingest/json_input.hpp"

namespace {

using Clock = std::chrono::steady_clock;

long status_kib(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string key = std::string(field) + ":";
  while (std::getline(in, line))
    if (line.rfind(key, 0) == 0) return std::stol(line.substr(key.size()));
  return -1;
}

// User + system CPU seconds of this process so far: less disturbed than wall time when other
// work shares the cores.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto sec = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return sec(usage.ru_utime) + sec(usage.ru_stime);
}

double cpu_mark = 0;

void report(const std::string& phase, Clock::time_point since, std::size_t bytes = 0) {
  const double s = std::chrono::duration<double>(Clock::now() - since).count();
  const double cpu = cpu_seconds();
  std::printf(
      "{\"phase\":\"%s\",\"seconds\":%.3f,\"cpu_seconds\":%.3f,\"bytes\":%zu,"
      "\"rss_kib\":%ld,\"peak_kib\":%ld}\n",
      phase.c_str(), s, cpu - cpu_mark, bytes, status_kib("VmRSS"), status_kib("VmHWM"));
  std::fflush(stdout);
  cpu_mark = cpu_seconds();
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

// Counts what it is given and keeps nothing.
class CountingSink : public factgraph::ingest::RecordSink {
 public:
  void facts(factgraph::FactsDocument document) override {
    ++documents;
    entities += document.entities.size();
    relations += document.relations.size();
  }
  void article(factgraph::ingest::ArticleRecord) override { ++articles; }
  std::size_t documents = 0, entities = 0, relations = 0, articles = 0;
};

// Merges each document as it comes, as cli/inputs.cpp does.
class BuilderSink : public factgraph::ingest::RecordSink {
 public:
  explicit BuilderSink(factgraph::GraphBuilder& builder) : builder_(builder) {}
  void facts(factgraph::FactsDocument document) override { builder_.add(std::move(document)); }
  void article(factgraph::ingest::ArticleRecord) override {}

 private:
  factgraph::GraphBuilder& builder_;
};

int stream(const std::string& input) {
  report("start", Clock::now());
  const auto t = Clock::now();
  std::ifstream in(input, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + input);
  CountingSink sink;
  const auto result = factgraph::ingest::read_json_lines(in, input, sink);
  for (const auto& d : result.diagnostics) std::cerr << d.render() << '\n';
  report("stream-facts", t, static_cast<std::size_t>(std::filesystem::file_size(input)));
  std::printf("{\"documents\":%zu,\"entities\":%zu,\"relations\":%zu,\"articles\":%zu,"
              "\"bad\":%zu}\n",
              sink.documents, sink.entities, sink.relations, sink.articles, result.bad_records);
  return result.diagnostics.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--stream") return stream(argv[2]);
  unsigned threads = 1;
  if (argc >= 3 && std::string(argv[1]) == "--threads") {
    threads = static_cast<unsigned>(std::stoul(argv[2]));
    argc -= 2;
    argv += 2;
  }
  if (argc < 3) {
    std::cerr << "usage: phase_timer [--threads N] INPUT.jsonl|GRAPH.json OUTDIR"
                 " [json graphml gexf dot]...\n"
                 "       phase_timer --stream INPUT.jsonl\n";
    return 2;
  }
  const std::string input = argv[1], outdir = argv[2];
  std::vector<std::string> formats(argv + 3, argv + argc);
  if (formats.empty()) formats = {"json", "graphml", "gexf", "dot"};
  report("start", Clock::now());  // also sets the CPU mark

  auto t = Clock::now();
  std::optional<factgraph::KnowledgeGraph> graph;
  const bool lines = input.size() > 6 && input.substr(input.size() - 6) == ".jsonl";
  if (lines) {
    // As the CLI does it: documents stream from the reader into the builder, one at a time.
    std::ifstream in(input, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + input);
    factgraph::GraphBuilder builder;
    BuilderSink sink(builder);
    const auto result = factgraph::ingest::read_json_lines(in, input, sink);
    if (!result.diagnostics.empty()) {
      for (const auto& d : result.diagnostics) std::cerr << d.render() << '\n';
      return 1;
    }
    report("read-parse-merge", t, static_cast<std::size_t>(std::filesystem::file_size(input)));
    t = Clock::now();
    graph = builder.build(threads);
    report("builder-build", t);
  } else {
    std::string text = read_all(input);
    report("read", t, text.size());
    t = Clock::now();
    std::vector<factgraph::ingest::Diagnostic> diagnostics;
    graph = factgraph::ingest::read_graph_json(text, input, diagnostics);
    if (!graph) {
      for (const auto& d : diagnostics) std::cerr << d.render() << '\n';
      return 1;
    }
    report("parse-graph-json", t);
  }
  std::printf("{\"nodes\":%zu,\"edges\":%zu}\n", graph->node_count(), graph->edge_count());

  for (const std::string& format : formats) {
    const std::string path = outdir + "/phase." + format;
    t = Clock::now();
    {
      std::vector<char> buffer(1 << 20);
      std::ofstream out;
      out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      out.open(path, std::ios::binary | std::ios::trunc);
      if (format == "json")
        factgraph::exporters::write_json(out, *graph, threads);
      else if (format == "graphml")
        factgraph::exporters::write_graphml(out, *graph, threads);
      else if (format == "gexf")
        factgraph::exporters::write_gexf(out, *graph, threads);
      else if (format == "dot")
        factgraph::exporters::write_dot(out, *graph, {}, threads);
      else
        throw std::runtime_error("unknown format " + format);
      out.flush();
      if (!out) throw std::runtime_error("cannot write " + path);
    }
    std::ifstream size(path, std::ios::binary | std::ios::ate);
    report("export-" + format, t, static_cast<std::size_t>(size.tellg()));
  }
  return 0;
}
