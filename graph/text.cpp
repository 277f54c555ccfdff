#include "graph/text.hpp"

#include <memory>
#include <mutex>
#include <new>
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

// Each string is stored as its view followed by its characters, in large blocks that never move:
// a Text points at the view, and reading it touches one place in memory, not two.
class TextPool {
 public:
  const std::string_view* intern(std::string_view text) {
    const std::lock_guard<std::mutex> guard(lock_);
    if (auto it = index_.find(text); it != index_.end()) return *it;
    const std::string_view* entry = store(text);
    index_.insert(entry);
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
      at = blocks_.emplace_back(std::make_unique<char[]>(size)).get();
    } else {
      if (blocks_.empty() || free_ < size) {
        current_ = blocks_.emplace_back(std::make_unique<char[]>(kBlockSize)).get();
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
