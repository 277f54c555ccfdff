#pragma once
// Facts documents back to the JSON facts format (docs/facts-format.md), so extracted facts can be
// reviewed, corrected and fed back in.

#include <ostream>
#include <vector>

#include "graph/model.hpp"

namespace factgraph::exporters {

/// Writes `documents` as a JSON array of facts documents (one document per line when
/// `json_lines`). Reading the result back gives the same documents, evidence included.
void write_facts_json(std::ostream& out, const std::vector<FactsDocument>& documents,
                      bool json_lines = false);

}  // namespace factgraph::exporters
