#include "ingest/text/tokens.hpp"

#include "ingest/text/words.hpp"

#include <algorithm>
#include <array>

namespace factgraph::ingest {
namespace {

constexpr bool ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
constexpr bool ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

// What the tokenizer asks of an ASCII byte, as bits of one table lookup: words are scanned a byte
// at a time, and their letter case is read on the same pass.
enum ByteClass : std::uint8_t { kAlnum = 1, kUpper = 2, kLower = 4, kSpace = 8, kLetter = 16 };
constexpr std::array<std::uint8_t, 256> kByteClass = [] {
  std::array<std::uint8_t, 256> table{};
  for (unsigned c = 0; c < 128; ++c) {
    const auto b = static_cast<unsigned char>(c);
    if (ascii_alpha(b) || ascii_digit(b)) table[c] |= kAlnum;
    if (ascii_upper(b)) table[c] |= kUpper | kLetter;
    else if (ascii_alpha(b)) table[c] |= kLower | kLetter;
  }
  for (const char c : {' ', '\t', '\n', '\r', '\f', '\v'}) table[static_cast<unsigned char>(c)] |= kSpace;
  return table;
}();

// Multi-byte sequences that are punctuation or space, and what they read as.
struct Special {
  std::string_view bytes;
  std::string_view as;  // "" = whitespace
};
constexpr std::array<Special, 14> kSpecials = {{{"\u00a0", ""},
                                                 {"\u2009", ""},
                                                 {"\u202f", ""},
                                                 {"\u200b", ""},
                                                 {"\u2018", "'"},
                                                 {"\u2019", "'"},
                                                 {"\u201c", "\""},
                                                 {"\u201d", "\""},
                                                 {"\u2013", "-"},
                                                 {"\u2014", "-"},
                                                 {"\u2010", "-"},
                                                 {"\u2011", "-"},
                                                 {"\u2022", "*"},
                                                 {"\u00b7", "*"}}};

const Special* special_at(std::string_view text, std::size_t i) {
  // Every special sequence starts C2 or E2 80, so other bytes are rejected before the list.
  const auto c = static_cast<unsigned char>(text[i]);
  if (c != 0xC2 && c != 0xE2) return nullptr;
  if (i + 1 >= text.size() || (c == 0xE2 && static_cast<unsigned char>(text[i + 1]) != 0x80))
    return nullptr;
  for (const Special& s : kSpecials)
    if (s.bytes[0] == text[i] && s.bytes[1] == text[i + 1] &&
        (s.bytes.size() == 2 || (i + 2 < text.size() && s.bytes[2] == text[i + 2])))
      return &s;
  return nullptr;
}

bool word_byte(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c >= 0x80) return special_at(text, i) == nullptr;
  return kByteClass[c] & kAlnum;
}

// Apostrophe at i (ASCII or typographic); returns its width or 0.
std::size_t apostrophe_at(std::string_view text, std::size_t i) {
  if (text[i] == '\'') return 1;
  // U+2019 is E2 80 99; tested byte by byte, as this is asked at every word end.
  const bool typographic = static_cast<unsigned char>(text[i]) == 0xE2 && i + 2 < text.size() &&
                           static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                           static_cast<unsigned char>(text[i + 2]) == 0x99;
  return typographic ? 3 : 0;
}

// Sets the text, lower-cased form, letter-case flags and word classes of a token. `cases` is
// the OR of the kByteClass bits of the text's bytes and `letters` its ASCII letters. The views
// are set from `text` held in registers: copying `t.text` just stored would read memory
// written a moment before in two halves, which the processor cannot forward and waits for.
void finish(Token& t, std::string_view text, TokenArena& arena, std::uint8_t cases,
            std::size_t letters) {
  std::string_view lower_text = text;
  if (cases & kUpper) {
    char* lower = arena.allocate(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      lower[i] = static_cast<char>(kByteClass[c] & kUpper ? c + 32 : c);
    }
    lower_text = std::string_view(lower, text.size());
  }
  t.text = text;
  t.lower = lower_text;
  const auto first = static_cast<unsigned char>(text.empty() ? 0 : text[0]);
  t.capitalised = t.word && (ascii_upper(first) || first >= 0xC0);
  t.all_caps = t.word && letters >= 2 && !(cases & kLower);
  t.letters_only = t.word && letters == text.size();
  const std::uint32_t hash = word_hash(lower_text);
  t.hash = hash;
  std::uint32_t classes = word_classes(lower_text, hash);
  if (!t.letters_only) {
    if (t.word) classes |= kMixedWord;
  } else if (lower_text.size() >= 5 && ((lower_text[0] == 't' && lower_text[1] == 'o') ||
                                        (lower_text[0] == 'y' && lower_text[1] == 'e'))) {
    for (const std::string_view day : kDayWords)
      if (lower_text.starts_with(day)) classes |= kDayWord;
  }
  t.classes = classes;
}

// The same for a token of punctuation, whose text has no letters (but may be a word class: "&").
void finish_punctuation(Token& t, std::string_view text) {
  t.text = text;
  t.lower = text;
  const std::uint32_t hash = word_hash(text);
  t.hash = hash;
  t.classes = word_classes(text, hash);
}

// `word` with each typographic apostrophe written "'" (the only character a word normalises).
std::string_view straight_apostrophes(std::string_view word, TokenArena& arena) {
  char* out = arena.allocate(word.size());
  std::size_t n = 0;
  for (std::size_t i = 0; i < word.size();) {
    if (word.compare(i, 3, "\u2019") == 0) {
      out[n++] = '\'';
      i += 3;
    } else {
      out[n++] = word[i++];
    }
  }
  return {out, n};
}

}  // namespace

char* TokenArena::allocate(std::size_t size) {
  if (used_ + size > capacity_) {
    // Blocks grow, so a name's few tokens cost little and an article's many few allocations.
    capacity_ = std::max(std::min(2 * capacity_ + kFirstBlockSize, kMaxBlockSize), size);
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(capacity_));
    used_ = 0;
  }
  char* out = blocks_.back().get() + used_;
  used_ += size;
  return out;
}

void TokenArena::clear() {
  used_ = 0;
  if (blocks_.empty()) return;
  // Blocks only grow, so the last is the largest.
  std::unique_ptr<char[]> largest = std::move(blocks_.back());
  blocks_.clear();
  blocks_.push_back(std::move(largest));
}

std::vector<Token> tokenize(std::string_view text, TokenArena& arena, std::size_t offset) {
  std::vector<Token> tokens;
  tokenize(text, arena, offset, tokens);
  return tokens;
}

void tokenize(std::string_view text, TokenArena& arena, std::size_t offset,
              std::vector<Token>& tokens) {
  tokens.clear();
  tokens.reserve(text.size() / 5 + 4);
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::uint8_t cls = kByteClass[c];
    if (cls & kSpace) {
      ++i;
      continue;
    }
    // Most tokens start with a letter or digit, which only the word rules below can take.
    if (!(cls & kAlnum)) {
      if (const Special* s = special_at(text, i)) {
        if (s->as.empty()) {
          i += s->bytes.size();
          continue;
        }
        // A typographic apostrophe starting "’s" is a possessive, handled below with words.
        if (!(s->as == "'" && i + 3 < n && (text[i + 3] == 's' || text[i + 3] == 'S') &&
              (i + 4 == n || !word_byte(text, i + 4)))) {
          Token& t = tokens.emplace_back();
          t.begin = offset + i;
          t.end = offset + i + s->bytes.size();
          finish_punctuation(t, s->as);
          i += s->bytes.size();
          continue;
        }
      }
      if (const std::size_t ap = apostrophe_at(text, i);
          ap && i + ap < n && (text[i + ap] == 's' || text[i + ap] == 'S') &&
          (i + ap + 1 == n || !word_byte(text, i + ap + 1))) {
        Token& t = tokens.emplace_back();
        t.begin = offset + i;
        t.end = offset + i + ap + 1;
        t.word = false;
        finish_punctuation(t, "'s");
        i += ap + 1;
        continue;
      }
      if (!word_byte(text, i)) {
        Token& t = tokens.emplace_back();
        t.begin = offset + i;
        t.end = offset + i + 1;
        finish_punctuation(t, text.substr(i, 1));
        ++i;
        continue;
      }
    }
    // A word: letters and digits, with inner hyphens, apostrophes (not possessive), dots of
    // acronyms and numbers. It is the text as written, bar typographic apostrophes. Most
    // tokens are words, so they are made where they will stay.
    Token& t = tokens.emplace_back();
    t.begin = offset + i;
    t.word = true;
    bool typographic = false;
    // Every ASCII letter of the word is read by the inner loop, which notes the letter case;
    // only a malformed UTF-8 sequence can hide one (the count is then made again below).
    std::uint8_t cases = 0;
    std::size_t letters = 0;
    bool skipped_bytes = false;
    bool joined = false;
    std::size_t j = i;
    while (j < n) {
      // Letters and digits are most of the text; everything else goes through the rules below.
      for (; j < n; ++j) {
        const std::uint8_t b = kByteClass[static_cast<unsigned char>(text[j])];
        if (!(b & kAlnum)) break;
        cases |= b;
        letters += (b >> 4) & 1;
      }
      if (j == n) break;
      if (word_byte(text, j)) {
        const auto b = static_cast<unsigned char>(text[j]);
        j += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        skipped_bytes = true;
        continue;
      }
      const char d = text[j];
      const bool next_word = j + 1 < n && word_byte(text, j + 1);
      if ((d == '-' || d == '/') && next_word && j + 1 < n) {
        joined = true;
        ++j;
        continue;
      }
      if (const std::size_t ap = apostrophe_at(text, j); ap && j + ap < n && word_byte(text, j + ap)) {
        const bool possessive = (text[j + ap] == 's' || text[j + ap] == 'S') &&
                                (j + ap + 1 == n || !word_byte(text, j + ap + 1));
        if (possessive) break;
        typographic = typographic || ap > 1;
        j += ap;
        continue;
      }
      if (d == '.') {
        // "U.S." / "D.C." / "E.O.": single letters separated by dots; "1.5": digits. The bytes
        // just before j are the word's own (an apostrophe is never its last character).
        const std::size_t word_len = j - i;
        const bool single_letter = word_len == 1 && ascii_alpha(static_cast<unsigned char>(text[i]));
        const bool in_acronym = word_len >= 2 && text[j - 2] == '.';
        const bool digits = ascii_digit(static_cast<unsigned char>(text[j - 1])) && j + 1 < n &&
                            ascii_digit(static_cast<unsigned char>(text[j + 1]));
        if (digits) {
          ++j;
          continue;
        }
        if (single_letter || in_acronym) {
          ++j;
          // Continue only into another single letter ("U.S." -> "S" then ".").
          if (j < n && ascii_alpha(static_cast<unsigned char>(text[j])) &&
              (j + 1 == n || text[j + 1] == '.'))
            continue;
          break;
        }
      }
      break;
    }
    t.end = offset + j;
    std::string_view word = text.substr(i, j - i);
    if (typographic) word = straight_apostrophes(word, arena);
    if (skipped_bytes) {
      cases = 0;
      letters = 0;
      for (const char ch : word) {
        const std::uint8_t b = kByteClass[static_cast<unsigned char>(ch)];
        cases |= b;
        letters += (b >> 4) & 1;
      }
    }
    finish(t, word, arena, cases, letters);
    if (joined) t.classes |= kJoinedWord;
    i = j;
  }
}

}  // namespace factgraph::ingest
