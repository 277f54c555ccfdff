#pragma once
// Interned text for the merged graph. A big graph repeats the same few strings millions of times
// (relation types, dates, document ids, rule names, the sentence shared by every fact it states),
// so the graph stores each distinct string once and refers to it by pointer.

#include <compare>
#include <cstddef>
#include <string>
#include <string_view>

namespace factgraph {

/// An immutable string held by a process-wide pool. Copying is free, equality is a pointer
/// comparison, ordering is by content (byte-wise, as std::string orders). Interning is
/// thread-safe; interned text lives until the process ends, which suits a command-line tool
/// that builds one graph per run.
class Text {
 public:
  Text() = default;
  Text(std::string_view text);  // NOLINT: implicit, so a Text is written like any string
  Text(const char* text) : Text(std::string_view(text)) {}
  Text(const std::string& text) : Text(std::string_view(text)) {}

  [[nodiscard]] std::string_view view() const { return *entry_; }
  operator std::string_view() const { return *entry_; }  // NOLINT: reads like a string
  [[nodiscard]] std::string str() const { return std::string(*entry_); }
  [[nodiscard]] bool empty() const { return entry_->empty(); }
  [[nodiscard]] std::size_t size() const { return entry_->size(); }
  [[nodiscard]] const char* data() const { return entry_->data(); }
  /// Stable for the process: usable as a hash of the content.
  [[nodiscard]] const void* identity() const { return entry_; }

  friend bool operator==(Text a, Text b) { return a.entry_ == b.entry_; }
  friend bool operator==(Text a, std::string_view b) { return a.view() == b; }
  friend bool operator==(Text a, const char* b) { return a.view() == b; }
  // Sorting a node's mentions compares the same document id and sentence over and over: the
  // same pointer answers that without reading the text.
  friend std::strong_ordering operator<=>(Text a, Text b) {
    if (a.entry_ == b.entry_) return std::strong_ordering::equal;
    return a.view() <=> b.view();
  }

 private:
  static const std::string_view kEmpty;
  const std::string_view* entry_ = &kEmpty;
};

/// Number of distinct strings and bytes interned so far (for benchmarks and memory reports).
struct TextPoolStats {
  std::size_t strings = 0;
  std::size_t bytes = 0;
};
[[nodiscard]] TextPoolStats text_pool_stats();

}  // namespace factgraph

template <>
struct std::hash<factgraph::Text> {
  std::size_t operator()(factgraph::Text t) const noexcept {
    return std::hash<const void*>()(t.identity());
  }
};
