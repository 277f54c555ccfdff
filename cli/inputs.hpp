#pragma once
// Turning command-line INPUTs (files and folders) into parsed documents.

#include <functional>
#include <string>
#include <vector>

#include "cli/extraction_queue.hpp"
#include "graph/model.hpp"
#include "ingest/diagnostic.hpp"
#include "ingest/json_input.hpp"

namespace factgraph::ingest {
class Lexicon;
}

namespace factgraph::cli {

enum class InputKind { kJson, kJsonLines, kText, kUnknown };

/// The kind of file `path` holds, judged by its extension.
[[nodiscard]] InputKind input_kind(const std::string& path);

/// Files named by `inputs`: files as given, folders searched recursively for known kinds (others
/// are noted in `notes` and skipped). Sorted and distinct, so the order on the command line does
/// not change the result. A missing path is a diagnostic.
[[nodiscard]] std::vector<std::string> collect_files(const std::vector<std::string>& inputs,
                                                     std::vector<std::string>& notes,
                                                     std::vector<ingest::Diagnostic>& diagnostics);

struct LoadOptions {
  std::string fallback_date;  ///< --date: publication date of articles without a dateline
  unsigned jobs = 1;          ///< threads for text extraction (the CLI passes --jobs)
};


/// What went wrong while loading; the good documents went to the sink.
struct LoadReport {
  std::vector<ingest::Diagnostic> diagnostics;
  std::size_t bad_documents = 0;
};

/// Reads and parses every file in order and hands each document to `sink` in input order: facts
/// as read, articles (plain text and JSON article records) once extracted with `lexicon`.
/// Extraction runs on `options.jobs` threads, never far ahead of the sink, so memory stays
/// bounded however many documents there are. Unreadable files and bad records become
/// diagnostics; exceptions from the sink or the extractor are passed on.
[[nodiscard]] LoadReport load_documents(const std::vector<std::string>& files,
                                        const ingest::Lexicon& lexicon, const LoadOptions& options,
                                        const DocumentSink& sink);

/// The same, each document laid out as text by `render` on the thread that made it (articles
/// are extracted with ingest::EvidenceText::kOffsetsOnly) and handed to `sink` in input order.
[[nodiscard]] LoadReport load_documents(const std::vector<std::string>& files,
                                        const ingest::Lexicon& lexicon, const LoadOptions& options,
                                        const DocumentRenderer& render, const TextSink& sink);

/// Reads a whole file. Throws IoError naming the path when it cannot.
[[nodiscard]] std::string read_file(const std::string& path);

}  // namespace factgraph::cli
