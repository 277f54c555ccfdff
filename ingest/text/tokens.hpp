#pragma once
// Tokens of English news text, with byte offsets into the original text.

#include <cstddef>
#include <cstdint>
#include <cstring>
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

/// A hash of the bytes of `word`: the gazetteer index and the word tables hash with it, so a
/// token's hash, made once, serves both. Words are read 8 bytes at a time (short ones in two
/// overlapping loads) and each load is mixed by one 64-bit multiplication: a byte-at-a-time hash
/// waits on a multiplication per byte, and the tokenizer hashes every word.
__extension__ using HashProduct = unsigned __int128;  // GCC and Clang have it on 64-bit targets
[[nodiscard]] inline std::uint64_t hash_mix(std::uint64_t x) {
  const HashProduct product = static_cast<HashProduct>(x) * 0x9E3779B97F4A7C15ull;
  return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}
[[nodiscard]] inline std::uint32_t word_hash(std::string_view word) {
  const char* p = word.data();
  std::size_t n = word.size();
  // The length is spread over all 64 bits, so that it never cancels against the bytes: "be" and
  // "bed" must not meet in the mixer.
  std::uint64_t hash = 0xD6E8FEB86659FD93ull ^ (n * 0x9FB21C651E98DF25ull);
  for (; n > 8; p += 8, n -= 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, p, 8);
    hash = hash_mix(hash ^ chunk);
  }
  std::uint64_t tail = 0;  // the last 1 to 8 bytes, which with the length fix the word
  if (n >= 4) {
    std::uint32_t head, end;
    std::memcpy(&head, p, 4);
    std::memcpy(&end, p + n - 4, 4);
    tail = (std::uint64_t{head} << 32) | end;
  } else if (n > 0) {
    tail = (std::uint64_t{static_cast<unsigned char>(p[0])} << 16) |
           (std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) | static_cast<unsigned char>(p[n - 1]);
  }
  return static_cast<std::uint32_t>(hash_mix(hash ^ tail));
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
  /// The WordClass bits of `lower` (words.hpp), looked up once here for the many rules that ask,
  /// with those the tokenizer works out itself (kJoinedWord, kDayWord, kMixedWord).
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
