#include "ingest/record_scanner.hpp"

#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>

#include "ingest/diagnostic.hpp"
#include "ingest/entity_lookup.hpp"

namespace factgraph::ingest {
namespace {

// Bits of the keys seen in one object, by position in its schema's key list.
using KeySet = unsigned;
constexpr KeySet bit(std::size_t key) { return KeySet{1} << key; }

// Position of `key` in `names`, or names.size().
std::size_t key_index(std::string_view key, std::span<const std::string_view> names) {
  std::size_t i = 0;
  while (i < names.size() && names[i] != key) ++i;
  return i;
}

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

// Recursive descent over exactly the shapes the schema allows, so nesting is bounded. Every
// function returns false to give up.
class RecordScanner::Impl {
 public:
  bool scan(std::string_view json, std::string_view default_id, CheckedRecord& out,
            std::size_t& used) {
    begin_ = p_ = json.data();
    end_ = begin_ + json.size();
    out = CheckedRecord{};
    skip_space();
    if (!record(out)) return false;
    if (out.facts.info.id.empty()) out.facts.info.id = default_id;
    if (!out.article && !resolve(out.facts)) return false;
    used = static_cast<std::size_t>(p_ - begin_);
    return true;
  }

 private:
  enum RecordKey : std::size_t { kId, kTitle, kDate, kSource, kUrl, kEntities, kRelations, kText };
  enum EntityKey : std::size_t { kEntityId, kName, kType, kAliases, kEntityAttributes, kEvidence };
  enum RelationKey : std::size_t {
    kRelationType, kRelationSource, kTarget, kRelationDate, kRelationEvidence, kAttributes, kRole,
    kAgent
  };
  enum EvidenceKey : std::size_t { kSentence, kBegin, kEnd, kRule };

  bool record(CheckedRecord& out) {
    DocumentInfo& info = out.facts.info;
    KeySet seen = 0;
    const bool ok = object(seen, kRecordKeys, [&](std::size_t key) {
      switch (key) {
        case kId:
          return string(info.id) && !info.id.empty();
        case kTitle:
          return string(info.title);
        case kDate:
          return string(info.date) && is_date(info.date);
        case kSource:
          return string(info.source);
        case kUrl:
          return string(info.url);
        case kEntities:
          return array([&] { return entity(out.facts.entities.emplace_back()); });
        case kRelations:
          return array([&] { return relation(out.facts.relations.emplace_back()); });
        default:
          out.text_offset = static_cast<std::size_t>(p_ - begin_);
          return string(out.text);
      }
    });
    const bool has_text = (seen & bit(kText)) != 0;
    const bool has_facts = (seen & (bit(kEntities) | bit(kRelations))) != 0;
    out.article = has_text;
    return ok && has_text != has_facts;
  }

  bool entity(EntityFact& e) {
    KeySet seen = 0;
    return object(seen, kEntityKeys,
                  [&](std::size_t key) {
                    switch (key) {
                      case kEntityId:
                        return string(e.id) && !e.id.empty();
                      case kName:
                        return string(e.name) && !e.name.empty();
                      case kType:
                        return string(e.type) && !e.type.empty();
                      case kAliases:
                        return array([&] {
                          std::string& alias = e.aliases.emplace_back();
                          return string(alias) && !alias.empty();
                        });
                      case kEntityAttributes:
                        return attributes(e.attributes);
                      default:
                        return array([&] { return evidence(e.evidence.emplace_back()); });
                    }
                  }) &&
           (seen & bit(kName)) != 0 && (seen & bit(kType)) != 0;
  }

  bool relation(RelationFact& r) {
    KeySet seen = 0;
    const bool ok = object(seen, kRelationKeys, [&](std::size_t key) {
      switch (key) {
        case kRelationType:
          return string(r.type) && !r.type.empty();
        case kRelationSource:
          return string(r.source) && !r.source.empty();
        case kTarget:
          return string(r.target) && !r.target.empty();
        case kRelationDate:
          return string(r.date) && is_date(r.date);
        case kRelationEvidence:
          return evidence(r.evidence);
        case kAttributes:
          return attributes(r.attributes);
        case kRole:
          return string(role_) && !role_.empty();
        default:
          return string(agent_) && !agent_.empty();
      }
    });
    constexpr KeySet kRequired = bit(kRelationType) | bit(kRelationSource) | bit(kTarget);
    if (!ok || (seen & kRequired) != kRequired) return false;
    // The shorthands go in last: "attributes" may come after them, and must not repeat them.
    if ((seen & bit(kRole)) != 0 && !r.attributes.try_emplace("role", std::move(role_)).second)
      return false;
    return (seen & bit(kAgent)) == 0 || r.attributes.try_emplace("agent", std::move(agent_)).second;
  }

  // A string is the sentence alone; an object gives its parts.
  bool evidence(Evidence& ev) {
    if (peek('"')) return string(ev.sentence);
    KeySet seen = 0;
    const bool ok = object(seen, kEvidenceKeys, [&](std::size_t key) {
      switch (key) {
        case kSentence:
          return string(ev.sentence);
        case kBegin:
          return offset(ev.begin);
        case kEnd:
          return offset(ev.end);
        default:
          return string(ev.rule);
      }
    });
    const bool has_begin = (seen & bit(kBegin)) != 0, has_end = (seen & bit(kEnd)) != 0;
    return ok && has_begin == has_end && ev.end >= ev.begin;
  }

  // Values are kept as text: strings as they are, integers and booleans as written.
  bool attributes(Attributes& out) {
    if (!consume('{')) return false;
    skip_space();
    if (consume('}')) return true;
    for (;;) {
      std::string key, value;
      if (!string(key) || key.empty()) return false;
      skip_space();
      if (!consume(':')) return false;
      skip_space();
      if (peek('"')) {
        if (!string(value)) return false;
      } else {
        std::string_view text;
        if (!literal(text) && !integer(text)) return false;
        value = text;
      }
      if (!out.try_emplace(std::move(key), std::move(value)).second) return false;
      if (!next_member()) return consume('}');
    }
  }

  // Resolves every relation endpoint; gives up on an unknown one or on a repeated entity id.
  bool resolve(FactsDocument& facts) {
    if (!lookup_.reset(facts.entities)) return false;
    for (RelationFact& r : facts.relations) {
      r.source_index = lookup_.find(r.source);
      r.target_index = lookup_.find(r.target);
      if (r.source_index == RelationFact::kUnresolved ||
          r.target_index == RelationFact::kUnresolved)
        return false;
    }
    return true;
  }

  // An object whose member names come from `names`, none twice: member(index) reads each value.
  template <class Member>
  bool object(KeySet& seen, std::span<const std::string_view> names, Member&& member) {
    if (!consume('{')) return false;
    skip_space();
    if (consume('}')) return true;
    for (;;) {
      std::string_view name;
      if (!plain_name(name)) return false;
      const std::size_t key = key_index(name, names);
      if (key == names.size() || (seen & bit(key)) != 0) return false;
      seen |= bit(key);
      skip_space();
      if (!consume(':')) return false;
      skip_space();
      if (!member(key)) return false;
      if (!next_member()) return consume('}');
    }
  }

  // After a member: true when a ',' (and the space after it) was read, so another member must
  // follow; false when something else comes, which must then be the object's '}'.
  bool next_member() {
    skip_space();
    if (!consume(',')) return false;
    skip_space();
    return true;
  }

  // An array: element() reads each value.
  template <class Element>
  bool array(Element&& element) {
    if (!consume('[')) return false;
    skip_space();
    if (consume(']')) return true;
    for (;;) {
      if (!element()) return false;
      skip_space();
      if (consume(',')) {
        skip_space();
        continue;
      }
      return consume(']');
    }
  }

  // A member name made of plain bytes only; any other is not in the schema or is rare enough
  // for the checker.
  bool plain_name(std::string_view& name) {
    if (!consume('"')) return false;
    const char* start = p_;
    p_ = skip_plain(p_, end_);
    if (p_ == end_ || *p_ != '"') return false;
    name = {start, static_cast<std::size_t>(p_ - start)};
    ++p_;
    return true;
  }

  // A string value, decoded; its non-ASCII bytes must be valid UTF-8.
  bool string(std::string& out) {
    if (!consume('"')) return false;
    const char* run = p_;
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

  // The escape at p_ ('\\'); gives up on escapes that make NUL or an unpaired surrogate.
  bool escape(std::string& out) {
    ++p_;
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
    std::uint32_t cp = 0;
    if (!hex4(cp) || cp == 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      std::uint32_t low = 0;
      if (!consume('\\') || !consume('u') || !hex4(low) || low < 0xDC00 || low > 0xDFFF)
        return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, cp);
    return true;
  }

  bool hex4(std::uint32_t& out) {
    if (end_ - p_ < 4) return false;
    const auto r = std::from_chars(p_, p_ + 4, out, 16);
    if (r.ec != std::errc() || r.ptr != p_ + 4) return false;
    p_ += 4;
    return true;
  }

  bool literal(std::string_view& text) {
    for (const std::string_view word : {std::string_view("true"), std::string_view("false")}) {
      if (static_cast<std::size_t>(end_ - p_) >= word.size() &&
          std::memcmp(p_, word.data(), word.size()) == 0) {
        text = word;
        p_ += word.size();
        return true;
      }
    }
    return false;
  }

  // An integer as JSON writes it, which is also how the checker writes it back; other numbers
  // are left to the checker.
  bool integer(std::string_view& text) {
    const char* start = p_;
    const bool minus = consume('-');
    const char* digits = p_;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    const auto count = static_cast<std::size_t>(p_ - digits);
    if (count == 0 || count > 18 || (*digits == '0' && (count > 1 || minus))) return false;
    if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;
    text = {start, static_cast<std::size_t>(p_ - start)};
    return true;
  }

  bool offset(std::size_t& out) {
    std::string_view text;
    if (!integer(text) || text.front() == '-') return false;
    std::from_chars(text.data(), text.data() + text.size(), out);
    return true;
  }

  void skip_space() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  [[nodiscard]] bool peek(char c) const { return p_ < end_ && *p_ == c; }
  bool consume(char c) {
    if (!peek(c)) return false;
    ++p_;
    return true;
  }

  const char* begin_ = nullptr;
  const char* p_ = nullptr;
  const char* end_ = nullptr;
  std::string role_, agent_;  // a relation's shorthands, until its attributes are complete
  EntityLookup lookup_;
};

RecordScanner::RecordScanner() : impl_(std::make_unique<Impl>()) {}
RecordScanner::~RecordScanner() = default;

bool RecordScanner::scan(std::string_view json, std::string_view default_id, CheckedRecord& out,
                         std::size_t& used) {
  return impl_->scan(json, default_id, out, used);
}

}  // namespace factgraph::ingest
