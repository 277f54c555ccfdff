#include <doctest/doctest.h>

#include "graph/builder.hpp"
#include "graph/query.hpp"

using namespace factgraph;

namespace {

KnowledgeGraph sample_graph() {
  auto e = [](std::string name, std::string type, std::vector<std::string> aliases = {}) {
    EntityFact f;
    f.name = std::move(name);
    f.type = std::move(type);
    f.aliases = std::move(aliases);
    return f;
  };
  auto r = [](std::string type, std::string s, std::string t, std::string date = "") {
    RelationFact f;
    f.type = std::move(type);
    f.source = std::move(s);
    f.target = std::move(t);
    f.date = std::move(date);
    return f;
  };
  FactsDocument doc{{"d1", "", "", "", ""},
                    {e("Huawei Technologies Co., Ltd.", "firm", {"Huawei"}), e("Entity List", "list"),
                     e("Bureau of Industry and Security", "agency", {"BIS"}),
                     e("U.S. Department of Commerce", "agency"), e("Wilbur Ross", "official"),
                     e("Liu He", "official"), e("Robert Lighthizer", "official"),
                     e("Isolated Firm", "firm")},
                    {r("added-to-list", "Huawei", "Entity List", "2019-05-16"),
                     r("maintains", "BIS", "Entity List"),
                     r("subordinate-of", "BIS", "U.S. Department of Commerce"),
                     r("holds-office", "Wilbur Ross", "U.S. Department of Commerce"),
                     r("negotiates-with", "Robert Lighthizer", "Liu He", "2019-10-10"),
                     r("negotiates-with", "Wilbur Ross", "Liu He", "2018-05-17")}};
  GraphBuilder builder;
  builder.add(doc);
  return builder.build();
}

std::string label(const KnowledgeGraph& g, Vertex v) { return g.node(v).label; }

}  // namespace

TEST_CASE("query: lookup exact, case-insensitive, normalised, then suggestions") {
  const KnowledgeGraph g = sample_graph();
  auto one = [&](std::string_view name) {
    const Lookup l = lookup(g, name);
    REQUIRE(l.matches.size() == 1);
    return label(g, l.matches.front());
  };
  CHECK(one("Huawei") == "Huawei Technologies Co., Ltd.");
  CHECK(one("huawei") == "Huawei Technologies Co., Ltd.");
  CHECK(one("Huawei Technologies") == "Huawei Technologies Co., Ltd.");
  CHECK(one("bis") == "Bureau of Industry and Security");
  CHECK(one("list:entity-list") == "Entity List");
  const Lookup typo = lookup(g, "Huawai");
  CHECK(typo.matches.empty());
  REQUIRE_FALSE(typo.suggestions.empty());
  CHECK(typo.suggestions.front() == "Huawei Technologies Co., Ltd.");
  CHECK(lookup(g, "Zzzzzzzz Unrelated").suggestions.empty());
}

TEST_CASE("query: neighbours by edge type and direction") {
  const KnowledgeGraph g = sample_graph();
  const Vertex list = lookup(g, "Entity List").matches.front();
  const auto in = neighbours(g, list, "", Direction::kIn);
  REQUIRE(in.size() == 2);
  CHECK_FALSE(in[0].outgoing);
  const auto added = neighbours(g, list, "added-to-list", Direction::kBoth);
  REQUIRE(added.size() == 1);
  CHECK(label(g, added[0].other) == "Huawei Technologies Co., Ltd.");
  CHECK(neighbours(g, list, "", Direction::kOut).empty());
}

TEST_CASE("query: nodes and edges of a type") {
  const KnowledgeGraph g = sample_graph();
  CHECK(nodes_of_type(g, "official").size() == 3);
  CHECK(nodes_of_type(g, "group").empty());
  const auto talks = edges_of_type(g, "negotiates-with");
  REQUIRE(talks.size() == 2);
  for (EdgeRef e : talks) CHECK(g.edge(e).type == "negotiates-with");
}

TEST_CASE("query: shortest path follows edges either way") {
  const KnowledgeGraph g = sample_graph();
  const Vertex huawei = lookup(g, "Huawei").matches.front();
  const Vertex ross = lookup(g, "Wilbur Ross").matches.front();
  const auto path = shortest_path(g, huawei, ross);
  REQUIRE(path.has_value());
  REQUIRE(path->size() == 4);  // Huawei -> List <- BIS -> Commerce <- Ross
  CHECK(label(g, path->back().other) == "Wilbur Ross");
  CHECK(path->front().outgoing);
  CHECK_FALSE(path->back().outgoing);
  CHECK(shortest_path(g, huawei, huawei)->empty());
  CHECK_FALSE(shortest_path(g, huawei, lookup(g, "Isolated Firm").matches.front()).has_value());
}

TEST_CASE("query: ego graph by radius") {
  const KnowledgeGraph g = sample_graph();
  const Vertex liu = lookup(g, "Liu He").matches.front();
  const auto one = ego_vertices(g, liu, 1);
  REQUIRE(one.size() == 3);
  CHECK(one.front() == liu);
  CHECK(ego_vertices(g, liu, 0).size() == 1);
  CHECK(ego_vertices(g, liu, 2).size() == 4);  // + Commerce via Ross
  const KnowledgeGraph sub = subgraph(g, one, g.edges_in_order());
  CHECK(sub.node_count() == 3);
  CHECK(sub.edge_count() == 2);
}
