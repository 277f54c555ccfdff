#pragma once
// Facts documents back to the JSON facts format (docs/facts-format.md), so extracted facts can be
// reviewed, corrected and fed back in.

#include <ostream>
#include <string>
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
  void finish();

 private:
  void maybe_flush();
  std::ostream& out_;
  bool json_lines_;
  std::size_t written_ = 0;
  std::string buffer_;
};

}  // namespace factgraph::exporters
