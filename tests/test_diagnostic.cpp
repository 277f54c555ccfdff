#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/diagnostic.hpp"

using factgraph::ingest::find_invalid_utf8;
using factgraph::ingest::position_of;

namespace {

// The first byte where `text` stops being UTF-8 (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF), one code point at a time: what find_invalid_utf8 must agree with.
std::size_t first_invalid(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = byte(i);
    const std::size_t len = c < 0x80 ? 1 : c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
    if (len == 0 || i + len > text.size()) return i;
    std::uint32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    const std::uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace

TEST_CASE("diagnostic: invalid UTF-8 is found at its first byte, wherever it sits") {
  CHECK(find_invalid_utf8("") == std::string_view::npos);
  CHECK(find_invalid_utf8("plain ASCII text, longer than eight bytes") == std::string_view::npos);
  CHECK(find_invalid_utf8("caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80") == std::string_view::npos);
  CHECK(find_invalid_utf8("abcdefghij\xC0\xAF") == 10);        // overlong "/"
  CHECK(find_invalid_utf8("abcdefgh\xED\xA0\x80") == 8);       // a surrogate
  CHECK(find_invalid_utf8("abcdefghijklmno\xE2\x80") == 15);   // cut short at the end
  CHECK(find_invalid_utf8("abcdefg\xF4\x90\x80\x80") == 7);    // above U+10FFFF
  // Every bad byte in every position around the eight-byte steps of the ASCII scan.
  const std::string_view bad[] = {"\x80", "\xFF", "\xC3", "\xE2\x28\xA1", "\xF0\x9F\x98"};
  const std::string_view good[] = {"\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80"};
  for (std::size_t at = 0; at < 20; ++at) {
    for (const std::string_view b : bad) {
      std::string text(at, 'a');
      text += b;
      text += "tail of plain text";
      CHECK(find_invalid_utf8(text) == first_invalid(text));
      CHECK(find_invalid_utf8(text) == at);
    }
    for (const std::string_view g : good) {
      std::string text(at, 'a');
      text += g;
      text += "tail";
      CHECK(find_invalid_utf8(text) == std::string_view::npos);
    }
  }
  // Random bytes, mostly ASCII, against the reference.
  std::uint32_t state = 7;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const std::size_t length = round % 40;
    for (std::size_t i = 0; i < length; ++i) {
      state = state * 1664525u + 1013904223u;
      const unsigned r = state >> 24;
      text += static_cast<char>(r < 200 ? 'a' + r % 26 : r);
    }
    INFO(round);
    CHECK(find_invalid_utf8(text) == first_invalid(text));
  }
  const auto where = position_of("ab\ncd", 4);
  CHECK(where.line == 2);
  CHECK(where.column == 2);
}
