#include "ingest/text/sentences.hpp"

#include "ingest/text/word_table.hpp"

#include <array>
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace factgraph::ingest {
namespace {

constexpr std::size_t kNone = std::string_view::npos;
// Lines shorter than this are headings, titles or datelines unless they stop mid-phrase: the
// hard-wrapped text we see (Federal Register, e-mail) wraps at 65-80 columns.
constexpr std::size_t kShortLine = 60;
constexpr std::size_t kLongestWrapped = 100;
// Longer tokens are never abbreviations ("U.S.S.R." is 7 before its last period).
constexpr std::size_t kMaxAbbrev = 12;

// Titles, reference words and month abbreviations sit before a name or a number, so a period
// after them never ends a sentence ("Sept. 20", "No. 5", "Dr. Lee").
constexpr std::string_view kNeverFinal =
    "Mr Mrs Ms Dr Prof St Gen Lt Col Capt Sgt Adm Maj Cmdr Sen Rep Gov Amb Pres Hon Rev "
    "Dept No Nos vol Vol pp p Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec e.g i.e vs "
    "approx Fig Sec Fed Reg cf Rt Messrs";
// Company suffixes and generational suffixes often close a sentence too ("...bought Acme Inc.
// The deal"), but only a plain sentence opener after them is evidence enough.
constexpr std::string_view kSometimesFinal = "Co Cos Corp Inc Ltd Bros Jr Sr Plc LLC Pty";
// Words that open sentences but almost never follow "U.S." or "Inc." inside a name.
constexpr std::string_view kOpeners =
    "The A An It Its This That These Those There They He She We In On At As But And "
    "However Meanwhile Also Additionally Separately Earlier Later After Before When While "
    "If Since According For With Today Yesterday Such Both Some Many Most Our His Her "
    "Their Despite Although Following Further Furthermore Moreover Instead Thus Therefore "
    "Each All";
// A line ending in one of these stops mid-phrase, so it is wrapped text, not a heading.
constexpr std::string_view kContinuers =
    "and or of the to for in a an by with on at from as than nor";
// Lower-case words a title-case heading may contain.
constexpr std::string_view kTitleSmallWords =
    "a an the and or of to for in on at by with from as vs";

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) { return is_lower(c) || is_upper(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

// The lists as word tables: the splitter asks about the word before every period and at the
// end of every line.
WordTable table_of(std::string_view list) {
  WordTable table;
  table.add_spaced(list, 1);
  return table;
}
const WordTable kNeverFinalWords = table_of(kNeverFinal);
const WordTable kSometimesFinalWords = table_of(kSometimesFinal);
const WordTable kOpenerWords = table_of(kOpeners);
const WordTable kContinuerWords = table_of(kContinuers);
const WordTable kTitleSmallWordSet = table_of(kTitleSmallWords);

// Whether `word` is one of the words of `list`.
bool contains(const WordTable& list, std::string_view word) { return list.find(word) != 0; }

// `contains` for a word in any case ("AND", "And").
bool contains_lower(const WordTable& list, std::string_view word) {
  std::array<char, 8> lower{};
  if (word.size() > lower.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    lower[i] = is_upper(word[i]) ? static_cast<char>(word[i] - 'A' + 'a') : word[i];
  }
  return contains(list, std::string_view(lower.data(), word.size()));
}

// The bytes at which a sentence may end: a new line and the terminators.
constexpr std::array<bool, 256> kMayEnd = [] {
  std::array<bool, 256> table{};
  for (const unsigned char c : {'\n', '.', '!', '?'}) table[c] = true;
  return table;
}();

// The first byte at or after i in t[0, n) at which a sentence may end, or n. Sentences run for
// hundreds of bytes between such bytes, so they are looked for 16 at a time where SSE2 is there.
std::size_t next_may_end(const char* t, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i stop = _mm_set1_epi8('.');
  const __m128i bang = _mm_set1_epi8('!');
  const __m128i question = _mm_set1_epi8('?');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t + i));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, stop)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, bang), _mm_cmpeq_epi8(v, question)));
    if (const int mask = _mm_movemask_epi8(hit); mask != 0)
      return i + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(mask)));
  }
#endif
  while (i < n && !kMayEnd[static_cast<unsigned char>(t[i])]) ++i;
  return i;
}

enum class Stop { kPlain, kNever, kSometimes };

// "U.S", "E.O", "a.m": single letters joined by periods (the final period is not included).
bool is_dotted_acronym(std::string_view word) {
  if (word.size() < 3 || word.size() % 2 == 0) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (i % 2 == 0 ? !is_alpha(word[i]) : word[i] != '.') return false;
  }
  return true;
}

// Whether a period after `word` may end a sentence. `first` says the word opens the sentence.
Stop classify(std::string_view word, bool first) {
  if (contains(kNeverFinalWords, word)) return Stop::kNever;
  if (contains(kSometimesFinalWords, word)) return Stop::kSometimes;
  bool all_caps = word.size() >= 2;
  for (char c : word) all_caps = all_caps && is_upper(c);
  if (all_caps) {  // "INC.", "CORP." in upper-case company listings
    std::array<char, kMaxAbbrev> title{};
    for (std::size_t i = 0; i < word.size(); ++i) {
      title[i] = i == 0 ? word[i] : static_cast<char>(word[i] - 'A' + 'a');
    }
    const std::string_view titled(title.data(), word.size());
    if (contains(kNeverFinalWords, titled)) return Stop::kNever;
    if (contains(kSometimesFinalWords, titled)) return Stop::kSometimes;
  }
  if ((word.size() == 1 && is_alpha(word[0])) || is_dotted_acronym(word)) return Stop::kSometimes;
  if (first && word.size() <= 3) {  // list markers: "1.", "iv."
    bool marker = true;
    for (char c : word) marker = marker && (is_digit(c) || c == 'i' || c == 'v' || c == 'x');
    if (marker) return Stop::kNever;
  }
  return Stop::kPlain;
}

class Splitter {
 public:
  explicit Splitter(std::string_view text) : t_(text), n_(text.size()) {}

  std::vector<Span> run() {
    out_.reserve(n_ / 120 + 1);
    std::size_t i = 0;
    while (i < n_) {
      const char c = t_[i];
      if (start_ == kNone) {
        if (const std::size_t w = space_at(i)) {
          if (c == '\n') line_start_ = i + 1;
          i += w;
          continue;
        }
        start_ = i;
      }
      if (c == '\n') {
        i = on_newline(i);
      } else if (c == '.' || c == '!' || c == '?') {
        i = on_terminator(i);
      } else {
        // Inside a sentence only a new line or a terminator can end it.
        i = next_may_end(t_.data(), i + 1, n_);
      }
    }
    emit(n_);
    return std::move(out_);
  }

 private:
  unsigned char byte(std::size_t i) const { return i < n_ ? static_cast<unsigned char>(t_[i]) : 0; }

  // Byte length of the whitespace character at `i` (0 if none); includes the no-break and thin
  // spaces that HTML-to-text conversion leaves behind.
  std::size_t space_at(std::size_t i) const {
    const unsigned char c = byte(i);
    if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
    if (c == 0xC2 && byte(i + 1) == 0xA0) return 2;
    if (c == 0xE2 && byte(i + 1) == 0x80) {
      const unsigned char d = byte(i + 2);
      if (d <= 0x8B || d == 0xA8 || d == 0xA9 || d == 0xAF) return 3;
    }
    if (c == 0xE3 && byte(i + 1) == 0x80 && byte(i + 2) == 0x80) return 3;
    return 0;
  }

  // Byte length of the whitespace character ending just before `i` (0 if none).
  std::size_t space_before(std::size_t i) const {
    if (i == 0) return 0;
    if (byte(i - 1) < 0x80) return space_at(i - 1);
    if (i >= 2 && space_at(i - 2) == 2) return 2;
    if (i >= 3 && space_at(i - 3) == 3) return 3;
    return 0;
  }

  // Closing quotes and brackets that belong to the sentence before them: " ' ) ] ” ’ ».
  std::size_t closer_at(std::size_t i) const {
    const unsigned char c = byte(i);
    if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
    if (c == 0xE2 && byte(i + 1) == 0x80 && (byte(i + 2) == 0x99 || byte(i + 2) == 0x9D)) return 3;
    if (c == 0xC2 && byte(i + 1) == 0xBB) return 2;
    return 0;
  }

  // Byte length of a list bullet at `i`, including "- " style dashes only before a space.
  std::size_t bullet_at(std::size_t i) const {
    const unsigned char c = byte(i);
    if ((c == '-' || c == '*' || c == '+') && space_at(i + 1)) return 1;
    if (c == 0xC2 && byte(i + 1) == 0xB7) return 2;  // middle dot
    if (c != 0xE2) return 0;
    const unsigned char c1 = byte(i + 1);
    const unsigned char c2 = byte(i + 2);
    if (c1 == 0x80 && (c2 == 0xA2 || c2 == 0xA3)) return 3;  // bullet, triangular bullet
    if (c1 == 0x80 && (c2 == 0x93 || c2 == 0x94) && space_at(i + 3)) return 3;  // en/em dash
    if (c1 == 0x96 && (c2 == 0xA0 || c2 == 0xAA || c2 == 0xB8)) return 3;       // squares
    if (c1 == 0x97 && (c2 == 0x8B || c2 == 0x8F || c2 == 0xA6)) return 3;       // circles
    return 0;
  }

  // Bullets, "1." / "2)" and "(a)" / "(12)" / "(iv)" / "b)" markers open list items.
  bool starts_item(std::size_t i) const {
    if (bullet_at(i)) return true;
    std::size_t k = i;
    while (k < n_ && k - i < 3 && is_digit(t_[k])) ++k;
    if (k > i && (byte(k) == '.' || byte(k) == ')') && space_at(k + 1)) return true;
    if (is_lower(t_[i]) && byte(i + 1) == ')' && space_at(i + 2)) return true;
    if (t_[i] != '(') return false;
    k = i + 1;
    bool digits = true;
    bool roman = true;
    while (k < n_ && k - i <= 4 && is_alnum(t_[k])) {
      digits = digits && is_digit(t_[k]);
      roman = roman && (t_[k] == 'i' || t_[k] == 'v' || t_[k] == 'x');
      ++k;
    }
    const bool label = digits || roman || k == i + 2;
    return k > i + 1 && label && byte(k) == ')' && space_at(k + 1);
  }

  bool may_open_sentence(std::size_t i) const {
    const char c = t_[i];
    return !is_lower(c) && c != ',' && c != ';' && c != ':' && c != ')' && c != ']' && c != '%';
  }

  bool opens_with_opener(std::size_t i) const {
    std::size_t k = i;
    while (k < n_ && is_alpha(t_[k])) ++k;
    return k > i && contains(kOpenerWords, t_.substr(i, k - i));
  }

  // `i` is the first of a run of . ! ?; decides whether the sentence ends after the run and any
  // closing quotes, and returns where scanning resumes.
  std::size_t on_terminator(std::size_t i) {
    std::size_t p = i;
    bool strong = false;
    while (p < n_ && (t_[p] == '.' || t_[p] == '!' || t_[p] == '?')) strong |= t_[p++] != '.';
    const bool ellipsis = p - i > 1;
    while (const std::size_t w = closer_at(p)) p += w;
    if (p < n_ && space_at(p) == 0) return p;  // "U.S.-made", "3.5", "Co.,", "gpo.gov"
    std::size_t q = p;
    while (const std::size_t w = space_at(q)) q += w;
    if (q >= n_) return p;
    bool split = may_open_sentence(q);
    if (split && !strong && !ellipsis) {
      std::size_t b = i;
      while (b > 0 && i - b <= kMaxAbbrev) {
        const char c = t_[b - 1];
        if (byte(b - 1) >= 0x80 || c == ' ' || (c >= '\t' && c <= '\r') || c == '(' || c == '[' ||
            c == '"' || c == '\'' || c == '`') {
          break;
        }
        --b;
      }
      if (i - b <= kMaxAbbrev && b < i) {
        switch (classify(t_.substr(b, i - b), b == start_)) {
          case Stop::kNever:
            split = false;
            break;
          case Stop::kSometimes:
            split = opens_with_opener(q);
            break;
          case Stop::kPlain:
            break;
        }
      }
    }
    if (split) emit(p);
    return p;
  }

  std::size_t line_end(std::size_t i) const {
    while (i < n_ && t_[i] != '\n') ++i;
    return i;
  }

  Span trimmed(std::size_t b, std::size_t e) const {
    while (b < e) {
      const std::size_t w = space_at(b);
      if (w == 0) break;
      b += w;
    }
    while (e > b) {
      const std::size_t w = space_before(e);
      if (w == 0 || w > e - b) break;
      e -= w;
    }
    return {b, e};
  }

  // Rules ("-----", "=====") and bracketed lines ("[Rules and Regulations]") stand alone.
  bool stands_alone(Span line) const {
    if (line.begin == line.end) return false;
    if (t_[line.begin] == '[' && t_[line.end - 1] == ']') return true;
    for (std::size_t i = line.begin; i < line.end; ++i) {
      const char c = t_[i];
      if (c != '-' && c != '=' && c != '_' && c != '*' && c != '~' && c != '#' && c != ' ') {
        return false;
      }
    }
    return true;
  }

  bool ends_with_terminal(Span line) const {
    std::size_t e = line.end;
    while (e > line.begin) {
      if (closer_at(e - 1) == 1) {
        --e;
      } else if (e - line.begin >= 3 && closer_at(e - 3) == 3) {
        e -= 3;
      } else if (e - line.begin >= 2 && closer_at(e - 2) == 2) {
        e -= 2;
      } else {
        break;
      }
    }
    return e > line.begin && (t_[e - 1] == '.' || t_[e - 1] == '!' || t_[e - 1] == '?');
  }

  // The line stops mid-phrase: a comma, a hyphen or dash, or a function word at its end.
  bool ends_mid_phrase(Span line) const {
    const char last = t_[line.end - 1];
    if (last == ',' || last == '-' || last == '/' || last == '&' || last == '(') return true;
    if (line.end - line.begin >= 3 && byte(line.end - 3) == 0xE2 && byte(line.end - 2) == 0x80 &&
        (byte(line.end - 1) == 0x93 || byte(line.end - 1) == 0x94)) {
      return true;
    }
    std::size_t b = line.end;
    while (b > line.begin && is_alpha(t_[b - 1])) --b;
    const bool whole_word = b == line.begin || !is_alnum(t_[b - 1]);
    return whole_word && contains_lower(kContinuerWords, t_.substr(b, line.end - b));
  }

  // Upper-case lines ("INDIVIDUALS AND ENTITIES DESIGNATED") are headings at any length.
  bool is_upper_case(Span line) const {
    int upper = 0;
    for (std::size_t i = line.end; i > line.begin; --i) {
      if (is_lower(t_[i - 1])) return false;
      upper += is_upper(t_[i - 1]) ? 1 : 0;
    }
    return upper >= 2;
  }

  // Title-case lines ("Commerce Adds Entities to the Entity List") are headings at any length.
  bool is_title_case(Span line) const {
    int words = 0;
    std::size_t i = line.begin;
    while (i < line.end) {
      while (i < line.end && t_[i] == ' ') ++i;
      const std::size_t b = i;
      while (i < line.end && t_[i] != ' ') {
        if (t_[i] == ',' || t_[i] == ';') return false;
        ++i;
      }
      if (b == i) break;
      ++words;
      if (is_lower(t_[b]) && !contains(kTitleSmallWordSet, t_.substr(b, i - b))) return false;
    }
    return words >= 4;
  }

  // A single newline inside a sentence; `next` is the first visible byte of the next line.
  bool newline_ends_sentence(Span prev, std::size_t next) const {
    if (prev.begin == prev.end || t_[prev.end - 1] == ':' || starts_item(next)) return true;
    const char c = t_[next];
    if ((c == '[' || c == '-' || c == '=' || c == '_' || c == '*') &&
        stands_alone(trimmed(next, line_end(next)))) {
      return true;
    }
    if (stands_alone(prev)) return true;
    if (ends_mid_phrase(prev) || is_lower(c)) return false;
    // Nobody hard-wraps this wide, so the line is a whole paragraph: "...Quill Inc.\nHarbor".
    if (prev.end - prev.begin > kLongestWrapped) return true;
    // In wrapped text a period, ! or ? at the line end was judged like any other.
    if (ends_with_terminal(prev)) return false;
    return prev.end - prev.begin < kShortLine || is_upper_case(prev) || is_title_case(prev);
  }

  std::size_t on_newline(std::size_t i) {
    const std::size_t line_begin = line_start_;
    line_start_ = i + 1;
    std::size_t j = i + 1;
    while (j < n_ && t_[j] != '\n') {
      const std::size_t w = space_at(j);
      if (w == 0) break;
      j += w;
    }
    if (j >= n_ || t_[j] == '\n' || newline_ends_sentence(trimmed(line_begin, i), j)) emit(i);
    return i + 1;
  }

  // Ends the current sentence at `end`, dropping a leading bullet and text-free fragments.
  void emit(std::size_t end) {
    std::size_t b = start_;
    start_ = kNone;
    if (b == kNone) return;
    if (const std::size_t w = bullet_at(b); w != 0 && b + w <= end) b += w;
    const Span s = trimmed(b, end);
    for (std::size_t i = s.begin; i < s.end; ++i) {
      const unsigned char c = byte(i);
      if (is_alnum(static_cast<char>(c)) || (c >= 0xC3 && c != 0xE2)) {
        out_.push_back(s);
        return;
      }
    }
  }

  std::string_view t_;
  std::size_t n_;
  std::size_t start_ = kNone;
  std::size_t line_start_ = 0;
  std::vector<Span> out_;
};

}  // namespace

std::vector<Span> split_sentences(std::string_view text) { return Splitter(text).run(); }

}  // namespace factgraph::ingest
