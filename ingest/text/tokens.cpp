#include "ingest/text/tokens.hpp"

#include <array>

namespace factgraph::ingest {
namespace {

bool ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

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
  if (static_cast<unsigned char>(text[i]) < 0x80) return nullptr;
  for (const Special& s : kSpecials)
    if (text.compare(i, s.bytes.size(), s.bytes) == 0) return &s;
  return nullptr;
}

bool word_byte(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c >= 0x80) return special_at(text, i) == nullptr;
  return ascii_alpha(c) || ascii_digit(c);
}

// Apostrophe at i (ASCII or typographic); returns its width or 0.
std::size_t apostrophe_at(std::string_view text, std::size_t i) {
  if (text[i] == '\'') return 1;
  if (text.compare(i, 3, "\u2019") == 0) return 3;
  return 0;
}

void finish(Token& t, std::string_view text) {
  t.lower.resize(t.text.size());
  bool any_lower = false;
  std::size_t letters = 0;
  for (std::size_t i = 0; i < t.text.size(); ++i) {
    const auto c = static_cast<unsigned char>(t.text[i]);
    t.lower[i] = ascii_upper(c) ? static_cast<char>(c + 32) : static_cast<char>(c);
    if (ascii_alpha(c)) {
      ++letters;
      any_lower = any_lower || !ascii_upper(c);
    }
  }
  const auto first = static_cast<unsigned char>(t.text.empty() ? 0 : t.text[0]);
  t.capitalised = t.word && (ascii_upper(first) || first >= 0xC0);
  t.all_caps = t.word && letters >= 2 && !any_lower;
  (void)text;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, std::size_t offset) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 4);
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    if (const Special* s = special_at(text, i)) {
      if (s->as.empty()) {
        i += s->bytes.size();
        continue;
      }
      // A typographic apostrophe starting "’s" is a possessive, handled below with words.
      if (!(s->as == "'" && i + 3 < n && (text[i + 3] == 's' || text[i + 3] == 'S') &&
            (i + 4 == n || !word_byte(text, i + 4)))) {
        Token t;
        t.begin = offset + i;
        t.end = offset + i + s->bytes.size();
        t.text = std::string(s->as);
        finish(t, text);
        tokens.push_back(std::move(t));
        i += s->bytes.size();
        continue;
      }
    }
    if (const std::size_t ap = apostrophe_at(text, i);
        ap && i + ap < n && (text[i + ap] == 's' || text[i + ap] == 'S') &&
        (i + ap + 1 == n || !word_byte(text, i + ap + 1))) {
      Token t;
      t.begin = offset + i;
      t.end = offset + i + ap + 1;
      t.text = "'s";
      t.word = false;
      finish(t, text);
      tokens.push_back(std::move(t));
      i += ap + 1;
      continue;
    }
    if (!word_byte(text, i)) {
      Token t;
      t.begin = offset + i;
      t.end = offset + i + 1;
      t.text = std::string(1, text[i]);
      finish(t, text);
      tokens.push_back(std::move(t));
      ++i;
      continue;
    }
    // A word: letters and digits, with inner hyphens, apostrophes (not possessive), dots of
    // acronyms and numbers.
    Token t;
    t.begin = offset + i;
    t.word = true;
    std::size_t j = i;
    while (j < n) {
      if (word_byte(text, j)) {
        const auto b = static_cast<unsigned char>(text[j]);
        const std::size_t w = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        t.text.append(text.substr(j, w));
        j += w;
        continue;
      }
      const char d = text[j];
      const bool next_word = j + 1 < n && word_byte(text, j + 1);
      if ((d == '-' || d == '/') && next_word && j + 1 < n) {
        t.text += d;
        ++j;
        continue;
      }
      if (const std::size_t ap = apostrophe_at(text, j); ap && j + ap < n && word_byte(text, j + ap)) {
        const bool possessive = (text[j + ap] == 's' || text[j + ap] == 'S') &&
                                (j + ap + 1 == n || !word_byte(text, j + ap + 1));
        if (possessive) break;
        t.text += '\'';
        j += ap;
        continue;
      }
      if (d == '.') {
        // "U.S." / "D.C." / "E.O.": single letters separated by dots; "1.5": digits.
        const std::size_t word_len = j - i;
        const bool single_letter = word_len == 1 && ascii_alpha(static_cast<unsigned char>(text[i]));
        const bool in_acronym = t.text.size() >= 2 && t.text[t.text.size() - 2] == '.';
        const bool digits = ascii_digit(static_cast<unsigned char>(text[j - 1])) && j + 1 < n &&
                            ascii_digit(static_cast<unsigned char>(text[j + 1]));
        if (digits) {
          t.text += '.';
          ++j;
          continue;
        }
        if (single_letter || in_acronym) {
          t.text += '.';
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
    finish(t, text);
    tokens.push_back(std::move(t));
    i = j;
  }
  return tokens;
}

}  // namespace factgraph::ingest
