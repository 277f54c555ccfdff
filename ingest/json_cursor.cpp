#include "ingest/json_cursor.hpp"

#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "ingest/diagnostic.hpp"

namespace factgraph::ingest {
namespace {

// A byte that may stand as it is in a string and needs no further look: ASCII, not a control
// character, no quote, no backslash.
bool is_plain(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x20 && u < 0x80 && c != '"' && c != '\\';
}

// The first byte from `p` that is not plain. Eight bytes at a time: string values are most of a
// facts file. Each test below sets the high bit of every byte it is true for, and possibly of
// bytes above (a borrow runs upwards), never below: the lowest bit set marks the first match.
const char* skip_plain(const char* p, const char* end) {
  static_assert(std::endian::native == std::endian::little);
  constexpr std::uint64_t kOnes = 0x0101010101010101, kHighs = 0x8080808080808080;
  auto zero_bytes = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  while (end - p >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    const std::uint64_t special = zero_bytes(w ^ (kOnes * '"')) | zero_bytes(w ^ (kOnes * '\\')) |
                                  ((w - kOnes * 0x20) & ~w & kHighs) | (w & kHighs);
    if (special != 0) return p + std::countr_zero(special) / 8;
    p += 8;
  }
  while (p < end && is_plain(*p)) ++p;
  return p;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

bool JsonCursor::plain_string(std::string_view& out) {
  if (!consume('"')) return false;
  const char* start = p_;
  p_ = skip_plain(p_, end_);
  if (p_ == end_ || *p_ != '"') return false;
  out = {start, static_cast<std::size_t>(p_ - start)};
  ++p_;
  return true;
}

bool JsonCursor::string(std::string& out) {
  if (!consume('"')) return false;
  const char* run = p_;  // the bytes since the last escape, copied as they are
  p_ = skip_plain(p_, end_);
  if (p_ < end_ && *p_ == '"') {
    out.assign(run, p_);
    ++p_;
    return true;
  }
  out.clear();
  for (;;) {
    p_ = skip_plain(p_, end_);
    if (p_ == end_) return false;
    const auto c = static_cast<unsigned char>(*p_);
    if (c == '"') {
      out.append(run, p_);
      ++p_;
      return true;
    }
    if (c == '\\') {
      out.append(run, p_);
      if (!escape(out)) return false;
      run = p_;
      continue;
    }
    if (c < 0x80) return false;  // a control character
    const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (static_cast<std::size_t>(end_ - p_) < length ||
        find_invalid_utf8({p_, length}) != std::string_view::npos)
      return false;
    p_ += length;
  }
}

bool JsonCursor::escape(std::string& out) {
  ++p_;  // the backslash
  if (p_ == end_) return false;
  const char c = *p_++;
  switch (c) {
    case '"':
    case '\\':
    case '/':
      out += c;
      return true;
    case 'b':
      out += '\b';
      return true;
    case 'f':
      out += '\f';
      return true;
    case 'n':
      out += '\n';
      return true;
    case 'r':
      out += '\r';
      return true;
    case 't':
      out += '\t';
      return true;
    case 'u':
      break;
    default:
      return false;
  }
  unsigned cp = 0;
  if (!hex4(cp) || cp == 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    unsigned low = 0;
    if (!consume('\\') || !consume('u') || !hex4(low) || low < 0xDC00 || low > 0xDFFF)
      return false;
    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
  }
  append_utf8(out, cp);
  return true;
}

bool JsonCursor::hex4(unsigned& out) {
  if (end_ - p_ < 4) return false;
  const auto r = std::from_chars(p_, p_ + 4, out, 16);
  if (r.ec != std::errc() || r.ptr != p_ + 4) return false;
  p_ += 4;
  return true;
}

bool JsonCursor::boolean(std::string_view& out) {
  for (const std::string_view word : {std::string_view("true"), std::string_view("false")}) {
    if (static_cast<std::size_t>(end_ - p_) >= word.size() &&
        std::memcmp(p_, word.data(), word.size()) == 0) {
      out = word;
      p_ += word.size();
      return true;
    }
  }
  return false;
}

bool JsonCursor::integer(std::string_view& out) {
  const char* start = p_;
  const bool minus = consume('-');
  const char* digits = p_;
  while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
  const auto count = static_cast<std::size_t>(p_ - digits);
  // "01" is no JSON number; 19 digits may not fit in 64 bits.
  if (count == 0 || count > 18 || (*digits == '0' && (count > 1 || minus))) return false;
  if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;
  out = {start, static_cast<std::size_t>(p_ - start)};
  return true;
}

bool JsonCursor::count(std::size_t& out) {
  std::string_view text;
  if (!integer(text) || text.front() == '-') return false;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return true;
}

}  // namespace factgraph::ingest
