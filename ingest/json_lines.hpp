#pragma once
// JSON Lines files (one record per line), from a whole text or from a stream read in chunks.

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/json_input.hpp"

namespace factgraph::ingest {

/// Reads the lines of one JSON Lines file as they come, keeping nothing of a line once it has
/// been handed over: line and byte offsets are counted from the lines themselves.
class JsonLinesReader {
 public:
  JsonLinesReader(std::string_view file, RecordSink& sink);
  ~JsonLinesReader();
  JsonLinesReader(const JsonLinesReader&) = delete;
  JsonLinesReader& operator=(const JsonLinesReader&) = delete;

  /// The next line of the file without its '\n' (a "\r" before it is dropped here). The text
  /// after the last '\n' is a line too, even when empty.
  void line(std::string_view text);
  /// The file could not be read to its end.
  void read_error(std::string message);
  [[nodiscard]] ParseReport finish();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

/// read_json_lines reading `chunk_bytes` at a time, so that tests can put chunk boundaries
/// anywhere.
[[nodiscard]] ParseReport read_json_lines(std::istream& in, std::string_view file,
                                          RecordSink& sink, std::size_t chunk_bytes);

}  // namespace factgraph::ingest
