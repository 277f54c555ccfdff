#include "cli/inputs.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <exception>
#include <mutex>
#include <thread>

#include "graph/error.hpp"
#include "ingest/text/extractor.hpp"

namespace factgraph::cli {
namespace fs = std::filesystem;

InputKind input_kind(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".json") return InputKind::kJson;
  if (ext == ".jsonl" || ext == ".ndjson") return InputKind::kJsonLines;
  if (ext == ".txt" || ext == ".md") return InputKind::kText;
  return InputKind::kUnknown;
}

std::vector<std::string> collect_files(const std::vector<std::string>& inputs,
                                       std::vector<std::string>& notes,
                                       std::vector<ingest::Diagnostic>& diagnostics) {
  std::set<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    const fs::file_status status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      diagnostics.push_back({input, 0, 0, "no such file or folder"});
      continue;
    }
    if (!fs::is_directory(status)) {
      files.insert(input);
      continue;
    }
    std::size_t found = 0;
    for (auto it = fs::recursive_directory_iterator(
             input, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      const std::string path = it->path().string();
      const std::string name = it->path().filename().string();
      // Expected-output files and READMEs sit beside sample articles; they describe, not state,
      // facts. A file named on the command line is always read.
      if (name.starts_with(".") || name.ends_with(".expected.json") ||
          name.ends_with(".gold.json") || name.starts_with("README")) {
        notes.push_back(path + ": skipped (documentation or expected output)");
        continue;
      }
      if (input_kind(path) == InputKind::kUnknown) {
        notes.push_back(path + ": skipped (not .json, .jsonl, .txt or .md)");
        continue;
      }
      files.insert(path);
      ++found;
    }
    if (ec) diagnostics.push_back({input, 0, 0, "cannot read folder: " + ec.message()});
    if (found == 0 && !ec) notes.push_back(input + ": no .json, .jsonl, .txt or .md files found");
  }
  return {files.begin(), files.end()};
}

std::string read_file(const std::string& path) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path + ": cannot open: " + std::strerror(errno ? errno : ENOENT));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw IoError(path + ": cannot read: " + std::strerror(errno ? errno : EIO));
  return std::move(buffer).str();
}

namespace {

struct ParsedFile {
  std::vector<FactsDocument> facts;
  std::vector<ingest::ArticleRecord> articles;
  std::vector<ingest::Diagnostic> diagnostics;
  std::size_t bad = 0;
};

ParsedFile parse_file(const std::string& path, const LoadOptions& options) {
  ParsedFile parsed;
  std::string text;
  try {
    text = read_file(path);
  } catch (const IoError& e) {
    // The message is "<path>: <what went wrong>"; the diagnostic names the path itself.
    std::string_view what = e.what();
    if (what.starts_with(path + ": ")) what.remove_prefix(path.size() + 2);
    parsed.diagnostics.push_back({path, 0, 0, std::string(what)});
    parsed.bad = 1;
    return parsed;
  }
  const InputKind kind = input_kind(path);
  if (kind == InputKind::kText || kind == InputKind::kUnknown) {
    if (const std::size_t bad = ingest::find_invalid_utf8(text); bad != std::string::npos) {
      const auto pos = ingest::position_of(text, bad);
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
      parsed.diagnostics.push_back({path, pos.line, pos.column,
                                    std::string("invalid UTF-8 byte ") + hex + " (byte offset " +
                                        std::to_string(bad) + ")"});
      parsed.bad = 1;
      return parsed;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      parsed.diagnostics.push_back({path, 0, 0, "empty file; expected article text"});
      parsed.bad = 1;
      return parsed;
    }
    // The path (normalised) names the document, so a.txt in two folders stays two documents.
    parsed.articles.push_back(ingest::read_text_article(
        text, fs::path(path).lexically_normal().string(), options.fallback_date));
    return parsed;
  }
  if (ingest::is_graph_json(text)) {
    parsed.diagnostics.push_back(
        {path, 0, 0,
         "is a factgraph graph, not facts; use `factgraph export` or `factgraph query` on it"});
    parsed.bad = 1;
    return parsed;
  }
  ingest::JsonRecords records =
      ingest::parse_json_records(text, path, kind == InputKind::kJsonLines);
  parsed.facts = std::move(records.facts);
  parsed.articles = std::move(records.articles);
  parsed.diagnostics = std::move(records.diagnostics);
  parsed.bad = records.bad_records;
  for (ingest::ArticleRecord& a : parsed.articles)
    if (a.info.date.empty()) a.info.date = options.fallback_date;
  return parsed;
}

}  // namespace

LoadedInputs load_documents(const std::vector<std::string>& files, const ingest::Lexicon& lexicon,
                            const LoadOptions& options) {
  std::vector<ParsedFile> parsed(files.size());
  // One slot per article so threads never share a write target and file order is kept.
  struct Task {
    std::size_t file;
    std::size_t article;
  };
  for (std::size_t i = 0; i < files.size(); ++i) parsed[i] = parse_file(files[i], options);
  std::vector<Task> tasks;
  for (std::size_t i = 0; i < parsed.size(); ++i)
    for (std::size_t a = 0; a < parsed[i].articles.size(); ++a) tasks.push_back({i, a});
  std::vector<FactsDocument> extracted(tasks.size());
  std::atomic<std::size_t> next{0};
  // An exception must not escape a thread (that ends the process): the first one is kept and
  // rethrown once every thread has joined.
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto work = [&] {
    try {
      for (std::size_t t = next++; t < tasks.size(); t = next++)
        extracted[t] = ingest::extract_facts(parsed[tasks[t].file].articles[tasks[t].article], lexicon);
    } catch (...) {
      const std::lock_guard<std::mutex> guard(failure_lock);
      if (!failure) failure = std::current_exception();
      next = tasks.size();
    }
  };
  const unsigned threads = std::max(1u, std::min<unsigned>(options.jobs, tasks.size()));
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);

  LoadedInputs out;
  std::size_t t = 0;
  for (ParsedFile& file : parsed) {
    for (FactsDocument& doc : file.facts) out.documents.push_back(std::move(doc));
    for (std::size_t a = 0; a < file.articles.size(); ++a)
      out.documents.push_back(std::move(extracted[t++]));
    out.diagnostics.insert(out.diagnostics.end(), file.diagnostics.begin(), file.diagnostics.end());
    out.bad_documents += file.bad;
  }
  return out;
}

}  // namespace factgraph::cli
