#pragma once
// Internal to graph/: the builder's index of names.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace factgraph::detail {

/// Numbers (the builder's groups) by text key (family and normalised name), keys given with their
/// std::hash. The keys are kept end to end in one buffer and the table holds their hashes and
/// places: adding a key allocates nothing of its own, a lookup mostly reads one slot and one
/// key, and freeing the index is freeing two arrays.
class NameIndex {
 public:
  using Value = std::uint32_t;
  static constexpr Value kNone = static_cast<Value>(-1);

  /// The value `key` was first given, kNone when it is new.
  [[nodiscard]] Value find(std::string_view key, std::size_t hash) const {
    return slots_.empty() ? kNone : slots_[slot(key, hash)].group;
  }
  /// Gives `key` the value `group` unless it has one already.
  void insert(std::string_view key, std::size_t hash, Value group) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    Slot& at = slots_[slot(key, hash)];
    if (at.group != kNone) return;
    at = {hash, keys_.size(), static_cast<std::uint32_t>(key.size()), group};
    keys_ += key;
    ++count_;
  }

 private:
  struct Slot {
    std::size_t hash = 0;
    std::size_t offset = 0;  // of the key in keys_
    std::uint32_t size = 0;
    Value group = kNone;
  };

  std::size_t slot(std::string_view key, std::size_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    for (; slots_[i].group != kNone; i = (i + 1) & mask)
      if (slots_[i].hash == hash &&
          std::string_view(keys_).substr(slots_[i].offset, slots_[i].size) == key)
        break;
    return i;
  }

  void grow() {
    std::vector<Slot> old =
        std::exchange(slots_, std::vector<Slot>(std::max<std::size_t>(1024, 2 * slots_.size())));
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.group == kNone) continue;
      std::size_t i = s.hash & mask;
      while (slots_[i].group != kNone) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  std::string keys_;
  std::size_t count_ = 0;
};

}  // namespace factgraph::detail
