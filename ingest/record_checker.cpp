#include "ingest/record_checker.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <span>
#include <utility>

#include "graph/calendar.hpp"
#include "graph/names.hpp"
#include "ingest/entity_lookup.hpp"

namespace factgraph::ingest {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

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

std::array<std::size_t, 8> no_members() {
  std::array<std::size_t, 8> at{};
  at.fill(kNone);
  return at;
}

struct EntityId {
  std::string_view id;
  std::size_t value, entity;
};

// A relation's "source" or "target", resolved once all entities of the document are known.
struct Reference {
  std::size_t value;     // in the tree
  std::size_t element;   // index in the "relations" array, for the path
  std::size_t relation;  // index in FactsDocument::relations, for the resolved endpoint
  bool is_source;
};

}  // namespace

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

// Each check queues its problems and goes on, so that one pass reports them all.
class RecordChecker::Impl {
 public:
  bool check(const Tree& tree, const Options& options, CheckedRecord& out) {
    t_ = &tree;
    suggestions_ = options.suggestions;
    problems_.clear();
    const Path root{nullptr, {}, options.record_index.value_or(kNone)};
    const Value& record = tree.values[0];
    if (record.kind != Kind::kObject) {
      problem(record.offset, root,
              options.file_root ? "expected an object (a facts document or an article record) "
                                  "or an array of them"
                                : "expected an object (a facts document or an article record)");
      return false;
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

    out = CheckedRecord{};
    DocumentInfo& info = out.facts.info;
    info.id = options.default_id;
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
    if (has_text) {
      out.article = true;
      if (auto s = string_member(m, "text", root, true)) out.text = *s;
      out.text_offset = tree.values[m["text"]].offset;
    }
    if (has_facts) check_facts(m, root, info.id, out.facts);
    return problems_.empty();
  }

  std::vector<Problem> problems_;

 private:
  void problem(std::size_t offset, const Path& path, std::string message) {
    std::string text;
    append_path(text, &path);
    if (!text.empty()) text += ": ";
    text += message;
    problems_.push_back({offset, std::move(text)});
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
    references_.clear();
    const Path relations_path{&root, "relations"};
    if (const std::size_t at = m["relations"]; at != kNone) {
      each_element(at, relations_path, [&](std::size_t r, const Path& p) {
        const Members rm = check_relation(r, p, facts);
        for (const bool is_source : {true, false}) {
          const std::size_t v = rm[is_source ? "source" : "target"];
          if (v != kNone && t_->values[v].kind == Kind::kString && t_->values[v].text_size > 0)
            references_.push_back({v, p.index, facts.relations.size() - 1, is_source});
        }
      });
    }
    // A malformed "entities" already has its error; every reference would only repeat it.
    if (!entities_ok || references_.empty()) return;
    lookup_.reset(facts.entities);
    for (const Reference& ref : references_) {
      const Value& v = t_->values[ref.value];
      const std::string_view name = t_->text(v);
      const std::size_t entity = lookup_.find(name);
      if (entity != RelationFact::kUnresolved) {
        RelationFact& r = facts.relations[ref.relation];
        (ref.is_source ? r.source_index : r.target_index) = entity;
        continue;
      }
      const Path element{&relations_path, {}, ref.element};
      problem(v.offset, Path{&element, ref.is_source ? "source" : "target"},
              "unknown entity " + quote(name) + " in document " + quote(doc_id) +
                  suggestion(facts, name));
    }
  }

  // "; did you mean ..." naming the closest entity name or alias, when one is close enough.
  std::string suggestion(const FactsDocument& facts, std::string_view ref) const {
    if (!suggestions_) return {};
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
    if (!s || factgraph::is_iso_date(*s)) return s;
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

  const Tree* t_ = nullptr;  // the record being checked
  bool suggestions_ = true;
  std::vector<EntityId> entity_ids_;   // of the record being checked
  std::vector<Reference> references_;  // of the record being checked
  EntityLookup lookup_;
};

RecordChecker::RecordChecker() : impl_(std::make_unique<Impl>()) {}
RecordChecker::~RecordChecker() = default;

bool RecordChecker::check(const Tree& tree, const Options& options, CheckedRecord& out) {
  return impl_->check(tree, options, out);
}

std::vector<Problem>& RecordChecker::problems() { return impl_->problems_; }

}  // namespace factgraph::ingest
