#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <span>
#include <utility>

#include "graph/names.hpp"
#include "ingest/json_input.hpp"

namespace factgraph::ingest {
namespace {

// More would bury the first problems, which are usually the cause of the rest.
constexpr std::size_t kMaxDiagnostics = 20;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);
// Iterative: a deeply nested file must not overflow the stack. Full precision: attribute numbers
// are written back as text and must read back as the same number.
constexpr unsigned kParseFlags =
    rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag;

constexpr std::array<std::string_view, 8> kRecordKeys = {"id",  "title",    "date",      "source",
                                                         "url", "entities", "relations", "text"};
constexpr std::array<std::string_view, 7> kFactsKeys = {"id",  "title",    "date",     "source",
                                                        "url", "entities", "relations"};
constexpr std::array<std::string_view, 6> kArticleKeys = {"id",     "title", "date",
                                                          "source", "url",   "text"};
constexpr std::array<std::string_view, 6> kEntityKeys = {"id",      "name",       "type",
                                                         "aliases", "attributes", "evidence"};
constexpr std::array<std::string_view, 8> kRelationKeys = {
    "type", "source", "target", "date", "evidence", "attributes", "role", "agent"};
constexpr std::array<std::string_view, 4> kEvidenceKeys = {"sentence", "begin", "end", "rule"};

// One record as a flat tree that remembers where each value and member name starts in the file:
// RapidJSON's DOM keeps no positions, and schema errors must point at the offending value.

enum class Kind : std::uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

struct Value {
  Kind kind = Kind::kNull;
  bool integer = false;                  // a number written without fraction or exponent
  std::size_t offset = 0;                // of the value's first byte in the file
  std::size_t key_offset = 0;            // of the member name's opening quote (object members only)
  std::size_t key_at = 0, key_size = 0;  // member name in Tree::pool
  std::size_t text_at = 0, text_size = 0;  // string, number or boolean text in Tree::pool
  std::size_t end = 0;  // index one past the value's last descendant: children are skipped by it
};

struct Tree {
  std::vector<Value> values;  // pre-order; values[0] is the record
  std::string pool;
  [[nodiscard]] std::string_view key(const Value& v) const {
    return {pool.data() + v.key_at, v.key_size};
  }
  [[nodiscard]] std::string_view text(const Value& v) const {
    return {pool.data() + v.text_at, v.text_size};
  }
  void clear() {
    values.clear();
    pool.clear();
  }
};

// Calls f(index) for each child of the container at `parent`, in order.
template <class F>
void for_each_child(const Tree& tree, std::size_t parent, F&& f) {
  for (std::size_t c = parent + 1; c < tree.values[parent].end; c = tree.values[c].end) f(c);
}

// SAX handler building a Tree. RapidJSON calls back after consuming a scalar and before consuming
// '{' or '[', so start offsets are found from the stream position. In a whole-file array each
// element is handed to the sink as its own record, which keeps memory at one record.
template <class Sink>
class TreeHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TreeHandler<Sink>> {
 public:
  TreeHandler(Sink& sink, Tree& tree) : sink_(sink), tree_(tree) {}

  void reset(const rapidjson::MemoryStream& stream, std::size_t base, bool split_root_array) {
    stream_ = &stream;
    base_ = base;
    split_ = split_root_array;
    in_root_array_ = root_seen_ = root_is_array_ = false;
    open_.clear();
    error_.clear();
  }
  /// Set when a callback stopped the parse; the offset is relative to the stream.
  [[nodiscard]] const std::string& error() const { return error_; }
  [[nodiscard]] std::size_t error_offset() const { return error_offset_; }
  /// True when the whole-file root was an array whose elements went to the sink one by one.
  [[nodiscard]] bool root_is_array() const { return root_is_array_; }

  // The names below are RapidJSON's handler interface.
  bool Null() { return scalar(Kind::kNull, here() - 4, {}); }
  bool Bool(bool b) { return scalar(Kind::kBool, here() - (b ? 4 : 5), b ? "true" : "false"); }
  bool Int(int i) { return integer(i); }
  bool Uint(unsigned u) { return integer(u); }
  bool Int64(std::int64_t i) { return integer(i); }
  bool Uint64(std::uint64_t u) { return integer(u); }
  bool Double(double d) {
    // to_chars gives the shortest text that reads back as the same double: 1.50 -> "1.5".
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, d);
    return scalar(Kind::kNumber, number_start(), {buf, static_cast<std::size_t>(r.ptr - buf)});
  }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    const std::size_t start = string_start();
    if (!acceptable({s, n}, start)) return false;
    return scalar(Kind::kString, start, {s, n});
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    key_offset_ = string_start();
    if (!acceptable({s, n}, key_offset_)) return false;
    key_at_ = tree_.pool.size();
    key_size_ = n;
    tree_.pool.append(s, n);
    return true;
  }
  bool StartObject() { return open(Kind::kObject); }
  bool StartArray() {
    if (split_ && !root_seen_) {
      root_seen_ = in_root_array_ = root_is_array_ = true;
      return true;
    }
    return open(Kind::kArray);
  }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) {
    if (open_.empty()) {  // the end of the whole-file array
      in_root_array_ = false;
      return true;
    }
    return close();
  }

 private:
  [[nodiscard]] std::size_t here() const { return stream_->Tell(); }
  [[nodiscard]] const char* data() const { return stream_->begin_; }

  std::size_t number_start() const {
    std::size_t i = here();
    while (i > 0 && std::strchr("0123456789+-.eE", data()[i - 1]) != nullptr && data()[i - 1] != 0)
      --i;
    return i;
  }
  // The opening quote is the nearest quote before the closing one that is not escaped, i.e. not
  // preceded by an odd run of backslashes. Nothing outside a string holds a backslash.
  std::size_t string_start() const {
    std::size_t i = here() - 1;
    while (i > 0) {
      --i;
      if (data()[i] != '"') continue;
      std::size_t slashes = 0;
      while (slashes < i && data()[i - 1 - slashes] == '\\') ++slashes;
      if (slashes % 2 == 0) return i;
    }
    return i;
  }
  // The file is valid UTF-8, but \u escapes can still produce NUL or a lone low surrogate, which
  // no exporter can write.
  bool acceptable(std::string_view s, std::size_t start) {
    const char* problem = nullptr;
    if (std::memchr(s.data(), '\0', s.size()) != nullptr)
      problem = "\\u0000 (NUL) is not allowed in strings";
    else if (std::memchr(s.data(), '\xED', s.size()) != nullptr &&
             find_invalid_utf8(s) != std::string_view::npos)
      problem = "invalid \\u escape: unpaired UTF-16 surrogate";
    if (problem == nullptr) return true;
    error_ = problem;
    error_offset_ = start;
    return false;
  }
  template <class N>
  bool integer(N n) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    return scalar(Kind::kNumber, number_start(), {buf, static_cast<std::size_t>(r.ptr - buf)},
                  true);
  }
  std::size_t add(Kind kind, std::size_t start, std::string_view text) {
    if (open_.empty()) {
      root_seen_ = true;
      sink_.record_started(in_root_array_);
    }
    Value v;
    v.kind = kind;
    v.offset = base_ + start;
    v.text_at = tree_.pool.size();
    v.text_size = text.size();
    tree_.pool.append(text);
    if (!open_.empty() && tree_.values[open_.back()].kind == Kind::kObject) {
      v.key_offset = base_ + key_offset_;
      v.key_at = key_at_;
      v.key_size = key_size_;
    }
    tree_.values.push_back(v);
    return tree_.values.size() - 1;
  }
  // Completes the value before the sink sees it: a finished record may be moved away.
  bool scalar(Kind kind, std::size_t start, std::string_view text, bool is_integer = false) {
    const std::size_t i = add(kind, start, text);
    tree_.values[i].end = i + 1;
    tree_.values[i].integer = is_integer;
    if (open_.empty()) sink_.record_finished(in_root_array_);
    return true;
  }
  bool open(Kind kind) {
    open_.push_back(add(kind, here(), {}));
    return true;
  }
  bool close() {
    tree_.values[open_.back()].end = tree_.values.size();
    open_.pop_back();
    if (open_.empty()) sink_.record_finished(in_root_array_);
    return true;
  }

  Sink& sink_;
  Tree& tree_;
  const rapidjson::MemoryStream* stream_ = nullptr;
  std::size_t base_ = 0;  // file offset of the stream's first byte
  bool split_ = false, in_root_array_ = false, root_seen_ = false, root_is_array_ = false;
  std::vector<std::size_t> open_;  // containers not yet closed
  std::size_t key_offset_ = 0, key_at_ = 0, key_size_ = 0;
  std::string error_;
  std::size_t error_offset_ = 0;
};

// JSON-style quoting; long values are cut so that one huge field cannot flood the terminal.
std::string quote(std::string_view s) {
  constexpr std::size_t kMaxBytes = 60;
  const bool cut = s.size() > kMaxBytes;
  if (cut) {
    std::size_t n = kMaxBytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // keep UTF-8 whole
    s = s.substr(0, n);
  }
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  out += cut ? "...\"" : "\"";
  return out;
}

std::string join(std::span<const std::string_view> names) {
  std::string out;
  for (const std::string_view name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

bool is_identifier(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real calendar day.
bool is_date(std::string_view s) {
  auto number = [&](std::size_t at, std::size_t width, int& out) {
    out = 0;
    for (std::size_t i = at; i < at + width; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  int year = 0, month = 0, day = 0;
  if (!number(0, 4, year)) return false;
  if (s.size() == 4) return true;
  if (s[4] != '-' || !number(5, 2, month) || month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int last =
      kDays[static_cast<std::size_t>(month - 1)] + (month == 2 && is_leap(year) ? 1 : 0);
  return s[7] == '-' && number(8, 2, day) && day >= 1 && day <= last;
}

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::size_t bom_size(std::string_view text) { return text.starts_with("\xEF\xBB\xBF") ? 3 : 0; }

std::string syntax_message(rapidjson::ParseErrorCode code) {
  switch (code) {
    case rapidjson::kParseErrorDocumentEmpty:
      return "the document is empty";
    case rapidjson::kParseErrorDocumentRootNotSingular:
      return "the document root must not be followed by other values";
    case rapidjson::kParseErrorValueInvalid:
      return "invalid value";
    case rapidjson::kParseErrorObjectMissName:
      return "missing a name for an object member";
    case rapidjson::kParseErrorObjectMissColon:
      return "missing a colon after the name of an object member";
    case rapidjson::kParseErrorObjectMissCommaOrCurlyBracket:
      return "missing a comma or '}' after an object member";
    case rapidjson::kParseErrorArrayMissCommaOrSquareBracket:
      return "missing a comma or ']' after an array element";
    case rapidjson::kParseErrorStringUnicodeEscapeInvalidHex:
      return "incorrect hex digit after \\u escape in string";
    case rapidjson::kParseErrorStringUnicodeSurrogateInvalid:
      return "invalid surrogate pair in string";
    case rapidjson::kParseErrorStringEscapeInvalid:
      return "invalid escape character in string";
    case rapidjson::kParseErrorStringMissQuotationMark:
      return "missing a closing quotation mark in string";
    case rapidjson::kParseErrorStringInvalidEncoding:
      return "invalid encoding in string";
    case rapidjson::kParseErrorNumberTooBig:
      return "number too big to be stored in a double";
    case rapidjson::kParseErrorNumberMissFraction:
      return "missing fraction part in number";
    case rapidjson::kParseErrorNumberMissExponent:
      return "missing exponent in number";
    default:
      return "syntax error";
  }
}

// Where a value sits inside its record, rendered only when there is something to report.
struct Path {
  const Path* parent = nullptr;
  std::string_view name;      // a member name, or empty
  std::size_t index = kNone;  // an array index, or kNone
};

void append_path(std::string& out, const Path* p) {
  if (p == nullptr) return;
  append_path(out, p->parent);
  if (p->index != kNone) {
    out += '[';
    out += std::to_string(p->index);
    out += ']';
  } else if (is_identifier(p->name)) {
    if (!out.empty()) out += '.';
    out += p->name;
  } else if (p->parent != nullptr) {
    out += '[';
    out += quote(p->name);
    out += ']';
  }
}

// Value indices of the members an object may have, by position in the list of known names.
struct Members {
  std::span<const std::string_view> names;
  std::array<std::size_t, 8> at{};
  [[nodiscard]] std::size_t operator[](std::string_view name) const {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) return at[i];
    return kNone;
  }
};

// Keeps a cursor so that asking for positions in file order costs O(file size) in total.
class Locator {
 public:
  explicit Locator(std::string_view text) : text_(text) {}
  TextPosition at(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < offset_) {
      offset_ = 0;
      pos_ = {};
    }
    const TextPosition step = position_of(text_.substr(offset_), offset - offset_);
    pos_.column = step.line > 1 ? step.column : pos_.column + step.column - 1;
    pos_.line += step.line - 1;
    offset_ = offset;
    return pos_;
  }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  TextPosition pos_;
};

// Reads one file: splits it into records, checks each against the schema, keeps the good ones.

struct Problem {
  std::size_t offset;  // in the file
  std::string message;
};

struct EntityId {
  std::string_view id;
  std::size_t value, entity;
};

// A relation's "source" or "target", resolved once all entities of the document are known.
struct Reference {
  std::size_t value, relation;
  std::string_view field;
};

class RecordReader {
 public:
  RecordReader(std::string_view text, std::string_view file)
      : text_(text),
        file_(file),
        stem_(std::filesystem::path(std::string(file)).stem().string()),
        locator_(text),
        handler_(*this, tree_) {}

  JsonRecords read(bool json_lines) {
    if (json_lines)
      read_lines();
    else
      read_document();
    if (suppressed_ > 0)
      out_.diagnostics.push_back(
          {file_, 0, 0, "too many errors; " + std::to_string(suppressed_) + " more not shown"});
    return std::move(out_);
  }

  // Called by the handler as each record's first and last values arrive.
  void record_started(bool element) {
    if (element) {
      ++elements_;
      if (first_pending_) {
        first_pending_ = false;
        check_record(first_, 1, true, false);
      }
    }
    tree_.clear();
  }
  void record_finished(bool element) {
    // A lone root record is checked after the parse: trailing garbage makes the file bad.
    if (!element) return;
    // Paths get a "[n]" prefix only in arrays of more than one record, which the first record
    // cannot know yet; it waits for the next one or for the end of the array.
    if (elements_ == 1) {
      std::swap(tree_, first_);
      first_pending_ = true;
    } else {
      check_record(tree_, elements_, true, false);
    }
  }

 private:
  void read_document() {
    const std::size_t start = bom_size(text_);
    if (const std::size_t bad = find_invalid_utf8(text_); bad != std::string_view::npos) {
      report_alone({bad, utf8_message(bad)});
      return;
    }
    if (is_blank(text_.substr(start))) {
      empty_file();
      return;
    }
    std::optional<Problem> syntax = parse(text_.substr(start), start, true, "file");
    if (first_pending_) {
      first_pending_ = false;
      check_record(first_, 1, false, false);
    }
    if (syntax)
      report_alone(std::move(*syntax));
    else if (!handler_.root_is_array())
      check_record(tree_, 0, false, true);
  }

  void read_lines() {
    std::size_t pos = bom_size(text_);
    std::size_t ordinal = 0;
    while (pos <= text_.size()) {
      const std::size_t newline = text_.find('\n', pos);
      const std::size_t end = newline == std::string_view::npos ? text_.size() : newline;
      std::string_view line = text_.substr(pos, end - pos);
      if (line.ends_with('\r')) line.remove_suffix(1);
      if (!is_blank(line)) read_line(line, pos, ++ordinal);
      if (newline == std::string_view::npos) break;
      pos = newline + 1;
    }
    if (ordinal == 0) empty_file();
  }

  void read_line(std::string_view line, std::size_t base, std::size_t ordinal) {
    if (const std::size_t bad = find_invalid_utf8(line); bad != std::string_view::npos) {
      report_alone({base + bad, utf8_message(base + bad)});
      return;
    }
    if (std::optional<Problem> syntax = parse(line, base, false, "line"))
      report_alone(std::move(*syntax));
    else
      check_record(tree_, ordinal, false, false);
  }

  // SAX-parses `input`, which starts at file offset `base`; returns its syntax error if any.
  // `unit` names what ends at the end of `input` ("file", "line") for truncation messages.
  std::optional<Problem> parse(std::string_view input, std::size_t base, bool split,
                               std::string_view unit) {
    rapidjson::MemoryStream stream(input.data(), input.size());
    handler_.reset(stream, base, split);
    const rapidjson::ParseResult result = reader_.Parse<kParseFlags>(stream, handler_);
    std::size_t at = result.Offset();
    std::string message;
    if (!result.IsError()) {
      // MemoryStream reads a NUL byte as its end, so the parse stops early without an error.
      if (stream.Tell() == input.size()) return std::nullopt;
      at = stream.Tell();
      message = "unexpected NUL byte";
    } else if (result.Code() == rapidjson::kParseErrorTermination && !handler_.error().empty()) {
      at = handler_.error_offset();
      message = handler_.error();
    } else if (at < input.size() && input[at] == '\0') {
      message = "unexpected NUL byte";
    } else if (result.Code() == rapidjson::kParseErrorStringEscapeInvalid && at < input.size() &&
               static_cast<unsigned char>(input[at]) < 0x20) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "control character 0x%02X must be escaped in a string",
                    static_cast<unsigned>(static_cast<unsigned char>(input[at])));
      message = buf;
    } else if (at >= input.size()) {
      message =
          "unexpected end of " + std::string(unit) + "; " +
          (result.Code() == rapidjson::kParseErrorValueInvalid ? std::string("expected a value")
                                                               : syntax_message(result.Code()));
    } else {
      message = syntax_message(result.Code());
    }
    return Problem{base + at, std::move(message)};
  }

  std::string utf8_message(std::size_t offset) const {
    char buf[80];
    std::snprintf(buf, sizeof buf, "invalid UTF-8 byte 0x%02X (byte offset %zu)",
                  static_cast<unsigned>(static_cast<unsigned char>(text_[offset])), offset);
    return buf;
  }

  void empty_file() {
    out_.diagnostics.push_back(
        {file_, 0, 0, "empty file; expected a JSON object, an array of objects or JSON Lines"});
    ++out_.bad_records;
  }

  void report_alone(Problem p) {
    problems_.clear();
    problems_.push_back(std::move(p));
    reject_record();
  }

  // Counts the record once and reports its problems in file order, within the file's cap.
  void reject_record() {
    ++out_.bad_records;
    std::stable_sort(problems_.begin(), problems_.end(),
                     [](const Problem& a, const Problem& b) { return a.offset < b.offset; });
    for (Problem& p : problems_) {
      if (out_.diagnostics.size() >= kMaxDiagnostics) {
        ++suppressed_;
        continue;
      }
      const TextPosition pos = locator_.at(p.offset);
      out_.diagnostics.push_back({file_, pos.line, pos.column, std::move(p.message)});
    }
    problems_.clear();
  }

  // Schema checks: each queues its problems and goes on, so that one pass reports them all.

  void problem(std::size_t offset, const Path& path, std::string message) {
    std::string text;
    append_path(text, &path);
    if (!text.empty()) text += ": ";
    text += message;
    problems_.push_back({offset, std::move(text)});
  }

  void check_record(const Tree& tree, std::size_t ordinal, bool prefixed, bool file_root) {
    t_ = &tree;
    problems_.clear();
    const Path root{nullptr, {}, prefixed ? ordinal - 1 : kNone};
    const Value& record = tree.values[0];
    if (record.kind != Kind::kObject) {
      problem(record.offset, root,
              file_root ? "expected an object (a facts document or an article record) or an "
                          "array of them"
                        : "expected an object (a facts document or an article record)");
      reject_record();
      return;
    }
    bool has_text = false, has_facts = false;
    for_each_child(tree, 0, [&](std::size_t c) {
      const std::string_view key = tree.key(tree.values[c]);
      has_text = has_text || key == "text";
      has_facts = has_facts || key == "entities" || key == "relations";
    });
    const std::span<const std::string_view> expected =
        has_text == has_facts ? std::span<const std::string_view>(kRecordKeys)
        : has_text            ? std::span<const std::string_view>(kArticleKeys)
                              : std::span<const std::string_view>(kFactsKeys);
    const Members m = members(0, root, kRecordKeys, expected);

    DocumentInfo info;
    info.id = ordinal == 0 ? stem_ : stem_ + "#" + std::to_string(ordinal);
    if (auto s = string_member(m, "id", root, false)) info.id = *s;
    if (auto s = string_member(m, "title", root, true)) info.title = *s;
    if (auto s = date_member(m, "date", root)) info.date = *s;
    if (auto s = string_member(m, "source", root, true)) info.source = *s;
    if (auto s = string_member(m, "url", root, true)) info.url = *s;

    if (has_text && has_facts) {
      problem(record.offset, root,
              std::string("record has both \"text\" and \"") +
                  (m["entities"] != kNone ? "entities" : "relations") +
                  "\"; an article record has \"text\", a facts document has \"entities\" and "
                  "\"relations\"");
    } else if (!has_text && !has_facts) {
      problem(record.offset, root,
              "missing \"entities\"/\"relations\" (a facts document) or \"text\" (an article "
              "record)");
    }
    ArticleRecord article;
    if (has_text) {
      if (auto s = string_member(m, "text", root, true)) article.text = *s;
    }
    FactsDocument facts;
    if (has_facts) check_facts(m, root, info.id, facts);

    if (!problems_.empty()) {
      reject_record();
    } else if (has_text) {
      article.info = std::move(info);
      article.text_line = locator_.at(tree.values[m["text"]].offset).line;
      out_.articles.push_back(std::move(article));
    } else {
      facts.info = std::move(info);
      out_.facts.push_back(std::move(facts));
    }
  }

  void check_facts(const Members& m, const Path& root, const std::string& doc_id,
                   FactsDocument& facts) {
    const Path entities_path{&root, "entities"};
    bool entities_ok = true;
    if (const std::size_t at = m["entities"]; at != kNone) {
      entities_ok = each_element(at, entities_path,
                                 [&](std::size_t e, const Path& p) { check_entity(e, p, facts); });
    }
    check_duplicate_ids(entities_path);

    std::vector<Reference>& references = references_;
    references.clear();
    const Path relations_path{&root, "relations"};
    if (const std::size_t at = m["relations"]; at != kNone) {
      each_element(at, relations_path, [&](std::size_t r, const Path& p) {
        const Members rm = check_relation(r, p, facts);
        for (const std::string_view field : {"source", "target"}) {
          const std::size_t v = rm[field];
          if (v != kNone && t_->values[v].kind == Kind::kString && t_->values[v].text_size > 0)
            references.push_back({v, p.index, field});
        }
      });
    }
    // A malformed "entities" already has its error; every reference would only repeat it.
    if (!entities_ok || references.empty()) return;
    // Most documents are small and name their entities exactly; building the resolver's maps for
    // them dominated the time spent on large JSON Lines files.
    if (facts.entities.size() <= 8 &&
        std::all_of(references.begin(), references.end(), [&](const Reference& ref) {
          return names_exactly(facts, t_->text(t_->values[ref.value]));
        }))
      return;
    const EntityResolver resolver(facts);
    for (const Reference& ref : references) {
      const Value& v = t_->values[ref.value];
      const std::string_view name = t_->text(v);
      if (resolver.find(name) >= 0) continue;
      const Path element{&relations_path, {}, ref.relation};
      problem(v.offset, Path{&element, ref.field},
              "unknown entity " + quote(name) + " in document " + quote(doc_id) +
                  suggestion(facts, name));
    }
  }

  // True when `ref` is an entity's id, name or alias as written: what EntityResolver tries first.
  static bool names_exactly(const FactsDocument& facts, std::string_view ref) {
    return std::any_of(facts.entities.begin(), facts.entities.end(), [&](const EntityFact& e) {
      return e.id == ref || e.name == ref ||
             std::find(e.aliases.begin(), e.aliases.end(), ref) != e.aliases.end();
    });
  }

  // "; did you mean ..." naming the closest entity name or alias, when one is close enough.
  std::string suggestion(const FactsDocument& facts, std::string_view ref) const {
    // Not worth computing for errors past the cap, which nobody will see.
    if (out_.diagnostics.size() >= kMaxDiagnostics) return {};
    const std::string wanted = ascii_lower(ref);
    std::size_t best = std::clamp<std::size_t>(ref.size() / 4, 1, 3) + 1;
    std::string_view found;
    auto consider = [&](std::string_view candidate) {
      if (candidate.empty()) return;
      const std::size_t d = edit_distance(wanted, ascii_lower(candidate));
      if (d < best) {
        best = d;
        found = candidate;
      }
    };
    for (const EntityFact& e : facts.entities) {
      consider(e.name);
      for (const std::string& alias : e.aliases) consider(alias);
    }
    return found.empty() ? std::string() : "; did you mean " + quote(found) + "?";
  }

  void check_entity(std::size_t at, const Path& path, FactsDocument& facts) {
    const Value& v = t_->values[at];
    if (v.kind != Kind::kObject) {
      problem(v.offset, path, "expected an object");
      return;
    }
    const Members m = members(at, path, kEntityKeys, kEntityKeys);
    EntityFact e;
    if (auto s = string_member(m, "id", path, false)) {
      e.id = *s;
      entity_ids_.push_back({*s, m["id"], path.index});
    }
    if (auto s = required_string(m, "name", path, v.offset)) e.name = *s;
    if (auto s = required_string(m, "type", path, v.offset)) e.type = *s;
    if (const std::size_t a = m["aliases"]; a != kNone) {
      each_element(a, Path{&path, "aliases"}, [&](std::size_t x, const Path& p) {
        if (auto s = as_string(x, p, false)) e.aliases.emplace_back(*s);
      });
    }
    if (const std::size_t a = m["attributes"]; a != kNone)
      check_attributes(a, Path{&path, "attributes"}, e.attributes);
    if (const std::size_t a = m["evidence"]; a != kNone) {
      each_element(a, Path{&path, "evidence"}, [&](std::size_t x, const Path& p) {
        if (auto ev = check_evidence(x, p)) e.evidence.push_back(std::move(*ev));
      });
    }
    // Kept even when incomplete, so that relations naming it do not fail as well.
    facts.entities.push_back(std::move(e));
  }

  void check_duplicate_ids(const Path& entities_path) {
    std::stable_sort(entity_ids_.begin(), entity_ids_.end(),
                     [](const EntityId& a, const EntityId& b) { return a.id < b.id; });
    for (std::size_t i = 1; i < entity_ids_.size(); ++i) {
      if (entity_ids_[i].id != entity_ids_[i - 1].id) continue;
      const Path element{&entities_path, {}, entity_ids_[i].entity};
      problem(t_->values[entity_ids_[i].value].offset, Path{&element, "id"},
              "duplicate entity id " + quote(entity_ids_[i].id));
    }
    entity_ids_.clear();
  }

  Members check_relation(std::size_t at, const Path& path, FactsDocument& facts) {
    const Value& v = t_->values[at];
    if (v.kind != Kind::kObject) {
      problem(v.offset, path, "expected an object");
      return Members{kRelationKeys, no_members()};
    }
    const Members m = members(at, path, kRelationKeys, kRelationKeys);
    RelationFact r;
    if (auto s = required_string(m, "type", path, v.offset)) r.type = *s;
    if (auto s = required_string(m, "source", path, v.offset)) r.source = *s;
    if (auto s = required_string(m, "target", path, v.offset)) r.target = *s;
    if (auto s = date_member(m, "date", path)) r.date = *s;
    if (const std::size_t a = m["evidence"]; a != kNone) {
      if (auto ev = check_evidence(a, Path{&path, "evidence"})) r.evidence = std::move(*ev);
    }
    if (const std::size_t a = m["attributes"]; a != kNone)
      check_attributes(a, Path{&path, "attributes"}, r.attributes);
    for (const std::string_view shorthand : {"role", "agent"}) {
      const auto s = string_member(m, shorthand, path, false);
      if (s && !r.attributes.try_emplace(std::string(shorthand), *s).second)
        problem(t_->values[m[shorthand]].offset, Path{&path, shorthand},
                "also given in \"attributes\"");
    }
    facts.relations.push_back(std::move(r));
    return m;
  }

  // A string is the evidence sentence alone; an object gives its parts.
  std::optional<Evidence> check_evidence(std::size_t at, const Path& path) {
    const Value& v = t_->values[at];
    Evidence ev;  // its document stays empty: inside a FactsDocument it is implied
    if (v.kind == Kind::kString) {
      ev.sentence = t_->text(v);
      return ev;
    }
    if (v.kind != Kind::kObject) {
      problem(v.offset, path, "expected a string or an object");
      return std::nullopt;
    }
    const Members m = members(at, path, kEvidenceKeys, kEvidenceKeys);
    if (auto s = string_member(m, "sentence", path, true)) ev.sentence = *s;
    if (auto s = string_member(m, "rule", path, true)) ev.rule = *s;
    const auto begin = offset_member(m, "begin", path);
    const auto end = offset_member(m, "end", path);
    const bool has_begin = m["begin"] != kNone, has_end = m["end"] != kNone;
    if (has_begin != has_end) {
      problem(v.offset, path, std::string("missing \"") + (has_begin ? "end" : "begin") + "\"");
    } else if (begin && end && *end < *begin) {
      problem(t_->values[m["end"]].offset, Path{&path, "end"},
              "must not be less than begin (" + std::to_string(*begin) + ")");
    }
    ev.begin = begin.value_or(0);
    ev.end = end.value_or(0);
    return ev;
  }

  void check_attributes(std::size_t at, const Path& path, Attributes& out) {
    const Value& v = t_->values[at];
    if (v.kind != Kind::kObject) {
      problem(v.offset, path, "expected an object");
      return;
    }
    for_each_child(*t_, at, [&](std::size_t c) {
      const Value& a = t_->values[c];
      const std::string_view key = t_->key(a);
      if (key.empty()) {
        problem(a.key_offset, path, "attribute names must not be empty");
      } else if (a.kind != Kind::kString && a.kind != Kind::kNumber && a.kind != Kind::kBool) {
        problem(a.offset, Path{&path, key}, "expected a string, number or boolean");
      } else if (!out.try_emplace(std::string(key), t_->text(a)).second) {
        problem(a.key_offset, path, "duplicate key " + quote(key));
      }
    });
  }

  static std::array<std::size_t, 8> no_members() {
    std::array<std::size_t, 8> at{};
    at.fill(kNone);
    return at;
  }

  // Finds the known members of the object at `at`; unknown and repeated names are errors, since
  // a misspelt key would otherwise lose its data silently.
  Members members(std::size_t at, const Path& path, std::span<const std::string_view> known,
                  std::span<const std::string_view> expected) {
    Members m{known, no_members()};
    for_each_child(*t_, at, [&](std::size_t c) {
      const Value& v = t_->values[c];
      const std::string_view key = t_->key(v);
      const auto it = std::find(known.begin(), known.end(), key);
      if (it == known.end()) {
        problem(v.key_offset, path,
                "unknown key " + quote(key) + "; expected one of: " + join(expected));
        return;
      }
      std::size_t& slot = m.at[static_cast<std::size_t>(it - known.begin())];
      if (slot != kNone)
        problem(v.key_offset, path, "duplicate key " + quote(key));
      else
        slot = c;
    });
    return m;
  }

  // Calls f(index, path) for each element of the array at `at`; false when it is no array.
  template <class F>
  bool each_element(std::size_t at, const Path& path, F&& f) {
    const Value& v = t_->values[at];
    if (v.kind != Kind::kArray) {
      problem(v.offset, path, "expected an array");
      return false;
    }
    std::size_t i = 0;
    for_each_child(*t_, at, [&](std::size_t c) { f(c, Path{&path, {}, i++}); });
    return true;
  }

  std::optional<std::string_view> as_string(std::size_t at, const Path& path, bool allow_empty) {
    const Value& v = t_->values[at];
    if (v.kind != Kind::kString) {
      problem(v.offset, path, "expected a string");
      return std::nullopt;
    }
    if (!allow_empty && v.text_size == 0) {
      problem(v.offset, path, "must not be empty");
      return std::nullopt;
    }
    return t_->text(v);
  }

  std::optional<std::string_view> string_member(const Members& m, std::string_view name,
                                                const Path& path, bool allow_empty) {
    const std::size_t at = m[name];
    if (at == kNone) return std::nullopt;
    return as_string(at, Path{&path, name}, allow_empty);
  }

  std::optional<std::string_view> required_string(const Members& m, std::string_view name,
                                                  const Path& path, std::size_t object_offset) {
    if (m[name] == kNone) {
      problem(object_offset, path, "missing \"" + std::string(name) + "\"");
      return std::nullopt;
    }
    return string_member(m, name, path, false);
  }

  std::optional<std::string_view> date_member(const Members& m, std::string_view name,
                                              const Path& path) {
    const auto s = string_member(m, name, path, true);
    if (!s || is_date(*s)) return s;
    problem(t_->values[m[name]].offset, Path{&path, name},
            "expected a date YYYY, YYYY-MM or YYYY-MM-DD, got " + quote(*s));
    return std::nullopt;
  }

  std::optional<std::size_t> offset_member(const Members& m, std::string_view name,
                                           const Path& path) {
    const std::size_t at = m[name];
    if (at == kNone) return std::nullopt;
    const Value& v = t_->values[at];
    const std::string_view text = t_->text(v);
    std::size_t n = 0;
    if (v.kind == Kind::kNumber && v.integer &&
        std::from_chars(text.data(), text.data() + text.size(), n).ec == std::errc()) {
      return n;
    }
    problem(v.offset, Path{&path, name}, "expected a non-negative integer");
    return std::nullopt;
  }

  std::string_view text_;
  std::string file_;
  std::string stem_;
  Locator locator_;
  Tree tree_;   // the record being parsed
  Tree first_;  // the first element of a whole-file array, until the second one shows up
  TreeHandler<RecordReader> handler_;
  rapidjson::Reader reader_;
  const Tree* t_ = nullptr;  // the record being checked
  bool first_pending_ = false;
  std::size_t elements_ = 0;
  std::vector<Problem> problems_;      // of the record being checked
  std::vector<EntityId> entity_ids_;   // of the record being checked
  std::vector<Reference> references_;  // of the record being checked
  std::size_t suppressed_ = 0;
  JsonRecords out_;
};

}  // namespace

JsonRecords parse_json_records(std::string_view text, std::string_view file, bool json_lines) {
  return RecordReader(text, file).read(json_lines);
}

}  // namespace factgraph::ingest
