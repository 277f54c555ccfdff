#pragma once
// The full schema check of one record (docs/facts-format.md) on a positioned tree: it finds
// every problem of the record and where it is. RecordScanner is the fast path for good records;
// this is the reference it must agree with.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/json_tree.hpp"
#include "ingest/record_schema.hpp"

namespace factgraph::ingest {

class RecordChecker {
 public:
  struct Options {
    std::string_view default_id;              ///< the id of a record that gives none
    std::optional<std::size_t> record_index;  ///< "[n]" before every path, in arrays of records
    bool file_root = false;                   ///< the record is a whole file, not an element
    bool suggestions = true;  ///< look for "did you mean" names (skipped when nobody sees them)
  };

  RecordChecker();
  ~RecordChecker();
  RecordChecker(const RecordChecker&) = delete;
  RecordChecker& operator=(const RecordChecker&) = delete;

  /// True when the record in `tree` is good; then it is in `out`, relation endpoints resolved.
  /// Otherwise problems() tells, in no particular order, everything that is wrong with it.
  [[nodiscard]] bool check(const Tree& tree, const Options& options, CheckedRecord& out);
  [[nodiscard]] std::vector<Problem>& problems();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

/// JSON-style quoting for messages; long values are cut so that one huge field cannot flood the
/// terminal.
[[nodiscard]] std::string quote(std::string_view s);

}  // namespace factgraph::ingest
