#include "export/escape.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <unordered_set>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace factgraph::exporters {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

enum class Context { kUtf8, kXmlText, kXmlAttribute, kDot };

// Length of the valid UTF-8 sequence starting at s[0] (a byte >= 0x80), or 0 when it is invalid:
// stray continuation bytes, overlong forms, surrogates and code points above U+10FFFF.
std::size_t utf8_sequence_length(const unsigned char* s, std::size_t available) {
  const unsigned char c = s[0];
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (len > available || s[1] < lo || s[1] > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if (s[k] < 0x80 || s[k] > 0xBF) return 0;
  return len;
}

// What an ASCII byte becomes in a context; nullptr means "copy it".
template <Context C>
constexpr const char* ascii_replacement(unsigned char c) {
  if constexpr (C == Context::kUtf8) {
    return nullptr;
  } else if constexpr (C == Context::kDot) {
    switch (c) {
      case '\\':
        return "\\\\";
      case '"':
        return "\\\"";
      case '\n':
        return "\\n";
      case '\t':
        return nullptr;
      default:
        return c < 0x20 ? "" : nullptr;
    }
  } else {
    switch (c) {
      case '&':
        return "&amp;";
      case '<':
        return "&lt;";
      case '>':
        return "&gt;";
      case '\r':
        return "&#13;";
      case '"':
        return C == Context::kXmlAttribute ? "&quot;" : nullptr;
      case '\n':
        return C == Context::kXmlAttribute ? "&#10;" : nullptr;
      case '\t':
        return C == Context::kXmlAttribute ? "&#9;" : nullptr;
      default:
        return c < 0x20 ? "" : nullptr;
    }
  }
}

// Bytes that leave the fast copying loop: those with an ASCII replacement and every byte of a
// multi-byte sequence, which must be validated.
template <Context C>
constexpr std::array<bool, 256> make_special_table() {
  std::array<bool, 256> table{};
  for (unsigned c = 0; c < 256; ++c)
    table[c] = c >= 0x80 || ascii_replacement<C>(static_cast<unsigned char>(c)) != nullptr;
  return table;
}

template <Context C>
constexpr std::array<bool, 256> kSpecial = make_special_table<C>();

bool is_xml_noncharacter(const unsigned char* s, std::size_t len) {
  return len == 3 && s[0] == 0xEF && s[1] == 0xBF && (s[2] == 0xBE || s[2] == 0xBF);
}

// The first byte at or after `i` that may need more than copying. Most text is plain ASCII, so
// with SSE2 (every x86-64) sixteen bytes are checked at once; the answer may stop early at a
// byte that turns out to be plain (a tab, say), which the caller then just copies.
template <Context C>
std::size_t skip_plain(const unsigned char* s, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20);
  for (; i + 16 <= n; i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    int mask = 0;
    if constexpr (C == Context::kUtf8) {
      mask = _mm_movemask_epi8(x);  // bytes >= 0x80
    } else {
      // Signed: bytes >= 0x80 are negative, so this flags them along with the controls.
      __m128i special = _mm_cmplt_epi8(x, space);
      auto flag = [&](char c) { special = _mm_or_si128(special, _mm_cmpeq_epi8(x, _mm_set1_epi8(c))); };
      if constexpr (C == Context::kDot) {
        flag('\\');
        flag('"');
      } else {
        flag('&');
        flag('<');
        flag('>');
        if constexpr (C == Context::kXmlAttribute) flag('"');
      }
      mask = _mm_movemask_epi8(special);
    }
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < n && !kSpecial<C>[s[i]]) ++i;
  return i;
}

template <Context C>
void append_escaped(std::string& out, std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t run = 0;  // start of bytes not yet copied
  std::size_t i = 0;
  while (i < n) {
    i = skip_plain<C>(s, i, n);
    if (i == n) break;
    const unsigned char c = s[i];
    if (!kSpecial<C>[c]) {
      ++i;
      continue;
    }
    out.append(text.data() + run, i - run);
    if (c < 0x80) {
      if (const char* replacement = ascii_replacement<C>(c)) out += replacement;
      ++i;
    } else if (const std::size_t len = utf8_sequence_length(s + i, n - i); len == 0) {
      out += kReplacement;
      ++i;
    } else {
      const bool forbidden = (C == Context::kXmlText || C == Context::kXmlAttribute) &&
                             is_xml_noncharacter(s + i, len);
      if (!forbidden) out.append(text.data() + i, len);
      i += len;
    }
    run = i;
  }
  out.append(text.data() + run, n - run);
}

bool is_plain_token_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == ':';
}

// Letters every XML 1.0 edition accepts in a name (4th edition BaseChar), limited to Latin-1 and
// Latin Extended-A so that libxml2 and other validators agree.
bool is_portable_name_letter(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) return cp != 0xD7 && cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x17E)
    return cp != 0x132 && cp != 0x133 && cp != 0x13F && cp != 0x140 && cp != 0x149;
  return false;
}

}  // namespace

void append_xml_text(std::string& out, std::string_view text) {
  append_escaped<Context::kXmlText>(out, text);
}

void append_xml_attribute(std::string& out, std::string_view text) {
  append_escaped<Context::kXmlAttribute>(out, text);
}

void append_dot_string(std::string& out, std::string_view text) {
  out += '"';
  append_escaped<Context::kDot>(out, text);
  out += '"';
}

void append_valid_utf8(std::string& out, std::string_view text) {
  append_escaped<Context::kUtf8>(out, text);
}

std::string xml_token(std::string_view text) {
  if (text.empty()) return "_";
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  auto is_hex = [](unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); };
  std::string out;
  out.reserve(n);
  for (std::size_t i = 0; i < n;) {
    // A "_" is kept unless it would read as the start of an escape or as the token of "",
    // which keeps the mapping one to one while "attr_name" stays readable.
    const bool plain_underscore =
        s[i] == '_' && n > 1 && !(i + 2 < n && is_hex(s[i + 1]) && is_hex(s[i + 2]));
    if (is_plain_token_byte(s[i]) || plain_underscore) {
      out += text[i++];
      continue;
    }
    // Two-byte sequences cover every letter is_portable_name_letter accepts.
    if (s[i] >= 0xC3 && s[i] <= 0xC5 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0xBF) {
      const char32_t cp = (char32_t{s[i]} & 0x1F) << 6 | (char32_t{s[i + 1]} & 0x3F);
      if (is_portable_name_letter(cp)) {
        out.append(text.data() + i, 2);
        i += 2;
        continue;
      }
    }
    out += '_';
    out += kHex[s[i] >> 4];
    out += kHex[s[i] & 0xF];
    ++i;
  }
  return out;
}

ChunkedWriter::ChunkedWriter(std::ostream& out) : out_(out) {
  buffer_.reserve(kChunkSize + kChunkSize / 4);
}

void ChunkedWriter::flush() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

void append_sources(std::string& out, const std::vector<Citation>& citations,
                    std::string_view separator) {
  // Built graphs keep citations sorted by document, so distinct ids are adjacent and ordered;
  // anything else (a graph made by hand) takes the general path.
  const std::size_t start = out.size();
  Text previous;
  bool any = false;
  for (const Citation& c : citations) {
    if (any && c.document == previous) continue;  // interned: the same id is the same pointer
    if (any && c.document < previous) {
      out.resize(start);
      std::vector<std::string_view> sorted;
      for (const Citation& each : citations) sorted.push_back(each.document);
      std::sort(sorted.begin(), sorted.end());
      sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
      append_joined(out, sorted, separator);
      return;
    }
    if (any) out += separator;
    out += c.document;
    previous = c.document;
    any = true;
  }
}

void append_evidence_text(std::string& out, const Edge& edge) {
  bool first = true;
  for_each_distinct_sentence(edge, [&](std::string_view sentence) {
    if (!first) out += " | ";
    first = false;
    out += sentence;
  });
}

std::string unreserved_name(std::string name, std::initializer_list<std::string_view> reserved) {
  const bool clash = name.starts_with("attr_") ||
                     std::find(reserved.begin(), reserved.end(), name) != reserved.end();
  return clash ? "attr_" + name : name;
}

std::vector<std::string> node_attribute_keys(const KnowledgeGraph& graph) {
  const std::vector<std::string_view> keys = graph.node_attribute_keys();
  return {keys.begin(), keys.end()};
}

std::vector<std::string> edge_attribute_keys(const KnowledgeGraph& graph) {
  const std::vector<std::string_view> keys = graph.edge_attribute_keys();
  return {keys.begin(), keys.end()};
}

std::size_t edge_weight(const Edge& edge) { return std::max<std::size_t>(edge.weight(), 1); }

std::vector<Column> make_columns(std::vector<Column> fixed,
                                 const std::vector<std::string>& attribute_keys,
                                 std::initializer_list<std::string_view> reserved,
                                 std::string_view id_prefix, bool token_names) {
  std::vector<Column> columns = std::move(fixed);
  for (const std::string& key : attribute_keys)
    columns.push_back({unreserved_name(token_names ? xml_token(key) : key, reserved),
                       Field::kAttribute, key, ""});
  std::sort(columns.begin(), columns.end(),
            [](const Column& a, const Column& b) { return a.name < b.name; });
  for (Column& column : columns)
    column.id = std::string(id_prefix) + (token_names ? column.name : xml_token(column.name));
  return columns;
}

std::string_view column_value(const Column& column, const Node& node, std::string& scratch) {
  scratch.clear();
  switch (column.field) {
    case Field::kLabel:
      return node.label;
    case Field::kType:
      return node.type;
    case Field::kAliases:
      append_joined(scratch, node.aliases, "|");
      return scratch;
    case Field::kSources:
      append_sources(scratch, node.mentions, "|");
      return scratch;
    case Field::kAttribute:
      return node.attributes.get_interned(column.attribute);
    default:
      return {};
  }
}

std::string_view column_value(const Column& column, const Edge& edge, std::string& scratch) {
  scratch.clear();
  switch (column.field) {
    case Field::kType:
      return edge.type;
    case Field::kDate:
      return edge.date;
    case Field::kSources:
      append_sources(scratch, edge.evidence, "|");
      return scratch;
    case Field::kEvidence:
      append_evidence_text(scratch, edge);
      return scratch;
    case Field::kWeight:
      scratch = std::to_string(edge_weight(edge));
      return scratch;
    case Field::kAttribute:
      return edge.attributes.get_interned(column.attribute);
    default:
      return {};
  }
}

namespace {

struct TypedStyle {
  std::string_view type;
  NodeStyle style;
};

// ColorBrewer "Paired"/"Set3" pastels: dark text stays readable on every fill.
constexpr std::array<TypedStyle, 7> kNodeStyles = {{
    {"firm", {"box", 0xa6, 0xce, 0xe3}},
    {"agency", {"hexagon", 0xb2, 0xdf, 0x8a}},
    {"official", {"ellipse", 0xfb, 0x9a, 0x99}},
    {"person", {"ellipse", 0xfd, 0xbf, 0x6f}},
    {"region", {"octagon", 0xca, 0xb2, 0xd6}},
    {"list", {"note", 0xff, 0xff, 0x99}},
    {"group", {"box3d", 0xcc, 0xeb, 0xc5}},
}};
constexpr NodeStyle kOtherNodeStyle = {"ellipse", 0xd9, 0xd9, 0xd9};

struct TypedColor {
  std::string_view type;
  RelationColor color;
};

constexpr std::array<TypedColor, 10> kRelationColors = {{
    {"added-to-list", {0xe3, 0x1a, 0x1c}},
    {"removed-from-list", {0x33, 0xa0, 0x2c}},
    {"subordinate-of", {0x1f, 0x78, 0xb4}},
    {"negotiates-with", {0xff, 0x7f, 0x00}},
    {"holds-office", {0x6a, 0x3d, 0x9a}},
    {"located-in", {0xb1, 0x59, 0x28}},
    {"part-of", {0x66, 0x66, 0x66}},
    {"maintains", {0x1b, 0x9e, 0x77}},
    {"sanctions", {0xd9, 0x5f, 0x02}},
    {"condemns", {0xe7, 0x29, 0x8a}},
}};

}  // namespace

const NodeStyle& node_style(std::string_view type) {
  for (const TypedStyle& s : kNodeStyles)
    if (s.type == type) return s.style;
  return kOtherNodeStyle;
}

RelationColor relation_color(std::string_view type) {
  for (const TypedColor& c : kRelationColors)
    if (c.type == type) return c.color;
  return {0, 0, 0};
}

std::string hex_color(unsigned char r, unsigned char g, unsigned char b) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "#";
  for (unsigned char channel : {r, g, b}) {
    out += kHex[channel >> 4];
    out += kHex[channel & 0xF];
  }
  return out;
}

}  // namespace factgraph::exporters
