#include "graph/names.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace factgraph {
namespace {

constexpr std::array<std::string_view, 22> kCompanyForms = {
    "co",  "ltd", "inc", "corp", "corporation", "company", "limited", "llc", "plc", "sa",   "ag",
    "gmbh", "jsc", "ojsc", "pjsc", "oao",       "ooo",     "llp",     "lp",  "cjsc", "pte", "bhd"};

bool is_word_byte(unsigned char c) {
  // Bytes >= 0x80 belong to UTF-8 letters; treating them as word bytes keeps non-Latin names
  // intact. Typographic apostrophes and quotes are handled before this check.
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Multi-byte punctuation that must split words like ASCII punctuation does.
constexpr std::array<std::string_view, 9> kUnicodePunct = {
    "\u2019", "\u2018", "\u201c", "\u201d", "\u2013", "\u2014", "\u00a0", "\u2010", "\u2011"};

}  // namespace

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_lower_company_form(std::string_view word) {
  return std::find(kCompanyForms.begin(), kCompanyForms.end(), word) != kCompanyForms.end();
}

// Width of the multi-byte punctuation mark starting at `at`, 0 when there is none.
std::size_t unicode_punct_width(std::string_view text, std::size_t at) {
  for (std::string_view p : kUnicodePunct)
    if (text.substr(at, p.size()) == p) return p.size();
  return 0;
}

// True when an apostrophe ending just before `at` makes a possessive "'s".
bool possessive_s_at(std::string_view text, std::size_t at) {
  return at < text.size() && (text[at] == 's' || text[at] == 'S') &&
         (at + 1 == text.size() || !is_word_byte(static_cast<unsigned char>(text[at + 1])));
}

}  // namespace

bool is_company_form(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() > 11) return false;  // longer than "corporation"
  char lowered[12];
  for (std::size_t i = 0; i < word.size(); ++i) lowered[i] = lower(word[i]);
  return is_lower_company_form({lowered, word.size()});
}

std::string normalize_name(std::string_view name) {
  std::string out;
  append_normalized_name(out, name);
  return out;
}

// One pass writing words straight into the result: this runs for every name of every entity a
// large facts file declares.
void append_normalized_name(std::string& out, std::string_view name) {
  const std::size_t start = out.size();
  out.reserve(start + name.size());
  std::size_t words = 0;
  bool in_word = false;
  auto word_byte = [&](char c) {
    if (!in_word) {
      if (words++ > 0) out += ' ';
      in_word = true;
    }
    out += c;
  };
  for (std::size_t i = 0; i < name.size();) {
    const char c = name[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      if (const std::size_t width = unicode_punct_width(name, i); width > 0) {
        // A possessive written with a typographic apostrophe: drop the "s" too.
        const bool apostrophe = name.substr(i, width) == "\u2019" || name.substr(i, width) == "\u2018";
        i += width + (apostrophe && possessive_s_at(name, i + width) ? 1 : 0);
        in_word = false;
      } else {
        word_byte(c);
        ++i;
      }
    } else if (c == '\'' && possessive_s_at(name, i + 1)) {
      in_word = false;
      i += 2;
    } else if (c == '&') {
      in_word = false;
      for (char a : std::string_view("and")) word_byte(a);
      in_word = false;
      ++i;
    } else if (is_word_byte(byte)) {
      word_byte(lower(c));
      ++i;
    } else {
      in_word = false;
      ++i;
    }
  }
  const std::string_view written = std::string_view(out).substr(start);
  if (words > 0 && written.starts_with("the") && (written.size() == 3 || written[3] == ' ')) {
    out.erase(start, std::min<std::size_t>(written.size(), 4));
    --words;
  }
  while (words > 1) {
    const std::size_t space = out.rfind(' ');
    if (!is_lower_company_form(std::string_view(out).substr(space + 1))) break;
    out.resize(space);
    --words;
  }
}

std::string slugify(std::string_view name) {
  std::string key = normalize_name(name);
  for (char& c : key)
    if (c == ' ') c = '-';
  return key;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace factgraph
