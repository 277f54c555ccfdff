#pragma once
// Tokens of English news text, with byte offsets into the original text.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace factgraph::ingest {

/// Holds the token text that is not a stretch of the tokenised text itself: normalised forms
/// ("'" for "’") and lower-cased words. Tokens point into it, so it must outlive them; it never
/// moves what it holds, however much it grows.
class TokenArena {
 public:
  TokenArena() = default;
  // A moved-from arena is empty and usable.
  TokenArena(TokenArena&& other) noexcept { *this = std::move(other); }
  TokenArena& operator=(TokenArena&& other) noexcept {
    blocks_ = std::move(other.blocks_);
    other.blocks_.clear();
    used_ = std::exchange(other.used_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
    return *this;
  }
  /// Room for `size` bytes, valid as long as the arena.
  [[nodiscard]] char* allocate(std::size_t size);
  /// Forgets what it holds (whatever points into it is then invalid), keeping its largest block
  /// for what comes next.
  void clear();

 private:
  static constexpr std::size_t kFirstBlockSize = 256;
  static constexpr std::size_t kMaxBlockSize = 16 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t used_ = 0;      // bytes taken from the last block
  std::size_t capacity_ = 0;  // size of the last block
};

/// FNV-1a over the bytes of `word`, continuing from `hash`: the gazetteer index and the word
/// tables hash with it, so a token's hash, made once, serves both.
inline constexpr std::uint32_t kWordHashSeed = 2166136261u;
[[nodiscard]] inline std::uint32_t word_hash(std::string_view word, std::uint32_t hash = kWordHashSeed) {
  for (const char c : word) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  return hash;
}

/// Whether two short strings (words, gazetteer keys) are the same, compared inline: the word
/// tables ask at nearly every token, and a call to memcmp costs more than the comparison.
[[nodiscard]] inline bool same_word(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

struct Token {
  std::size_t begin = 0;  ///< byte range in the text that was tokenised
  std::size_t end = 0;
  /// Normalised: typographic quotes, dashes and apostrophes made ASCII. Points into the text
  /// that was tokenised, the arena, or static storage.
  std::string_view text;
  std::string_view lower;  ///< `text` with ASCII letters lowered (the same view when it has none)
  bool word = false;  ///< letters/digits (possibly with inner . ' - &), not punctuation
  bool capitalised = false;  ///< first character an upper-case ASCII letter or a non-ASCII letter
  bool all_caps = false;     ///< at least two letters, none lower case
  bool letters_only = false;  ///< a word of ASCII letters and nothing else
  /// The WordClass bits of `lower` (words.hpp), looked up once here for the many rules that ask.
  std::uint32_t classes = 0;
  std::uint32_t hash = 0;  ///< word_hash(lower)
};

/// Splits `text` into words and punctuation. "U.S." and initials like "D." are one token; a
/// possessive "'s"/"’s" is its own token "'s"; hyphenated words ("Hangzhou-based") stay whole;
/// typographic quotes become '"', dashes "-", non-breaking spaces are whitespace. Offsets are
/// those in `text` plus `offset`. The tokens point into `text` and `arena`, which must outlive
/// them.
[[nodiscard]] std::vector<Token> tokenize(std::string_view text, TokenArena& arena,
                                          std::size_t offset = 0);
/// The same into `tokens`, which is cleared first (its memory is kept).
void tokenize(std::string_view text, TokenArena& arena, std::size_t offset,
              std::vector<Token>& tokens);

}  // namespace factgraph::ingest
