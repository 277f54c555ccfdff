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

bool is_company_form(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  const std::string lower = ascii_lower(word);
  return std::find(kCompanyForms.begin(), kCompanyForms.end(), lower) != kCompanyForms.end();
}

std::string normalize_name(std::string_view name) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < name.size();) {
    bool punct = false;
    std::size_t width = 1;
    for (std::string_view p : kUnicodePunct)
      if (name.substr(i, p.size()) == p) {
        punct = true;
        width = p.size();
        // A possessive written with a typographic apostrophe: drop the "s" too.
        if ((p == "\u2019" || p == "\u2018") && i + width < name.size() &&
            (name[i + width] == 's' || name[i + width] == 'S') &&
            (i + width + 1 == name.size() || !is_word_byte(name[i + width + 1])))
          ++width;
        break;
      }
    const auto c = static_cast<unsigned char>(name[i]);
    if (!punct && c == '\'' && i + 1 < name.size() && (name[i + 1] == 's' || name[i + 1] == 'S') &&
        (i + 2 == name.size() || !is_word_byte(name[i + 2]))) {
      punct = true;
      width = 2;
    }
    if (punct) {
      flush();
    } else if (c == '&') {
      flush();
      words.emplace_back("and");
    } else if (is_word_byte(c)) {
      word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    } else {
      flush();
    }
    i += width;
  }
  flush();
  std::size_t first = (!words.empty() && words.front() == "the") ? 1 : 0;
  std::size_t last = words.size();
  while (last > first + 1 && is_company_form(words[last - 1])) --last;
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
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
