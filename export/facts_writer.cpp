#include "export/facts_writer.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "export/escape.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace factgraph::exporters {
namespace {

// Extracted facts repeat every evidence sentence, so the output is several times the article
// text: strings are copied in runs and only the rare bytes that need attention go one by one.
// JSON Lines are RapidJSON's Writer layout. The pretty layout is PrettyWriter's (two-space
// indent) except that an evidence record is one line, "key": value pairs after ", ": a reviewer
// reads a record at a glance, and the output is an eighth smaller.

// Bytes a JSON string cannot hold as they are: controls, '"', '\\'; and every byte >= 0x80,
// whose sequence must be checked to be valid UTF-8.
constexpr bool needs_care(unsigned char c) { return c < 0x20 || c == '"' || c == '\\' || c >= 0x80; }
// The same as a table, for strings too short for the 16-byte test (names, types, ids).
constexpr std::array<bool, 256> kNeedsCare = [] {
  std::array<bool, 256> table{};
  for (unsigned c = 0; c < 256; ++c) table[c] = needs_care(static_cast<unsigned char>(c));
  return table;
}();

// The offset of the first byte of s[0, n) that needs care, or n. Most strings are long runs of
// plain ASCII, so they are tested 16 bytes at a time where SSE2 is there (every x86-64), else 8.
std::size_t plain_prefix(const char* s, std::size_t n) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  // Bit k of the result is set when byte k of the 16 at p needs care.
  const auto care_mask = [&](const char* p) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // A signed comparison with 0x20 catches the controls and, as negative, every byte >= 0x80.
    const __m128i care = _mm_or_si128(_mm_cmplt_epi8(v, space),
                                      _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    return static_cast<unsigned>(_mm_movemask_epi8(care));
  };
  for (; i + 16 <= n; i += 16)
    if (const unsigned mask = care_mask(s + i); mask != 0)
      return i + static_cast<std::size_t>(std::countr_zero(mask));
  if (i < n && n >= 16) {
    // The last few bytes: the 16 that end the string, less those already seen.
    const std::size_t seen = i - (n - 16);
    const unsigned mask = care_mask(s + n - 16) >> seen;
    return mask != 0 ? i + static_cast<std::size_t>(std::countr_zero(mask)) : n;
  }
#else
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s + i, 8);
    // The word tricks "has a byte less than 0x20" and "has a zero byte" (after xor with '"' and
    // '\\'); a hit only means one of the 8 bytes needs care, found below.
    const std::uint64_t quote = w ^ (kOnes * '"');
    const std::uint64_t backslash = w ^ (kOnes * '\\');
    const std::uint64_t hits = ((w - kOnes * 0x20) & ~w) | ((quote - kOnes) & ~quote) |
                               ((backslash - kOnes) & ~backslash) | w;
    if ((hits & kHigh) != 0) break;
  }
#endif
  while (i < n && !kNeedsCare[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

// Writes JSON values in RapidJSON's layout: compact, or pretty with each member and element on
// its own line, "key": value, and "{}"/"[]" for empty containers. A flat object, and all it holds,
// is laid out on the line where it starts.
class JsonLayout {
 public:
  JsonLayout(std::string& out, bool pretty) : out_(out), pretty_(pretty) {
    levels_.reserve(8);  // the facts format nests five deep
  }

  void start_object() { open('{', false, false); }
  void start_flat_object() { open('{', false, true); }
  void end_object() { close('}'); }
  void start_array() { open('[', true, false); }
  void end_array() { close(']'); }

  /// A member name of any text.
  void key(std::string_view name) {
    before_key();
    append_json_string(out_, name);
    after_key();
  }

  /// A member name of the format's own, a literal that needs no escaping ("sentence", "begin").
  /// The separators, indent and name go out in one append, laid out with copies of sizes known
  /// when compiling: there are several per evidence record.
  template <std::size_t N>
  void fixed_key(const char (&literal)[N]) {
    constexpr std::size_t kSize = N - 1;
    static_assert(kSize <= kMaxFixedKey);
    const std::size_t width = pretty_ ? 2 * levels_.size() : 0;
    if (width > kMaxIndent) {  // deeper than the facts format nests
      key(std::string_view(literal, kSize));
      return;
    }
    char text[kMaxFixedKey + kMaxIndent + 8];
    std::size_t n = 0;
    if (levels_.back().count++ > 0) {
      text[n++] = ',';
      if (flat()) text[n++] = ' ';
    }
    if (pretty_ && !flat()) {
      text[n++] = '\n';
      std::memcpy(text + n, kSpaces, kMaxIndent);  // as much indent as could be needed
      n += width;
    }
    text[n++] = '"';
    std::memcpy(text + n, literal, kSize);
    n += kSize;
    text[n++] = '"';
    text[n++] = ':';
    if (pretty_) text[n++] = ' ';
    out_.append(text, n);
    after_key_ = true;
  }

  void string(std::string_view value) {
    before_value();
    append_json_string(out_, value);
  }

  /// A value laid out before by this layout: `length` bytes of the output from `offset` on. It
  /// must be laid out alike wherever it goes: a string, or a flat object, at any depth.
  void repeat(std::size_t offset, std::size_t length) {
    before_value();
    out_.append(out_, offset, length);
  }

  /// Where the output ends now.
  [[nodiscard]] std::size_t position() const { return out_.size(); }
  /// Where the first `c` at or after `from` is in the output.
  [[nodiscard]] std::size_t find(char c, std::size_t from) const { return out_.find(c, from); }

  void uint(std::size_t value) {
    before_value();
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
    (void)ec;  // 24 digits hold any 64-bit value
    out_.append(digits, end);
  }

 private:
  struct Level {
    bool array = false;
    bool flat = false;  // this container or one around it is laid out on one line
    std::size_t count = 0;
  };
  static constexpr std::size_t kMaxFixedKey = 16;
  static constexpr std::size_t kMaxIndent = 32;
  static constexpr char kSpaces[kMaxIndent + 1] = "                                ";

  void newline_indent() {
    static constexpr std::string_view kLine = "\n                                ";
    std::size_t width = 2 * levels_.size();
    std::size_t step = std::min(width, kLine.size() - 1);
    out_.append(kLine.data(), 1 + step);  // the new line and as much indent as fits
    for (width -= step; width > 0; width -= step) {  // deeper than the facts format nests
      step = std::min(width, kLine.size() - 1);
      out_.append(kLine.data() + 1, step);
    }
  }

  // Whether separators are those of a flat container: ", " when pretty, and no new lines.
  [[nodiscard]] bool flat() const { return pretty_ && !levels_.empty() && levels_.back().flat; }

  // The separator before a member or element: a comma after the first, then, when pretty, a
  // new line and indent, or in a flat container a space.
  void separate() {
    const bool first = levels_.back().count++ == 0;
    if (flat()) {
      if (!first) out_.append(", ");
      return;
    }
    if (!first) out_ += ',';
    if (pretty_) newline_indent();
  }

  void before_key() { separate(); }

  void after_key() {
    out_ += pretty_ ? std::string_view(": ") : std::string_view(":");
    after_key_ = true;
  }

  // Separators before a value: none after a key or at the root; in an array a comma after the
  // first element and, when pretty, a new line.
  void before_value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (levels_.empty()) return;
    separate();
  }

  void open(char bracket, bool array, bool flat) {
    before_value();
    out_ += bracket;
    levels_.push_back({array, flat || this->flat(), 0});
  }

  void close(char bracket) {
    const bool empty = levels_.back().count == 0;
    const bool was_flat = flat();
    levels_.pop_back();
    if (pretty_ && !empty && !was_flat) newline_indent();
    out_ += bracket;
  }

  std::string& out_;
  bool pretty_;
  bool after_key_ = false;
  std::vector<Level> levels_;
};

template <std::size_t N>
void string_field(JsonLayout& w, const char (&key)[N], const std::string& value) {
  if (value.empty()) return;
  w.fixed_key(key);
  w.string(value);
}

void attributes(JsonLayout& w, const Attributes& attrs) {
  if (attrs.empty()) return;
  w.fixed_key("attributes");
  w.start_object();
  for (const auto& [k, v] : attrs) {
    w.key(k);
    w.string(v);
  }
  w.end_object();
}

// The sentence of an evidence record: its own, or the article's text between its offsets.
std::string_view sentence_of(const Evidence& e, std::optional<std::string_view> article_text) {
  if (!article_text) return e.sentence;
  return article_text->substr(e.begin, e.end - e.begin);
}

// The sentences of a document's evidence as laid out (quoted and escaped), by their offsets in
// the article text, so that a sentence met again is copied rather than escaped again.
class QuotedSentences {
 public:
  void write(JsonLayout& w, const Evidence& e, std::string_view sentence) {
    for (const Quoted& q : quoted_)
      if (q.begin == e.begin && q.end == e.end) return w.repeat(q.offset, q.length);
    // After a member name the string is laid out with no separator before it.
    const std::size_t at = w.position();
    w.string(sentence);
    quoted_.push_back({e.begin, e.end, at, w.position() - at});
  }

  void clear() { quoted_.clear(); }

 private:
  struct Quoted {
    std::size_t begin, end, offset, length;
  };
  std::vector<Quoted> quoted_;
};

// `quoted`, when given, holds the sentences laid out before (sentences from the article text).
void evidence(JsonLayout& w, const Evidence& e, std::string_view sentence,
              QuotedSentences* quoted = nullptr) {
  w.start_flat_object();
  if (!sentence.empty()) {
    w.fixed_key("sentence");
    if (quoted) quoted->write(w, e, sentence);
    else w.string(sentence);
  }
  if (e.begin != 0 || e.end != 0) {
    w.fixed_key("begin");
    w.uint(e.begin);
    w.fixed_key("end");
    w.uint(e.end);
  }
  string_field(w, "rule", e.rule);
  w.end_object();
}

// Evidence records repeat: a sentence naming five actors is evidence for each of them. When the
// sentences come from the article text, a record is fixed by its offsets and rule, and it is
// laid out on one line wherever it stands, so within a document each is laid out once and
// copied after that.
class EvidenceRecords {
 public:
  void write(JsonLayout& w, const Evidence& e, std::string_view article_text) {
    for (const Laid& l : laid_)
      if (l.begin == e.begin && l.end == e.end && l.rule == e.rule) return w.repeat(l.offset, l.length);
    const std::size_t before = w.position();
    evidence(w, e, article_text.substr(e.begin, e.end - e.begin), &sentences_);
    // The record itself starts at its '{', after the separators laid out before it.
    const std::size_t start = w.find('{', before);
    laid_.push_back({e.begin, e.end, e.rule, start, w.position() - start});
  }

  /// Forgets the records of the document before (keeping the memory).
  void clear() {
    laid_.clear();
    sentences_.clear();
  }

 private:
  struct Laid {
    std::size_t begin, end;
    std::string_view rule;
    std::size_t offset, length;
  };
  std::vector<Laid> laid_;
  QuotedSentences sentences_;
};

void document(JsonLayout& w, const FactsDocument& doc, std::optional<std::string_view> article_text) {
  // Kept per thread: every document would otherwise grow the tables from empty again.
  thread_local EvidenceRecords records;
  records.clear();
  w.start_object();
  string_field(w, "id", doc.info.id);
  string_field(w, "title", doc.info.title);
  string_field(w, "date", doc.info.date);
  string_field(w, "source", doc.info.source);
  string_field(w, "url", doc.info.url);
  w.fixed_key("entities");
  w.start_array();
  for (const EntityFact& e : doc.entities) {
    w.start_object();
    string_field(w, "id", e.id);
    string_field(w, "name", e.name);
    string_field(w, "type", e.type);
    if (!e.aliases.empty()) {
      w.fixed_key("aliases");
      w.start_array();
      for (const std::string& a : e.aliases) w.string(a);
      w.end_array();
    }
    attributes(w, e.attributes);
    if (!e.evidence.empty()) {
      w.fixed_key("evidence");
      w.start_array();
      for (const Evidence& ev : e.evidence) {
        if (article_text) records.write(w, ev, *article_text);
        else evidence(w, ev, ev.sentence);
      }
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
  w.fixed_key("relations");
  w.start_array();
  for (const RelationFact& r : doc.relations) {
    w.start_object();
    string_field(w, "type", r.type);
    string_field(w, "source", r.source);
    string_field(w, "target", r.target);
    string_field(w, "date", r.date);
    attributes(w, r.attributes);
    const Evidence& e = r.evidence;
    const std::string_view sentence = sentence_of(e, article_text);
    if (!sentence.empty() || !e.rule.empty() || e.begin != 0 || e.end != 0) {
      w.fixed_key("evidence");
      if (article_text) records.write(w, e, *article_text);
      else evidence(w, e, sentence);
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

// Documents are laid out in a buffer handed to the stream in large chunks.
constexpr std::size_t kChunk = std::size_t{1} << 16;

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '"';
  const char* s = text.data();
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (true) {
    const std::size_t plain = i + plain_prefix(s + i, n - i);
    out.append(s + i, plain - i);
    i = plain;
    if (i == n) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // A valid sequence is made of bytes >= 0x80 only, so the whole run can be checked apart.
      std::size_t end = i + 1;
      while (end < n && static_cast<unsigned char>(s[end]) >= 0x80) ++end;
      append_valid_utf8(out, text.substr(i, end - i));
      i = end;
    } else {
      out += '\\';
      switch (c) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '\b': out += 'b'; break;
        case '\t': out += 't'; break;
        case '\n': out += 'n'; break;
        case '\f': out += 'f'; break;
        case '\r': out += 'r'; break;
        default:
          out += "u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
      }
      ++i;
    }
  }
  out += '"';
}


FactsJsonWriter::FactsJsonWriter(std::ostream& out, bool json_lines)
    : out_(out), json_lines_(json_lines) {
  buffer_.reserve(kChunk + kChunk / 4);
}

void append_facts_document(std::string& out, const FactsDocument& doc, bool json_lines,
                           std::optional<std::string_view> article_text) {
  JsonLayout writer(out, !json_lines);
  document(writer, doc, article_text);
}

void FactsJsonWriter::write(const FactsDocument& doc) {
  if (!json_lines_) buffer_ += written_ ? ",\n" : "[\n";
  append_facts_document(buffer_, doc, json_lines_);
  if (json_lines_) buffer_ += '\n';
  ++written_;
  maybe_flush();
}

void FactsJsonWriter::write_laid_out(std::string_view doc) {
  if (!json_lines_) buffer_ += written_ ? ",\n" : "[\n";
  buffer_ += doc;
  if (json_lines_) buffer_ += '\n';
  ++written_;
  maybe_flush();
}

void FactsJsonWriter::finish() {
  if (!json_lines_) buffer_ += written_ ? "\n]\n" : "[]\n";
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
  out_.flush();
}

void FactsJsonWriter::maybe_flush() {
  if (buffer_.size() < kChunk) return;
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

void write_facts_json(std::ostream& out, const std::vector<FactsDocument>& documents,
                      bool json_lines) {
  FactsJsonWriter writer(out, json_lines);
  for (const FactsDocument& doc : documents) writer.write(doc);
  writer.finish();
}

}  // namespace factgraph::exporters
