#pragma once
// Where the records of one file go: good ones to the sink, problems into the file's report
// (in file order, at most kMaxDiagnostics shown), and the default ids they are named by.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/diagnostic.hpp"
#include "ingest/json_input.hpp"
#include "ingest/json_tree.hpp"
#include "ingest/record_schema.hpp"

namespace factgraph::ingest {

/// More would bury the first problems, which are usually the cause of the rest.
inline constexpr std::size_t kMaxDiagnostics = 20;

class RecordOutput {
 public:
  RecordOutput(std::string_view file, RecordSink& sink);

  /// "<stem>" for a file's only record (ordinal 0), "<stem>#<ordinal>" otherwise.
  [[nodiscard]] std::string default_id(std::size_t ordinal) const;
  /// False once the cap is reached: then details of further problems are not worth computing.
  [[nodiscard]] bool shows_more() const { return report_.diagnostics.size() < kMaxDiagnostics; }

  /// Hands a good record to the sink; an article's text starts on `text_line` of the file.
  void accept(CheckedRecord& record, std::size_t text_line);
  /// Counts one bad record and reports its problems in offset order; `where(offset)` gives the
  /// TextPosition of an offset. Empties `problems`.
  template <class Where>
  void reject(std::vector<Problem>& problems, Where&& where) {
    ++report_.bad_records;
    sort_by_offset(problems);
    for (Problem& p : problems) {
      if (!shows_more()) {
        ++suppressed_;
        continue;
      }
      const TextPosition pos = where(p.offset);
      report_.diagnostics.push_back({file_, pos.line, pos.column, std::move(p.message)});
    }
    problems.clear();
  }
  /// A problem of the whole file, without a position; counts as one bad record, always shown.
  void reject_file(std::string message);
  /// The diagnostics and count of bad records so far, with the count of those not shown.
  [[nodiscard]] ParseReport finish();

 private:
  static void sort_by_offset(std::vector<Problem>& problems);

  std::string file_;
  std::string stem_;
  RecordSink& sink_;
  ParseReport report_;
  std::size_t suppressed_ = 0;
};

/// "invalid UTF-8 byte 0xFF (byte offset 29)" for the byte `byte` at file offset `offset`.
[[nodiscard]] std::string utf8_message(char byte, std::uint64_t offset);

/// Length of a UTF-8 byte order mark at the start of `text` (0 or 3).
[[nodiscard]] std::size_t bom_size(std::string_view text);

/// True when `text` holds only JSON whitespace.
[[nodiscard]] bool is_blank(std::string_view text);

}  // namespace factgraph::ingest
