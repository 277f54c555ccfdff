#include "graph/text.hpp"

#include <deque>
#include <memory>
#include <mutex>
#include <unordered_set>
#include <vector>

namespace factgraph {
namespace {

struct ContentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>()(s);
  }
  std::size_t operator()(const std::string_view* s) const noexcept { return (*this)(*s); }
};

struct ContentEqual {
  using is_transparent = void;
  static std::string_view of(std::string_view s) { return s; }
  static std::string_view of(const std::string_view* s) { return *s; }
  template <class A, class B>
  bool operator()(const A& a, const B& b) const noexcept {
    return of(a) == of(b);
  }
};

// Characters go into large blocks that never move, so the views stay valid; the views go into a
// deque for the same reason, and the set indexes them by content.
class TextPool {
 public:
  const std::string_view* intern(std::string_view text) {
    const std::lock_guard<std::mutex> guard(lock_);
    if (auto it = index_.find(text); it != index_.end()) return *it;
    const std::string_view& entry = entries_.emplace_back(store(text));
    index_.insert(&entry);
    bytes_ += text.size();
    return &entry;
  }

  TextPoolStats stats() {
    const std::lock_guard<std::mutex> guard(lock_);
    return {entries_.size(), bytes_};
  }

 private:
  static constexpr std::size_t kBlockSize = std::size_t{1} << 20;

  std::string_view store(std::string_view text) {
    if (text.size() > kBlockSize / 4) {
      // Long text gets a block of its own instead of wasting the rest of the current one.
      auto& block = blocks_.emplace_back(std::make_unique<char[]>(text.size()));
      text.copy(block.get(), text.size());
      return {block.get(), text.size()};
    }
    if (blocks_.empty() || free_ < text.size()) {
      current_ = blocks_.emplace_back(std::make_unique<char[]>(kBlockSize)).get();
      free_ = kBlockSize;
    }
    char* at = current_ + (kBlockSize - free_);
    text.copy(at, text.size());
    free_ -= text.size();
    return {at, text.size()};
  }

  std::mutex lock_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* current_ = nullptr;
  std::size_t free_ = 0;
  std::size_t bytes_ = 0;
  std::deque<std::string_view> entries_;
  std::unordered_set<const std::string_view*, ContentHash, ContentEqual> index_;
};

TextPool& pool() {
  static TextPool instance;
  return instance;
}

}  // namespace

const std::string_view Text::kEmpty;

Text::Text(std::string_view text) : entry_(text.empty() ? &kEmpty : pool().intern(text)) {}

TextPoolStats text_pool_stats() { return pool().stats(); }

}  // namespace factgraph
