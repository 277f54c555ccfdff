#pragma once
// A problem found in input data, pinned to where it is.

#include <cstddef>
#include <string>
#include <string_view>

namespace factgraph::ingest {

struct Diagnostic {
  std::string file;
  std::size_t line = 0;    ///< 1-based; 0 when the position is unknown
  std::size_t column = 0;  ///< 1-based, in bytes
  std::string message;     ///< e.g. "entities[3].type: expected a string"
  /// "file:line:col: error: message" (line/col left out when unknown).
  [[nodiscard]] std::string render() const;
};

/// 1-based line and byte column of byte `offset` in `text` (an offset past the end maps to the end).
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};
[[nodiscard]] TextPosition position_of(std::string_view text, std::size_t offset);

/// Byte offset of the first invalid UTF-8 sequence in `text`, or npos when it is all valid.
/// Overlong forms, surrogates and code points above U+10FFFF are invalid.
[[nodiscard]] std::size_t find_invalid_utf8(std::string_view text);

}  // namespace factgraph::ingest
