#include "ingest/json_tree.hpp"

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <charconv>
#include <cstdio>
#include <cstring>

#include "ingest/diagnostic.hpp"

namespace factgraph::ingest {
namespace {

constexpr unsigned kParseFlags =
    rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag;

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

}  // namespace

// RapidJSON calls back after consuming a scalar and before consuming '{' or '[', so start
// offsets are found from the stream position.
class TreeParser::Handler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Handler> {
 public:
  Handler(RecordListener& listener, Tree& tree) : listener_(listener), tree_(tree) {}

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
  [[nodiscard]] bool root_is_array() const { return root_is_array_; }

  rapidjson::Reader reader;

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
    if (open_.empty()) {  // the end of the whole-input array
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
  // The input is valid UTF-8, but \u escapes can still produce NUL or a lone low surrogate,
  // which no exporter can write.
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
      listener_.record_started(in_root_array_);
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
  // Completes the value before the listener sees it: a finished record may be moved away.
  bool scalar(Kind kind, std::size_t start, std::string_view text, bool is_integer = false) {
    const std::size_t i = add(kind, start, text);
    tree_.values[i].end = i + 1;
    tree_.values[i].integer = is_integer;
    if (open_.empty()) listener_.record_finished(in_root_array_);
    return true;
  }
  bool open(Kind kind) {
    open_.push_back(add(kind, here(), {}));
    return true;
  }
  bool close() {
    tree_.values[open_.back()].end = tree_.values.size();
    open_.pop_back();
    if (open_.empty()) listener_.record_finished(in_root_array_);
    return true;
  }

  RecordListener& listener_;
  Tree& tree_;
  const rapidjson::MemoryStream* stream_ = nullptr;
  std::size_t base_ = 0;  // offset of the stream's first byte
  bool split_ = false, in_root_array_ = false, root_seen_ = false, root_is_array_ = false;
  std::vector<std::size_t> open_;  // containers not yet closed
  std::size_t key_offset_ = 0, key_at_ = 0, key_size_ = 0;
  std::string error_;
  std::size_t error_offset_ = 0;
};

TreeParser::TreeParser(RecordListener& listener, Tree& tree)
    : handler_(std::make_unique<Handler>(listener, tree)) {}

TreeParser::~TreeParser() = default;

bool TreeParser::root_is_array() const { return handler_->root_is_array(); }

std::optional<Problem> TreeParser::parse(std::string_view input, std::size_t base,
                                         bool split_root_array, std::string_view unit) {
  rapidjson::MemoryStream stream(input.data(), input.size());
  handler_->reset(stream, base, split_root_array);
  const rapidjson::ParseResult result = handler_->reader.Parse<kParseFlags>(stream, *handler_);
  std::size_t at = result.Offset();
  std::string message;
  if (!result.IsError()) {
    // MemoryStream reads a NUL byte as its end, so the parse stops early without an error.
    if (stream.Tell() == input.size()) return std::nullopt;
    at = stream.Tell();
    message = "unexpected NUL byte";
  } else if (result.Code() == rapidjson::kParseErrorTermination && !handler_->error().empty()) {
    at = handler_->error_offset();
    message = handler_->error();
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

}  // namespace factgraph::ingest
