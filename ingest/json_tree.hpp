#pragma once
// One JSON record as a flat tree that remembers where each value and member name starts:
// RapidJSON's DOM keeps no positions, and schema errors must point at the offending value.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace factgraph::ingest {

enum class Kind : std::uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

struct Value {
  Kind kind = Kind::kNull;
  bool integer = false;                  ///< a number written without fraction or exponent
  std::size_t offset = 0;                ///< of the value's first byte in the input
  std::size_t key_offset = 0;            ///< of the member name's opening quote (members only)
  std::size_t key_at = 0, key_size = 0;  ///< member name in Tree::pool
  std::size_t text_at = 0, text_size = 0;  ///< string, number or boolean text in Tree::pool
  std::size_t end = 0;  ///< index one past the value's last descendant: children are skipped by it
};

struct Tree {
  std::vector<Value> values;  ///< pre-order; values[0] is the record
  std::string pool;
  [[nodiscard]] std::string_view key(const Value& v) const {
    return {pool.data() + v.key_at, v.key_size};
  }
  [[nodiscard]] std::string_view text(const Value& v) const {
    return {pool.data() + v.text_at, v.text_size};
  }
  void clear() {
    values.clear();
    pool.clear();
  }
};

/// Calls f(index) for each child of the container at `parent`, in order.
template <class F>
void for_each_child(const Tree& tree, std::size_t parent, F&& f) {
  for (std::size_t c = parent + 1; c < tree.values[parent].end; c = tree.values[c].end) f(c);
}

/// Something wrong at a byte offset of the input.
struct Problem {
  std::size_t offset;
  std::string message;
};

/// Told as each top-level record of a parse starts and is complete in the tree. `element` says
/// the record is an element of a whole-input array (see TreeParser::parse).
class RecordListener {
 public:
  virtual ~RecordListener() = default;
  virtual void record_started(bool element) = 0;
  virtual void record_finished(bool element) = 0;
};

/// SAX-parses JSON into a Tree with RapidJSON: iterative (deep nesting cannot overflow the
/// stack), numbers at full precision (they are written back as text).
class TreeParser {
 public:
  /// Fills `tree`, which the listener may swap with another between records.
  TreeParser(RecordListener& listener, Tree& tree);
  ~TreeParser();
  TreeParser(const TreeParser&) = delete;
  TreeParser& operator=(const TreeParser&) = delete;

  /// Parses `input`, which starts at offset `base` of what positions count in; returns its
  /// syntax error, if any. With `split_root_array`, a root array's elements are records of their
  /// own, each cleared from the tree when the next starts. `unit` names what ends where `input`
  /// ends ("file", "line"), for truncation messages.
  std::optional<Problem> parse(std::string_view input, std::size_t base, bool split_root_array,
                               std::string_view unit);
  /// True when the last parse's root was an array whose elements were records of their own.
  [[nodiscard]] bool root_is_array() const;

 private:
  class Handler;
  std::unique_ptr<Handler> handler_;
};

}  // namespace factgraph::ingest
