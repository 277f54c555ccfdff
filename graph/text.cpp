#include "graph/text.hpp"

#include <algorithm>
#include <memory>
#include <mutex>
#include <new>
#include <vector>

namespace factgraph {
namespace {

// Each string is stored as its view followed by its characters, in large blocks that never move:
// a Text points at the view, and reading it touches one place in memory, not two.
class TextPool {
 public:
  const std::string_view* intern(std::string_view text, std::size_t hash) {
    const std::lock_guard<std::mutex> guard(lock_);
    if (2 * (strings_ + 1) > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    for (; slots_[i].entry != nullptr; i = (i + 1) & mask)
      if (slots_[i].hash == hash && *slots_[i].entry == text) return slots_[i].entry;
    const std::string_view* entry = store(text);
    slots_[i] = {hash, entry};
    ++strings_;
    bytes_ += text.size();
    return entry;
  }

  TextPoolStats stats() {
    const std::lock_guard<std::mutex> guard(lock_);
    return {strings_, bytes_};
  }

 private:
  static constexpr std::size_t kBlockSize = std::size_t{1} << 20;
  static constexpr std::size_t kAlign = alignof(std::string_view);

  const std::string_view* store(std::string_view text) {
    const std::size_t header = sizeof(std::string_view);
    // Rounded up so the next entry's view is aligned.
    const std::size_t size = (header + text.size() + kAlign - 1) / kAlign * kAlign;
    char* at = nullptr;
    if (size > kBlockSize / 4) {
      // Long text gets a block of its own instead of wasting the rest of the current one.
      at = blocks_.emplace_back(std::make_unique_for_overwrite<char[]>(size)).get();
    } else {
      if (blocks_.empty() || free_ < size) {
        current_ = blocks_.emplace_back(std::make_unique_for_overwrite<char[]>(kBlockSize)).get();
        free_ = kBlockSize;
      }
      at = current_ + (kBlockSize - free_);
      free_ -= size;
    }
    char* chars = at + header;
    text.copy(chars, text.size());
    return ::new (at) std::string_view(chars, text.size());
  }

  std::mutex lock_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* current_ = nullptr;
  std::size_t free_ = 0;
  std::size_t strings_ = 0;
  std::size_t bytes_ = 0;
  // Open addressing with the hash kept beside each entry: no allocation per string, and growing
  // never reads the strings again.
  struct Slot {
    std::size_t hash = 0;
    const std::string_view* entry = nullptr;
  };
  std::vector<Slot> slots_;

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(1024, old.size() * 2), Slot{});
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.entry == nullptr) continue;
      std::size_t i = slot.hash & mask;
      while (slots_[i].entry != nullptr) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }
};

// Threads that intern at once (the builder makes edges on several) mostly meet different locks.
// A shard is picked by the hash's top bits; its table is indexed by the low ones.
constexpr int kShardBits = 4;
constexpr std::size_t kShards = std::size_t{1} << kShardBits;

TextPool& shard(std::size_t hash) {
  static TextPool shards[kShards];
  return shards[hash >> (8 * sizeof(std::size_t) - kShardBits)];
}

const std::string_view* intern(std::string_view text) {
  const std::size_t hash = std::hash<std::string_view>()(text);
  return shard(hash).intern(text, hash);
}

}  // namespace

const std::string_view Text::kEmpty;

Text::Text(std::string_view text) : entry_(text.empty() ? &kEmpty : intern(text)) {}

TextPoolStats text_pool_stats() {
  TextPoolStats total;
  for (std::size_t i = 0; i < kShards; ++i) {
    const TextPoolStats one = shard(i << (8 * sizeof(std::size_t) - kShardBits)).stats();
    total.strings += one.strings;
    total.bytes += one.bytes;
  }
  return total;
}

}  // namespace factgraph
