#pragma once
// Facts documents back to the JSON facts format (docs/facts-format.md), so extracted facts can be
// reviewed, corrected and fed back in.

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.hpp"

namespace factgraph::exporters {

/// Writes `documents` as a JSON array of facts documents (one document per line when
/// `json_lines`). Reading the result back gives the same documents, evidence included.
void write_facts_json(std::ostream& out, const std::vector<FactsDocument>& documents,
                      bool json_lines = false);

/// The same, one document at a time, so a long run never holds all its documents: write() each,
/// then finish() once (which closes the array and flushes). Errors are the stream's to report.
class FactsJsonWriter {
 public:
  FactsJsonWriter(std::ostream& out, bool json_lines);
  void write(const FactsDocument& document);
  /// Writes a document laid out by append_facts_document with the same `json_lines`.
  void write_laid_out(std::string_view document);
  void finish();

 private:
  void maybe_flush();
  std::ostream& out_;
  bool json_lines_;
  std::size_t written_ = 0;
  std::string buffer_;
};

/// Appends `document` laid out as FactsJsonWriter lays out each document (pretty, or on one line
/// when `json_lines`), without the separators between documents, so documents can be laid out
/// on the threads that made them. With `article_text`, each evidence sentence is the text from
/// the evidence's begin to its end offset and Evidence::sentence is not read (for facts
/// extracted with ingest::EvidenceText::kOffsetsOnly); the offsets must lie within the text.
void append_facts_document(std::string& out, const FactsDocument& document, bool json_lines,
                           std::optional<std::string_view> article_text = std::nullopt);

/// Appends `text` as a quoted JSON string: '"', '\\' and controls escaped as RapidJSON does
/// (\b \t \n \f \r, else \u00XX), and each byte that is not part of valid UTF-8 replaced by
/// U+FFFD (every exporter makes the same repair), so the output always parses.
void append_json_string(std::string& out, std::string_view text);

}  // namespace factgraph::exporters
