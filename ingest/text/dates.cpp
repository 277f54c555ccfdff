#include "ingest/text/dates.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>

#include "graph/calendar.hpp"
#include "ingest/text/word_table.hpp"
#include "ingest/text/words.hpp"

namespace factgraph::ingest {
namespace {

// Four-digit numbers outside this range are counts, codes or docket numbers, not years.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;
// A month and day without a year take the year written right after them, as in
// "Thursday, May 17 and Friday, May 18, 2018", when it is at most this many bytes on.
constexpr std::size_t kLaterYearReach = 40;

struct Ymd {
  int y = 0;
  int m = 0;
  int d = 0;
};

bool is_valid(int y, int m, int d) {
  return m >= 1 && m <= 12 && d >= 1 && d <= factgraph::days_in_month(y, m);
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm: it is
// exact for every date and needs no tables or time zone).
long days_from_civil(Ymd date) {
  const long y = date.y - (date.m <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153L * (date.m > 2 ? date.m - 3 : date.m + 9) + 2) / 5 + date.d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd civil_from_days(long days) {
  const long z = days + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  return {static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

// 0 is Sunday.
int weekday_of(long days) { return static_cast<int>(((days % 7) + 11) % 7); }

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" as far as `m` and `d` are given (non-zero).
std::string to_iso(int y, int m = 0, int d = 0) {
  // Written by hand for the years and months there are (snprintf costs more than the finder);
  // anything else goes the long way and comes out the same.
  if (y >= 0 && y <= 9999 && m >= 0 && m <= 99 && d >= 0 && d <= 99) {
    char out[10] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10),
                    static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10), '-',
                    static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10), '-',
                    static_cast<char>('0' + d / 10), static_cast<char>('0' + d % 10)};
    return {out, static_cast<std::size_t>(d != 0 ? 10 : m != 0 ? 7 : 4)};
  }
  char buf[40];
  const int n = d != 0   ? std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d)
                : m != 0 ? std::snprintf(buf, sizeof buf, "%04d-%02d", y, m)
                         : std::snprintf(buf, sizeof buf, "%04d", y);
  return {buf, static_cast<std::size_t>(n)};
}

std::string day_to_iso(long days) {
  const Ymd date = civil_from_days(days);
  return to_iso(date.y, date.m, date.d);
}

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (missing parts become 1) and checks the calendar.
bool parse_iso(std::string_view text, Ymd& out) {
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return false;
  const auto num = [&](std::size_t b, std::size_t n, int& value) {
    value = 0;
    for (std::size_t i = b; i < b + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      value = value * 10 + (text[i] - '0');
    }
    return true;
  };
  out = {0, 1, 1};
  if (!num(0, 4, out.y)) return false;
  if (text.size() >= 7 && (text[4] != '-' || !num(5, 2, out.m) || out.m < 1 || out.m > 12)) {
    return false;
  }
  return text.size() < 10 || (text[7] == '-' && num(8, 2, out.d) && is_valid(out.y, out.m, out.d));
}

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Words after which a bare month or year names a time ("in May", "mid-2019", "the 2018 law").
constexpr std::string_view kMonthCues =
    "in since until till by from of early late mid during last next this before after "
    "through throughout between the";
constexpr std::string_view kYearCues =
    "in since until till by from of early late mid during before after through throughout "
    "the year fiscal between around spring summer autumn fall winter";
// Joining words that carry a cue over from the date just before: "between March and May".
constexpr std::string_view kJoiners = "and or to through";
constexpr std::string_view kFutureCues =
    "will shall slated scheduled upcoming coming beginning starting next";
// Future only before "to"/"for" ("set to", "due to", "plans to", "expected to").
constexpr std::string_view kFutureBeforeToCues =
    "set due plan plans planned expected expects poised going intends aims";
// Future only after "to" ("to resume").
constexpr std::string_view kFutureAfterToCues = "resume begin start meet";
constexpr std::string_view kPastCues =
    "was were had did said told ago earlier last previously already has have been began "
    "met took made came went held gave saw sent led won lost left brought sold spoke "
    "wrote fell rose";

// What a word tells the finder, as bits of DateWord::flags: the cue lists above, and the month
// or weekday it names.
enum DateWordBits : std::uint32_t {
  kMonthCue = 1u << 0,
  kYearCue = 1u << 1,
  kJoiner = 1u << 2,
  kFuture = 1u << 3,
  kFutureBeforeTo = 1u << 4,
  kFutureAfterTo = 1u << 5,
  kPast = 1u << 6,
};
constexpr int kMonthShift = 8;           // bits 8-11: month number of a full month name
constexpr int kMonthAbbrevShift = 12;    // bits 12-15: month number of an abbreviation
constexpr int kWeekdayShift = 16;        // bits 16-18: weekday number + 1 (Sunday is 1)

WordTable make_date_words() {
  WordTable t;
  t.add_spaced(kMonthCues, kMonthCue);
  t.add_spaced(kYearCues, kYearCue);
  t.add_spaced(kJoiners, kJoiner);
  t.add_spaced(kFutureCues, kFuture);
  t.add_spaced(kFutureBeforeToCues, kFutureBeforeTo);
  t.add_spaced(kFutureAfterToCues, kFutureAfterTo);
  t.add_spaced(kPastCues, kPast);
  for (std::uint32_t m = 0; m < 12; ++m) {
    t.add(kMonthNames[m], (m + 1) << kMonthShift);
    t.add(kMonthAbbrevs[m], (m + 1) << kMonthAbbrevShift);
  }
  t.add(std::string_view("sept"), 9u << kMonthAbbrevShift);
  for (std::uint32_t d = 0; d < 7; ++d) t.add(kWeekdays[d], (d + 1) << kWeekdayShift);
  return t;
}

const WordTable kDateWords = make_date_words();  // only read after main has started

enum class Kind : std::uint8_t { kWord, kNumber, kPunct };

struct Piece {
  std::size_t begin = 0;
  std::size_t end = 0;
  Kind kind = Kind::kPunct;
  char punct = 0;          // ASCII punctuation; '-' also for dashes, '"' for curly double quotes
  int value = 0;           // numbers
  int digits = 0;          // numbers
  bool ordinal = false;    // "9th"
  std::string_view lower;  // words of up to kMaxWord bytes, lower-cased; empty otherwise
  std::uint32_t flags = 0;  // date_words() flags of `lower`
  bool looked_up = false;   // `lower` and `flags` are set (DateFinder::word)
};

constexpr std::size_t kMaxWord = 12;

struct Match {
  bool found = false;   // a date pattern is there (it may still name no real day)
  std::size_t end = 0;  // token index just past it
  int y = 0;
  int m = 0;
  int d = 0;
  [[nodiscard]] bool real() const { return d == 0 || is_valid(y != 0 ? y : 2000, m, d); }
};

// Which occurrence of a month or weekday is meant. `strict` skips the current one: "next
// Tuesday" said on a Tuesday is a week on, "last May" said in May is a year back.
struct Direction {
  bool future = false;
  bool strict = false;
};

// A thread's pieces and lower-cased text, kept from sentence to sentence: most sentences the
// finder reads are short, and their few pieces need no allocation of their own.
struct DateScratch {
  std::vector<Piece> pieces;
  std::string lowered;
};
thread_local DateScratch date_scratch;

class DateFinder {
 public:
  DateFinder(std::string_view sentence, std::string_view published)
      : s_(sentence), lowered_(date_scratch.lowered), toks_(date_scratch.pieces) {
    toks_.clear();
    has_ref_ = published.size() >= 10 && parse_iso(published.substr(0, 10), ref_);
    ref_days_ = has_ref_ ? days_from_civil(ref_) : 0;
  }

  std::vector<DateMention> run() {
    prepare();
    tokenize(0, s_.size());
    return match_all();
  }

  /// The same for a sentence split into `tokens` (made with `offset`), whose words, numbers and
  /// punctuation are the finder's pieces as they are; only the other tokens are read again.
  std::vector<DateMention> run(const std::vector<Token>& tokens, std::size_t offset) {
    prepare();
    for (const Token& t : tokens) {
      const std::size_t begin = t.begin - offset;
      const std::size_t end = t.end - offset;
      if (t.letters_only) {
        Piece& p = toks_.emplace_back();
        p.begin = begin;
        p.end = end;
        p.kind = Kind::kWord;
      } else if (!t.word && end - begin == 1 && static_cast<unsigned char>(s_[begin]) < 0x80) {
        Piece& p = toks_.emplace_back();
        p.begin = begin;
        p.end = end;
        p.punct = s_[begin];
      } else if (all_digits(begin, end)) {
        // Letters would be part of the token, so no ordinal suffix follows.
        Piece& p = toks_.emplace_back();
        p.begin = begin;
        p.end = end;
        p.kind = Kind::kNumber;
        for (std::size_t i = begin; i < end; ++i, ++p.digits)
          if (p.digits < 8) p.value = p.value * 10 + (s_[i] - '0');
      } else {
        tokenize(begin, end);
      }
    }
    return match_all();
  }

 private:
  void prepare() {
    toks_.reserve(s_.size() / 4 + 1);
    if (lowered_.size() < s_.size()) lowered_.resize(s_.size());
  }

  std::vector<DateMention> match_all() {
    for (std::size_t k = 0; k < toks_.size();) k = std::max(match(k), k + 1);
    return std::move(out_);
  }

  bool all_digits(std::size_t begin, std::size_t end) const {
    for (std::size_t i = begin; i < end; ++i)
      if (!is_digit(s_[i])) return false;
    return begin < end;
  }

  // Pieces of the bytes [from, to) of the sentence. A piece never ends past a token's end (a
  // token ends where letters and digits do), so the pieces of a token are those of the sentence.
  void tokenize(std::size_t from, std::size_t to) {
    std::size_t i = from;
    const std::size_t n = s_.size();
    const auto byte = [&](std::size_t at) {
      return at < n ? static_cast<unsigned char>(s_[at]) : 0;
    };
    while (i < to) {
      const unsigned char c = byte(i);
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        ++i;
        continue;
      }
      if (c == 0xC2 && byte(i + 1) == 0xA0) {  // no-break space
        i += 2;
        continue;
      }
      Piece& t = toks_.emplace_back();  // made in place; a space after all is taken back
      t.begin = i;
      if (is_digit(static_cast<char>(c))) {
        t.kind = Kind::kNumber;
        for (; i < n && is_digit(s_[i]); ++i, ++t.digits) {
          if (t.digits < 8) t.value = t.value * 10 + (s_[i] - '0');
        }
        const std::string_view rest = s_.substr(i, 2);
        if ((rest == "st" || rest == "nd" || rest == "rd" || rest == "th") &&
            !is_alpha(static_cast<char>(byte(i + 2)))) {
          t.ordinal = true;
          i += 2;
        }
      } else if (is_alpha(static_cast<char>(c)) || (c >= 0x80 && c != 0xC2 && c != 0xE2)) {
        t.kind = Kind::kWord;
        while (i < n) {
          const unsigned char b = byte(i);
          if (is_alpha(static_cast<char>(b))) {
            ++i;
          } else if (b >= 0x80 && b != 0xC2 && b != 0xE2) {
            i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
          } else {
            break;
          }
        }
        i = std::min(i, n);
      } else if (c < 0x80) {
        t.punct = static_cast<char>(c);
        ++i;
      } else {
        const unsigned char c2 = byte(i + 2);
        const bool general = c == 0xE2 && byte(i + 1) == 0x80;
        i += c == 0xC2 ? 2 : 3;
        if (general && (c2 <= 0x8B || c2 == 0xAF)) {  // Unicode spaces
          toks_.pop_back();
          continue;
        }
        t.punct = !general                   ? '~'
                  : c2 == 0x93 || c2 == 0x94 ? '-'
                  : c2 == 0x9C || c2 == 0x9D ? '"'
                  : c2 == 0x98 || c2 == 0x99 ? '\''
                                             : '~';
        i = std::min(i, n);
      }
      t.end = i;
    }
  }

  const Piece* at(std::size_t k) const { return k < toks_.size() ? &toks_[k] : nullptr; }
  // Piece k with its lower-case form and word flags, worked out the first time a rule asks:
  // most words of a sentence are never asked about.
  const Piece& word(std::size_t k) const {
    Piece& t = toks_[k];
    if (t.looked_up) return t;
    t.looked_up = true;
    if (t.kind != Kind::kWord || t.end - t.begin > kMaxWord) return t;
    for (std::size_t j = t.begin; j < t.end; ++j) {
      lowered_[j] = is_upper(s_[j]) ? static_cast<char>(s_[j] - 'A' + 'a') : s_[j];
    }
    t.lower = std::string_view(lowered_).substr(t.begin, t.end - t.begin);
    t.flags = kDateWords.find(t.lower);
    return t;
  }
  bool is_word(std::size_t k, std::string_view lower) const {
    return k < toks_.size() && word(k).lower == lower;
  }
  bool is_punct(std::size_t k, char p) const {
    return k < toks_.size() && toks_[k].kind == Kind::kPunct && toks_[k].punct == p;
  }
  bool touching(std::size_t a, std::size_t b) const {
    return b < toks_.size() && toks_[a].end == toks_[b].begin;
  }
  // Glued to a following word or number ("5G", "1990s"), so not a day or year on its own.
  bool glued_to_next(std::size_t k) const {
    return touching(k, k + 1) && toks_[k + 1].kind != Kind::kPunct;
  }

  // Part of a code or range such as "2022-07643" or "2017-2019".
  bool joined_to_number(std::size_t k) const {
    return touching(k, k + 1) && touching(k + 1, k + 2) && toks_[k + 1].kind == Kind::kPunct &&
           toks_[k + 2].kind == Kind::kNumber;
  }

  // Capitalised month name or abbreviation; 0 when `k` is none.
  int month_at(std::size_t k, bool* abbrev = nullptr) const {
    const Piece* t = k < toks_.size() ? &word(k) : nullptr;
    if (t == nullptr || t->lower.empty() || !is_upper(s_[t->begin])) return 0;
    const int full = static_cast<int>((t->flags >> kMonthShift) & 0xF);
    const int short_form = static_cast<int>((t->flags >> kMonthAbbrevShift) & 0xF);
    if (full == 0 && short_form == 0) return 0;
    if (abbrev != nullptr) *abbrev = full == 0;
    return full != 0 ? full : short_form;
  }

  bool is_day(std::size_t k) const {
    const Piece* t = at(k);
    return t != nullptr && t->kind == Kind::kNumber && t->digits <= 2 && t->value >= 1 &&
           t->value <= 31 && !glued_to_next(k);
  }

  bool is_year(std::size_t k) const {
    const Piece* t = at(k);
    return t != nullptr && t->kind == Kind::kNumber && t->digits == 4 && !t->ordinal &&
           t->value >= kMinYear && t->value <= kMaxYear && !glued_to_next(k);
  }

  // Index past a month word and the period of its abbreviation ("Sept.").
  std::size_t past_month(std::size_t k, bool abbrev) const {
    return abbrev && is_punct(k + 1, '.') && touching(k, k + 1) ? k + 2 : k + 1;
  }

  // ", 2020" or " 2020" at `k`: sets the year and returns the index past it.
  std::size_t read_year(std::size_t k, Match& m) const {
    const std::size_t y = is_punct(k, ',') ? k + 1 : k;
    if (!is_year(y)) return k;
    m.y = toks_[y].value;
    return y + 1;
  }

  // "July 9", "July 9th, 2020", "Sept. 20, 2018", "May 2018", or a bare "May".
  Match month_first(std::size_t k) const {
    Match m;
    bool abbrev = false;
    m.m = month_at(k, &abbrev);
    if (m.m == 0) return m;
    m.found = true;
    m.end = past_month(k, abbrev);
    if (is_day(m.end)) {
      m.d = toks_[m.end].value;
      m.end = read_year(m.end + 1, m);
    } else if (is_year(m.end)) {
      m.y = toks_[m.end++].value;
    }
    return m;
  }

  // "9 July 2020", "9th of May".
  Match day_first(std::size_t k) const {
    Match m;
    if (!is_day(k) || (k > 0 && touching(k - 1, k) && !is_punct(k - 1, '('))) return m;
    std::size_t j = k + 1;
    if (toks_[k].ordinal && is_word(j, "of")) ++j;
    bool abbrev = false;
    m.m = month_at(j, &abbrev);
    if (m.m == 0) return m;
    m.found = true;
    m.d = toks_[k].value;
    m.end = read_year(past_month(j, abbrev), m);
    return m;
  }

  // "2022-04-11" (ISO) or "04/11/2022" (US order).
  Match numeric(std::size_t k) const {
    Match m;
    for (std::size_t j = k + 1; j <= k + 4; ++j) {
      if (!touching(j - 1, j)) return m;
    }
    const char sep = toks_[k + 1].punct;
    const auto num = [&](std::size_t j, int lo, int hi) {
      const Piece& t = toks_[k + j];
      return t.kind == Kind::kNumber && !t.ordinal && t.digits >= lo && t.digits <= hi;
    };
    if ((sep != '-' && sep != '/') || !is_punct(k + 3, sep) || glued_to_next(k + 4)) return m;
    if (sep == '-' && num(0, 4, 4) && num(2, 2, 2) && num(4, 2, 2)) {
      m = {true, k + 5, toks_[k].value, toks_[k + 2].value, toks_[k + 4].value};
    } else if (sep == '/' && num(0, 1, 2) && num(2, 1, 2) && num(4, 4, 4)) {
      m = {true, k + 5, toks_[k + 4].value, toks_[k].value, toks_[k + 2].value};
    }
    if (m.found && m.m > 12) m.found = false;
    return m;
  }

  // The word a bare month or year hangs on, stepping over the hyphen of "mid-May".
  std::size_t cue_word(std::size_t k) const {
    if (k >= 2 && is_punct(k - 1, '-') && touching(k - 2, k - 1) && touching(k - 1, k)) {
      return k - 2;
    }
    return k - 1;
  }

  bool has_cue(std::size_t k, DateWordBits cues) const {
    if (k == 0) return false;
    const std::size_t w = cue_word(k);
    const std::uint32_t flags = word(w).flags;
    return (flags & cues) || ((flags & kJoiner) && last_end_ == w);
  }

  Direction direction(std::size_t b, std::size_t e) const {
    if (b > 0 && is_word(b - 1, "last")) return {false, true};
    if (b > 0 && is_word(b - 1, "next")) return {true, true};
    return {is_future(b, e), false};
  }

  // +1 for a word that speaks of the future, -1 for the past, 0 otherwise.
  int cue(std::size_t k) const {
    const std::string_view w = word(k).lower;
    if (w.empty()) return 0;
    const std::uint32_t flags = toks_[k].flags;
    if (flags & kFuture) return 1;
    if ((flags & kFutureBeforeTo) && (is_word(k + 1, "to") || is_word(k + 1, "for"))) return 1;
    if ((flags & kFutureAfterTo) && k > 0 && is_word(k - 1, "to")) return 1;
    if (flags & kPast) return -1;
    const bool regular_past = w.size() >= 4 && w.ends_with("ed") && !w.ends_with("eed");
    return regular_past && is_lower(s_[toks_[k].begin]) && w != "hundred" ? -1 : 0;
  }

  bool clause_edge(std::size_t k) const {
    const Piece& t = toks_[k];
    if (t.kind != Kind::kPunct) return false;
    if (t.punct == '-') return !(k > 0 && touching(k - 1, k) && touching(k, k + 1));
    return t.punct == ',' || t.punct == ';' || t.punct == ':' || t.punct == '(' || t.punct == ')' ||
           t.punct == '"';
  }

  // Whether tokens [b, e) speak of the future: the nearest tense cue in their clause decides,
  // else the nearest in the sentence, else the past (news mostly reports what happened).
  bool is_future(std::size_t b, std::size_t e) const {
    for (const bool whole : {false, true}) {
      std::size_t l = b;
      std::size_t r = e;
      bool left = true;
      bool right = true;
      while (left || right) {
        if (left && (l == 0 || (!whole && clause_edge(l - 1)))) left = false;
        if (left) {
          if (const int c = cue(--l)) return c > 0;
        }
        if (right && (r >= toks_.size() || (!whole && clause_edge(r)))) right = false;
        if (right) {
          if (const int c = cue(r++)) return c > 0;
        }
      }
    }
    return false;
  }

  void push(std::size_t b, std::size_t e, std::string iso, bool relative) {
    out_.push_back({toks_[b].begin, toks_[e - 1].end, std::move(iso), relative});
    last_end_ = e;
  }

  void push_explicit(std::size_t b, const Match& m) {
    if (m.d == 0 || m.y != 0) return push(b, m.end, to_iso(m.y, m.m, m.d), false);
    for (std::size_t k = m.end; k < toks_.size(); ++k) {
      if (toks_[k].begin > toks_[m.end - 1].end + kLaterYearReach) break;
      if (is_year(k)) {
        const int y = toks_[k].value;
        return push(b, m.end, is_valid(y, m.m, m.d) ? to_iso(y, m.m, m.d) : "", false);
      }
    }
    if (!has_ref_) return push(b, m.end, "", true);
    // The occurrence nearest the publication date: "Dec. 28" in a January article is last year's.
    int y = ref_.y;
    const long offset = days_from_civil({y, m.m, std::min(m.d, 28)}) - ref_days_;
    y += offset > 183 ? -1 : offset < -183 ? 1 : 0;
    push(b, m.end, is_valid(y, m.m, m.d) ? to_iso(y, m.m, m.d) : "", true);
  }

  std::size_t match(std::size_t k) {
    if (toks_[k].kind == Kind::kNumber) return match_number(k);
    // Only a capitalised word (a month or weekday) or one starting like "today", "tonight",
    // "yesterday" or "tomorrow" can start a date here; the rest need not be looked up.
    const char first = s_[toks_[k].begin];
    if (toks_[k].kind != Kind::kWord ||
        !(is_upper(first) || first == 't' || first == 'y'))
      return k;
    const Piece& t = word(k);
    if (t.lower.empty()) return k;
    if (const std::uint32_t weekday = (t.flags >> kWeekdayShift) & 0x7;
        weekday != 0 && is_upper(s_[t.begin])) {
      return match_weekday(k, static_cast<int>(weekday) - 1);
    }
    if (month_at(k) != 0) return match_month(k);
    const int shift = t.lower == "today" || t.lower == "tonight" ? 0
                      : t.lower == "yesterday"                   ? -1
                      : t.lower == "tomorrow"                    ? 1
                                                                 : 2;
    if (shift == 2) return k;
    push(k, k + 1, has_ref_ ? day_to_iso(ref_days_ + shift) : "", true);
    return k + 1;
  }

  std::size_t match_number(std::size_t k) {
    if (const Match m = numeric(k); m.found) {
      if (m.real()) push(k, m.end, to_iso(m.y, m.m, m.d), false);
      return m.end;
    }
    if (const Match m = day_first(k); m.found) {
      if (m.real()) push_explicit(k, m);
      return m.end;
    }
    const bool glued_before =
        k > 0 && touching(k - 1, k) && !is_punct(k - 1, '(') && cue_word(k) != k - 2;
    if (is_year(k) && !glued_before && !joined_to_number(k) && (k == 0 || has_cue(k, kYearCue))) {
      push(k, k + 1, to_iso(toks_[k].value), false);
    }
    return k + 1;
  }

  std::size_t match_month(std::size_t k) {
    const Match m = month_first(k);
    if (m.d != 0 || m.y != 0) {
      if (m.real()) push_explicit(k, m);  // "February 30, 2020" is skipped whole
      return m.end;
    }
    bool abbrev = false;
    const int month = month_at(k, &abbrev);
    // Alone, a month needs a cue like "in": "May" is also a verb and "June" a name; an
    // abbreviation also needs its period ("Jan" is a name too).
    if ((abbrev && m.end == k + 1) || !has_cue(k, kMonthCue)) return k + 1;
    std::string iso;
    if (has_ref_) {
      const Direction dir = direction(k, m.end);
      int y = ref_.y;
      if (dir.future && (month < ref_.m || (dir.strict && month == ref_.m))) ++y;
      if (!dir.future && (month > ref_.m || (dir.strict && month == ref_.m))) --y;
      iso = to_iso(y, month);
    }
    push(k, m.end, std::move(iso), true);
    return m.end;
  }

  std::size_t match_weekday(std::size_t k, int weekday) {
    const std::size_t j = is_punct(k + 1, ',') ? k + 2 : k + 1;
    const Match m = month_at(j) != 0 ? month_first(j) : day_first(j);
    if (m.found && m.d != 0) {  // "Thursday, May 17": the date says it all
      if (m.real()) push_explicit(k, m);
      return m.end;
    }
    std::string iso;
    if (has_ref_) {
      const Direction dir = direction(k, k + 1);
      const int today = weekday_of(ref_days_);
      int delta = dir.future ? (weekday - today + 7) % 7 : -((today - weekday + 7) % 7);
      if (delta == 0 && dir.strict) delta = dir.future ? 7 : -7;
      iso = day_to_iso(ref_days_ + delta);
    }
    push(k, k + 1, std::move(iso), true);
    return k + 1;
  }

  std::string_view s_;
  std::string& lowered_;
  std::vector<Piece>& toks_;  // words are looked up lazily (word())
  std::vector<DateMention> out_;
  std::size_t last_end_ = static_cast<std::size_t>(-1);
  bool has_ref_ = false;
  Ymd ref_;
  long ref_days_ = 0;
};

}  // namespace

namespace {

constexpr std::uint32_t kMonthOrWeekday =
    (0xFu << kMonthShift) | (0xFu << kMonthAbbrevShift) | (0x7u << kWeekdayShift);

// Most sentences hold no date at all; one cheap pass tells, before the full finder builds its
// tokens. Every date the finder returns has a number of exactly four digits (a year, alone or
// in "2020-07-09" and "07/09/2020"), a capitalised month name, abbreviation or weekday name, or
// is "today", "yesterday", "tomorrow" or "tonight"; a day number alone is never one. A month or
// weekday is all ASCII letters, so the run of letters starting where the finder's word starts
// is that word.
bool may_hold_date(std::string_view s) {
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const char c = s[i];
    if (is_digit(c)) {
      const std::size_t start = i;
      while (i < n && is_digit(s[i])) ++i;
      if (i - start == 4) return true;
      continue;
    }
    if (!is_alpha(c)) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < n && is_alpha(s[i])) ++i;
    const std::size_t length = i - start;
    // The longest month or weekday name is "september"; the shortest abbreviation three letters.
    if (is_upper(c) && length >= 3 && length <= 9) {
      char lower[9];
      for (std::size_t k = 0; k < length; ++k)
        lower[k] = is_upper(s[start + k]) ? static_cast<char>(s[start + k] - 'A' + 'a') : s[start + k];
      if (kDateWords.find(std::string_view(lower, length)) & kMonthOrWeekday) return true;
    }
    if (const char first = static_cast<char>(c | 0x20); first == 't' || first == 'y')
      for (std::string_view word : kDayWords) {
        if (word[0] != first || start + word.size() > n) continue;
        bool same = true;
        for (std::size_t k = 1; k < word.size() && same; ++k)
          same = static_cast<char>(is_upper(s[start + k]) ? s[start + k] | 0x20 : s[start + k]) == word[k];
        if (same) return true;
      }
  }
  return false;
}

// may_hold_date read off the sentence's tokens. A token of ASCII letters only is one run of
// letters as may_hold_date sees it (tokens end where the runs of letters and digits end), so
// its word classes answer at once; any other word token is scanned as text.
bool tokens_may_hold_date(std::string_view sentence, const std::vector<Token>& tokens,
                          std::size_t offset) {
  for (const Token& t : tokens) {
    if (!t.word) continue;  // punctuation holds no digit, and no letters but the "s" of "'s"
    if (!t.letters_only) {
      if (may_hold_date(sentence.substr(t.begin - offset, t.end - t.begin))) return true;
      continue;
    }
    // kDateName holds the months, abbreviations and weekdays of kDateWords (words.cpp makes the
    // class from the same lists); kDayWord the words starting with a day word.
    if ((t.classes & kDateName) && is_upper(t.text[0])) return true;
    if (t.classes & kDayWord) return true;
  }
  return false;
}

}  // namespace

std::vector<DateMention> find_dates(std::string_view sentence, std::string_view published) {
  if (!may_hold_date(sentence)) return {};
  return DateFinder(sentence, published).run();
}

std::vector<DateMention> find_dates(std::string_view sentence, std::string_view published,
                                    const std::vector<Token>& tokens, std::size_t offset) {
  if (!tokens_may_hold_date(sentence, tokens, offset)) return {};
  return DateFinder(sentence, published).run(tokens, offset);
}

bool is_iso_date(std::string_view text) {
  Ymd date;
  return parse_iso(text, date);
}

}  // namespace factgraph::ingest
