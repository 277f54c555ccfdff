#pragma once
// The fast path for good records: reads one JSON record straight into a CheckedRecord, with no
// tree and no positions. It gives up at the first thing it does not expect: any syntax or schema
// error, and a few rare valid forms (numbers with a fraction or exponent, "-0", integers of more
// than 18 digits, escapes in member names). The caller then runs RecordChecker, which finds and
// positions every problem. Whatever the scanner accepts, the checker accepts with the same result.

#include <cstddef>
#include <memory>
#include <string_view>

#include "ingest/record_schema.hpp"

namespace factgraph::ingest {

class RecordScanner {
 public:
  RecordScanner();
  ~RecordScanner();
  RecordScanner(const RecordScanner&) = delete;
  RecordScanner& operator=(const RecordScanner&) = delete;

  /// Reads the record at the start of `json` (after any whitespace). True when it is good: then
  /// it is in `out`, relation endpoints resolved, and `used` is the length of `json` up to the
  /// record's end. False only says "not sure"; `out` is then unspecified. The strings checked
  /// are valid UTF-8, whatever `json` holds elsewhere.
  [[nodiscard]] bool scan(std::string_view json, std::string_view default_id, CheckedRecord& out,
                          std::size_t& used);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace factgraph::ingest
