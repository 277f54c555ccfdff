#pragma once
// JSON input: facts documents and article records (see docs/facts-format.md), and factgraph's own
// graph JSON read back losslessly.

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "graph/model.hpp"
#include "ingest/diagnostic.hpp"

namespace factgraph::ingest {

/// A raw article to run the text extractor on.
struct ArticleRecord {
  DocumentInfo info;
  std::string text;
  std::string place;          ///< dateline place of a plain-text article ("Washington"), if any
  std::size_t text_line = 1;  ///< line of the file where the text starts, for error positions
};

/// Receives the records of a file one at a time, in file order, as soon as each is checked.
/// Every relation of a document comes with `source_index` and `target_index` resolved.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void facts(FactsDocument document) = 0;
  virtual void article(ArticleRecord article) = 0;
};

/// What went wrong in a file; the good records went to the sink. A bad record counts once and
/// never reaches the sink.
struct ParseReport {
  std::vector<Diagnostic> diagnostics;
  std::size_t bad_records = 0;
};

/// Parses `text` read from `file`: one record, an array of records, or (when `json_lines`) one
/// record per non-blank line. A record with "text" is an article; one with "entities" or
/// "relations" is facts. Records without an id get "<file stem>" or "<file stem>#<n>" (n from 1).
/// Each good record goes to `sink` as soon as it is checked (in an array, the first one waits
/// for the second).
[[nodiscard]] ParseReport parse_json_records(std::string_view text, std::string_view file,
                                             bool json_lines, RecordSink& sink);

/// As parse_json_records for JSON Lines, reading `in` in bounded chunks: memory stays
/// proportional to the longest line, not to the file. Same checks, positions (line:col of the
/// file) and default ids. A read error of the stream is reported as a diagnostic naming `file`.
[[nodiscard]] ParseReport read_json_lines(std::istream& in, std::string_view file,
                                          RecordSink& sink);

/// What a JSON/JSONL file holds. Each bad record adds diagnostics and is left out; the good ones
/// are kept so --keep-going can go on without them.
struct JsonRecords {
  std::vector<FactsDocument> facts;
  std::vector<ArticleRecord> articles;
  std::vector<Diagnostic> diagnostics;
  std::size_t bad_records = 0;
};

/// As above, keeping every record of the file.
[[nodiscard]] JsonRecords parse_json_records(std::string_view text, std::string_view file,
                                             bool json_lines);

/// True when `text` looks like factgraph's own graph JSON (an object with "factgraph" at its top).
[[nodiscard]] bool is_graph_json(std::string_view text);
/// The same for what `in` holds from where it stands; reads only as far as it needs to decide.
[[nodiscard]] bool is_graph_json(std::istream& in);

/// Reads factgraph's own graph JSON (written by exporters::write_json). nullopt with diagnostics
/// when it is malformed.
[[nodiscard]] std::optional<KnowledgeGraph> read_graph_json(std::string_view text,
                                                            std::string_view file,
                                                            std::vector<Diagnostic>& diagnostics);
/// The same, read from `in` a chunk at a time: memory holds the graph, not the file.
[[nodiscard]] std::optional<KnowledgeGraph> read_graph_json(std::istream& in, std::string_view file,
                                                            std::vector<Diagnostic>& diagnostics);

}  // namespace factgraph::ingest
