#pragma once
// Printing answers for people (aligned tables) and for scripts (JSON), without a JSON library:
// the CLI only ever writes flat records of strings and numbers.

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace factgraph::cli {

/// Rows of text printed with aligned columns (widths counted in code points, not bytes).
class Table {
 public:
  explicit Table(std::vector<std::string> header) : rows_{std::move(header)} {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  [[nodiscard]] std::size_t size() const { return rows_.size() - 1; }
  void print(std::ostream& out) const;

 private:
  std::vector<std::vector<std::string>> rows_;
};

/// `text` as a JSON string literal, quotes included; control characters escaped, and bytes that
/// are not valid UTF-8 replaced by U+FFFD so the output always parses.
[[nodiscard]] std::string json_string(std::string_view text);

/// ["a","b"] from strings.
[[nodiscard]] std::string json_array(const std::vector<std::string_view>& items);
[[nodiscard]] inline std::string json_array(const std::vector<std::string>& items) {
  return json_array(std::vector<std::string_view>(items.begin(), items.end()));
}

}  // namespace factgraph::cli
