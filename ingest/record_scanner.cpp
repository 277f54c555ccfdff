#include "ingest/record_scanner.hpp"

#include <span>
#include <string>

#include "graph/calendar.hpp"
#include "ingest/entity_lookup.hpp"
#include "ingest/json_cursor.hpp"

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

}  // namespace

// Recursive descent over exactly the shapes the schema allows, so nesting is bounded. Every
// function returns false to give up.
class RecordScanner::Impl {
 public:
  bool scan(std::string_view json, std::string_view default_id, CheckedRecord& out,
            std::size_t& used) {
    in_.reset(json);
    out = CheckedRecord{};
    in_.skip_space();
    if (!record(out)) return false;
    if (out.facts.info.id.empty()) out.facts.info.id = default_id;
    if (!out.article && !resolve(out.facts)) return false;
    used = in_.position();
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
          return in_.string(info.id) && !info.id.empty();
        case kTitle:
          return in_.string(info.title);
        case kDate:
          return in_.string(info.date) && factgraph::is_iso_date(info.date);
        case kSource:
          return in_.string(info.source);
        case kUrl:
          return in_.string(info.url);
        case kEntities:
          return array([&] { return entity(out.facts.entities.emplace_back()); });
        case kRelations:
          return array([&] { return relation(out.facts.relations.emplace_back()); });
        default:
          out.text_offset = in_.position();
          return in_.string(out.text);
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
                        return in_.string(e.id) && !e.id.empty();
                      case kName:
                        return in_.string(e.name) && !e.name.empty();
                      case kType:
                        return in_.string(e.type) && !e.type.empty();
                      case kAliases:
                        return array([&] {
                          std::string& alias = e.aliases.emplace_back();
                          return in_.string(alias) && !alias.empty();
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
          return in_.string(r.type) && !r.type.empty();
        case kRelationSource:
          return in_.string(r.source) && !r.source.empty();
        case kTarget:
          return in_.string(r.target) && !r.target.empty();
        case kRelationDate:
          return in_.string(r.date) && factgraph::is_iso_date(r.date);
        case kRelationEvidence:
          return evidence(r.evidence);
        case kAttributes:
          return attributes(r.attributes);
        case kRole:
          return in_.string(role_) && !role_.empty();
        default:
          return in_.string(agent_) && !agent_.empty();
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
    if (in_.peek('"')) return in_.string(ev.sentence);
    KeySet seen = 0;
    const bool ok = object(seen, kEvidenceKeys, [&](std::size_t key) {
      switch (key) {
        case kSentence:
          return in_.string(ev.sentence);
        case kBegin:
          return in_.count(ev.begin);
        case kEnd:
          return in_.count(ev.end);
        default:
          return in_.string(ev.rule);
      }
    });
    const bool has_begin = (seen & bit(kBegin)) != 0, has_end = (seen & bit(kEnd)) != 0;
    return ok && has_begin == has_end && ev.end >= ev.begin;
  }

  // Values are kept as text: strings as they are, integers and booleans as written.
  bool attributes(Attributes& out) {
    if (!in_.consume('{')) return false;
    in_.skip_space();
    if (in_.consume('}')) return true;
    for (;;) {
      std::string key, value;
      if (!in_.string(key) || key.empty()) return false;
      in_.skip_space();
      if (!in_.consume(':')) return false;
      in_.skip_space();
      if (in_.peek('"')) {
        if (!in_.string(value)) return false;
      } else {
        std::string_view text;
        if (!in_.boolean(text) && !in_.integer(text)) return false;
        value = text;
      }
      if (!out.try_emplace(std::move(key), std::move(value)).second) return false;
      if (!next_member()) return in_.consume('}');
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
    if (!in_.consume('{')) return false;
    in_.skip_space();
    if (in_.consume('}')) return true;
    for (;;) {
      std::string_view name;
      if (!in_.plain_string(name)) return false;
      const std::size_t key = key_index(name, names);
      if (key == names.size() || (seen & bit(key)) != 0) return false;
      seen |= bit(key);
      in_.skip_space();
      if (!in_.consume(':')) return false;
      in_.skip_space();
      if (!member(key)) return false;
      if (!next_member()) return in_.consume('}');
    }
  }

  // After a member: true when a ',' (and the space after it) was read, so another member must
  // follow; false when something else comes, which must then be the object's '}'.
  bool next_member() {
    in_.skip_space();
    if (!in_.consume(',')) return false;
    in_.skip_space();
    return true;
  }

  // An array: element() reads each value.
  template <class Element>
  bool array(Element&& element) {
    if (!in_.consume('[')) return false;
    in_.skip_space();
    if (in_.consume(']')) return true;
    for (;;) {
      if (!element()) return false;
      in_.skip_space();
      if (!in_.consume(',')) return in_.consume(']');
      in_.skip_space();
    }
  }

  JsonCursor in_;
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
