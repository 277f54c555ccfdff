#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "ingest/entity_lookup.hpp"
#include "ingest/json_input.hpp"

namespace factgraph::ingest {
namespace {

EntityFact entity(std::string id, std::string name, std::vector<std::string> aliases = {}) {
  EntityFact e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.type = "firm";
  e.aliases = std::move(aliases);
  return e;
}

// "<prefix><i>"
std::string numbered(std::string_view prefix, int i) {
  std::string out(prefix);
  out += std::to_string(i);
  return out;
}

constexpr std::size_t kNone = RelationFact::kUnresolved;

}  // namespace

TEST_CASE("json records: relation endpoints come resolved, as EntityResolver resolves them") {
  const JsonRecords records = parse_json_records(R"({"entities": [
    {"id": "h", "name": "Huawei Technologies Co., Ltd.", "type": "firm", "aliases": ["Huawei"]},
    {"name": "ZTE", "type": "firm", "aliases": ["Zhongxing"]},
    {"id": "ZTE", "name": "Entity List", "type": "list"},
    {"name": "Huawei", "type": "firm"},
    {"name": "Kravix Optics Ltd.", "type": "firm"},
    {"name": "Kravix Optics", "type": "firm"}],
  "relations": [
    {"type": "by-id", "source": "h", "target": "ZTE"},
    {"type": "by-name-and-alias", "source": "Entity List", "target": "Zhongxing"},
    {"type": "first-of-two-exact", "source": "Huawei", "target": "Kravix Optics"},
    {"type": "normalised", "source": "huawei technologies", "target": "zhongxing"},
    {"type": "first-of-two-normalised", "source": "KRAVIX OPTICS", "target": "the Kravix Optics Inc"}]})",
                                                 "news.json", false);
  REQUIRE(records.diagnostics.empty());
  REQUIRE(records.facts.size() == 1);
  const FactsDocument& doc = records.facts[0];
  const std::vector<std::pair<std::size_t, std::size_t>> expected = {
      {0, 2},  // an id; an id before a name ("ZTE" is entity 1's name, entity 2's id)
      {2, 1},  // a name; an alias
      {0, 5},  // an alias of 0 before the name of 3; an exact name before a normalised one of 4
      {0, 1},  // normalised name; normalised alias
      {4, 4},  // the first of two entities whose names normalise alike
  };
  REQUIRE(doc.relations.size() == expected.size());
  const EntityResolver resolver(doc);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const RelationFact& r = doc.relations[i];
    CAPTURE(r.type);
    CHECK(r.source_index == expected[i].first);
    CHECK(r.target_index == expected[i].second);
    CHECK(static_cast<long>(r.source_index) == resolver.find(r.source));
    CHECK(static_cast<long>(r.target_index) == resolver.find(r.target));
  }
}

TEST_CASE("json records: endpoints are resolved on the checker's path too") {
  // 1.5 makes the fast scanner give up; the full checker must resolve just the same.
  const JsonRecords records = parse_json_records(
      R"({"entities": [{"name": "A", "type": "firm", "attributes": {"x": 1.5}},
                       {"id": "b", "name": "B Corp.", "type": "firm"}],
          "relations": [{"type": "t", "source": "b corp", "target": "A"}]})",
      "news.json", false);
  REQUIRE(records.diagnostics.empty());
  const RelationFact& r = records.facts.at(0).relations.at(0);
  CHECK(r.source_index == 1);
  CHECK(r.target_index == 0);
}

TEST_CASE("entity lookup: precedence, misses and reuse across documents") {
  const std::vector<EntityFact> first = {entity("a", "Alpha", {"A1"}), entity("", "Beta Ltd."),
                                         entity("b", "a"), entity("", "...", {"!!"})};
  EntityLookup lookup;
  CHECK(lookup.reset(first));
  CHECK(lookup.find("a") == 0);         // the id of 0, though also the name of 2
  CHECK(lookup.find("A1") == 0);
  CHECK(lookup.find("beta") == 1);      // normalised
  CHECK(lookup.find("Gamma") == kNone);
  CHECK(lookup.find("?") == kNone);     // punctuation normalises to "", which names nothing
  CHECK(lookup.find("...") == 3);       // though exactly, it does

  // The normalised names of the first document must not answer for the second.
  const std::vector<EntityFact> second = {entity("x", "Gamma"), entity("x", "Delta")};
  CHECK_FALSE(lookup.reset(second));  // a repeated id
  CHECK(lookup.find("x") == 0);
  CHECK(lookup.find("beta") == kNone);
  CHECK(lookup.find("alpha") == kNone);
  CHECK(lookup.find("delta") == 1);
  CHECK(lookup.reset({}));
  CHECK(lookup.find("Gamma") == kNone);
}

TEST_CASE("entity lookup: many names, as EntityResolver finds them") {
  FactsDocument doc;
  for (int i = 0; i < 500; ++i)
    doc.entities.push_back(entity(i % 3 == 0 ? numbered("e", i) : "",
                                  numbered("Firm ", i % 200) + " Co., Ltd.",
                                  {numbered("F", i % 150)}));
  EntityLookup lookup;
  REQUIRE(lookup.reset(doc.entities));
  const EntityResolver resolver(doc);
  for (int i = 0; i < 600; ++i) {
    for (const std::string& ref :
         {numbered("e", i), numbered("Firm ", i) + " Co., Ltd.", numbered("firm ", i),
          numbered("F", i), numbered("f", i)}) {
      CAPTURE(ref);
      const long expected = resolver.find(ref);
      CHECK(lookup.find(ref) == (expected < 0 ? kNone : static_cast<std::size_t>(expected)));
    }
  }
}

}  // namespace factgraph::ingest
