#pragma once
// A cursor over JSON text that reads the tokens of the common case and refuses the rest: the
// lexical half of RecordScanner. Every read returns false, leaving the position unspecified, at
// anything unexpected; nothing is reported, since the full parser reads the input again then.

#include <cstddef>
#include <string>
#include <string_view>

namespace factgraph::ingest {

class JsonCursor {
 public:
  void reset(std::string_view json) {
    begin_ = p_ = json.data();
    end_ = begin_ + json.size();
  }
  /// Bytes read so far.
  [[nodiscard]] std::size_t position() const { return static_cast<std::size_t>(p_ - begin_); }

  void skip_space() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  [[nodiscard]] bool peek(char c) const { return p_ < end_ && *p_ == c; }
  bool consume(char c) {
    if (!peek(c)) return false;
    ++p_;
    return true;
  }

  /// A string, decoded into `out`. Refuses invalid UTF-8, control characters, and escapes that
  /// make NUL or an unpaired surrogate (which the full parser reports).
  bool string(std::string& out);
  /// A string of printable ASCII without escapes, as member names of the schema are.
  bool plain_string(std::string_view& out);
  /// `true` or `false`, as written.
  bool boolean(std::string_view& out);
  /// An integer of at most 18 digits, as written, which is also how the full parser writes it
  /// back; refuses `-0` and numbers with a fraction or an exponent, which it writes differently.
  bool integer(std::string_view& out);
  /// A non-negative integer() as a number.
  bool count(std::size_t& out);

 private:
  bool escape(std::string& out);
  bool hex4(unsigned& out);

  const char* begin_ = nullptr;
  const char* p_ = nullptr;
  const char* end_ = nullptr;
};

}  // namespace factgraph::ingest
