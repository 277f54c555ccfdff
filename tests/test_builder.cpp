#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "graph/builder.hpp"

using namespace factgraph;

namespace {

EntityFact entity(std::string name, std::string type, std::vector<std::string> aliases = {}) {
  EntityFact e;
  e.name = std::move(name);
  e.type = std::move(type);
  e.aliases = std::move(aliases);
  return e;
}

RelationFact relation(std::string type, std::string source, std::string target,
                      std::string date = "", std::string evidence = "") {
  RelationFact r;
  r.type = std::move(type);
  r.source = std::move(source);
  r.target = std::move(target);
  r.date = std::move(date);
  r.evidence.sentence = std::move(evidence);
  return r;
}

const Node* node_labelled(const KnowledgeGraph& g, std::string_view label) {
  for (Vertex v = 0; v < g.node_count(); ++v)
    if (g.node(v).label == label) return &g.node(v);
  return nullptr;
}

}  // namespace

TEST_CASE("builder: one actor under different names in two documents is one node") {
  FactsDocument a{{"doc-a", "", "2019-10-07", "", ""},
                  {entity("Hangzhou Hikvision Digital Technology Co., Ltd.", "firm", {"Hikvision"}),
                   entity("Entity List", "list")},
                  {relation("added-to-list", "Hikvision", "Entity List", "2019-10-07", "first")}};
  FactsDocument b{{"doc-b", "", "", "", ""},
                  {entity("Hikvision", "firm"), entity("entity list", "list")},
                  {relation("added-to-list", "Hikvision", "entity list", "2019-10-07", "second")}};
  GraphBuilder builder;
  builder.add(a);
  builder.add(b);
  const KnowledgeGraph g = builder.build();
  REQUIRE(g.node_count() == 2);
  REQUIRE(g.edge_count() == 1);
  const Node* firm = node_labelled(g, "Hangzhou Hikvision Digital Technology Co., Ltd.");
  REQUIRE(firm != nullptr);
  CHECK(firm->id == "firm:hangzhou-hikvision-digital-technology");
  CHECK(firm->aliases == std::vector<std::string>{"Hikvision"});
  CHECK(firm->sources() == std::vector<std::string_view>{"doc-a", "doc-b"});
  const Edge& e = g.edge(g.edges_in_order().front());
  CHECK(e.weight() == 2);
  CHECK(e.sources() == std::vector<std::string_view>{"doc-a", "doc-b"});
}

TEST_CASE("builder: names that merely share a word stay apart") {
  FactsDocument d{{"d", "", "", "", ""},
                  {entity("Xinjiang Public Security Bureau", "agency"),
                   entity("Ministry of Public Security", "agency"), entity("Huawei", "firm"),
                   entity("Huawei Cloud Brazil", "firm")},
                  {}};
  GraphBuilder builder;
  builder.add(d);
  CHECK(builder.build().node_count() == 4);
}

TEST_CASE("builder: an alias shared by two earlier nodes joins them") {
  GraphBuilder builder;
  builder.add({{"1", "", "", "", ""}, {entity("Office of Foreign Assets Control", "agency")}, {}});
  builder.add({{"2", "", "", "", ""}, {entity("OFAC", "agency")}, {}});
  builder.add({{"3", "", "", "", ""},
               {entity("Office of Foreign Assets Control", "agency", {"OFAC"})},
               {}});
  const KnowledgeGraph g = builder.build();
  REQUIRE(g.node_count() == 1);
  CHECK(g.node(0).label == "Office of Foreign Assets Control");
  CHECK(g.node(0).aliases == std::vector<std::string>{"OFAC"});
}

TEST_CASE("builder: person and official are one family, official wins") {
  GraphBuilder builder;
  builder.add({{"1", "", "", "", ""}, {entity("Liu He", "person")}, {}});
  builder.add({{"2", "", "", "", ""}, {entity("Liu He", "official")}, {}});
  const KnowledgeGraph g = builder.build();
  REQUIRE(g.node_count() == 1);
  CHECK(g.node(0).type == "official");
  CHECK(g.node(0).id == "official:liu-he");
}

TEST_CASE("builder: same name, different kinds of actor, stay apart") {
  GraphBuilder builder;
  builder.add({{"1", "", "", "", ""}, {entity("Georgia", "region"), entity("Georgia", "firm")}, {}});
  const KnowledgeGraph g = builder.build();
  CHECK(g.node_count() == 2);
  CHECK(g.node(0).id == "firm:georgia");
  CHECK(g.node(1).id == "region:georgia");
}

TEST_CASE("builder: symmetric relations merge in either direction, dates keep facts apart") {
  GraphBuilder builder;
  builder.add({{"1", "", "", "", ""},
               {entity("Robert Lighthizer", "official"), entity("Liu He", "official")},
               {relation("negotiates-with", "Robert Lighthizer", "Liu He", "2019-10-10"),
                relation("negotiates-with", "Liu He", "Robert Lighthizer", "2019-10-10"),
                relation("negotiates-with", "Liu He", "Robert Lighthizer", "2019-10-11")}});
  const KnowledgeGraph g = builder.build();
  REQUIRE(g.edge_count() == 2);
  const auto edges = g.edges_in_order();
  CHECK(g.edge(edges[0]).weight() + g.edge(edges[1]).weight() == 3);
}

TEST_CASE("builder: the result does not depend on hash order, ids are unique") {
  auto build = [] {
    GraphBuilder builder;
    builder.add({{"1", "", "", "", ""},
                 {entity("A B", "firm"), entity("A-B", "agency"), entity("A.B.", "agency", {"X"})},
                 {relation("part-of", "A B", "X")}});
    return builder.build();
  };
  const KnowledgeGraph a = build(), b = build();
  REQUIRE(a.node_count() == 2);  // "A-B" and "A.B." normalise alike and share a family
  for (Vertex v = 0; v < a.node_count(); ++v) CHECK(a.node(v) == b.node(v));
  CHECK(a.node(0).id != a.node(1).id);
}

TEST_CASE("builder: relations to unknown entities are dropped, not invented") {
  GraphBuilder builder;
  builder.add({{"1", "", "", "", ""}, {entity("A", "firm")}, {relation("sanctions", "A", "Nobody")}});
  const KnowledgeGraph g = builder.build();
  CHECK(g.node_count() == 1);
  CHECK(g.edge_count() == 0);
}

TEST_CASE("builder: a later document joining two nodes merges everything stated before") {
  EntityFact early = entity("Office of Foreign Assets Control", "agency");
  early.attributes = {{"country", "US"}, {"founded", "1950"}};
  EntityFact later = entity("OFAC", "agency");
  later.attributes = {{"country", "United States"}, {"website", "ofac.treasury.gov"}};
  GraphBuilder builder;
  builder.add({{"1", "", "", "", ""},
               {early, entity("SDN List", "list")},
               {relation("maintains", "Office of Foreign Assets Control", "SDN List", "2020")}});
  builder.add({{"2", "", "", "", ""},
               {later, entity("SDN List", "list")},
               {relation("maintains", "OFAC", "SDN List", "2020")}});
  builder.add({{"3", "", "", "", ""},
               {entity("OFAC", "agency", {"Office of Foreign Assets Control"})},
               {}});
  const KnowledgeGraph g = builder.build();
  REQUIRE(g.node_count() == 2);
  const Node* ofac = node_labelled(g, "Office of Foreign Assets Control");
  REQUIRE(ofac != nullptr);
  CHECK(ofac->id == "agency:office-of-foreign-assets-control");
  CHECK(ofac->aliases == std::vector<std::string>{"OFAC"});
  CHECK(ofac->sources() == std::vector<std::string_view>{"1", "2", "3"});
  CHECK(ofac->attributes.get("country") == "US");  // the first document said it first
  CHECK(ofac->attributes.get("website") == "ofac.treasury.gov");
  CHECK(ofac->attributes.get("founded") == "1950");
  REQUIRE(g.edge_count() == 1);
  const Edge& maintains = g.edge(g.edges_in_order().front());
  CHECK(maintains.weight() == 2);
  CHECK(maintains.sources() == std::vector<std::string_view>{"1", "2"});
}

TEST_CASE("builder: endpoints resolved by the producer are used as given") {
  RelationFact r = relation("sanctions", "written differently", "also not a name");
  r.source_index = 1;
  r.target_index = 0;
  GraphBuilder builder;
  builder.add({{"1", "", "", "", ""}, {entity("Huawei", "firm"), entity("Treasury", "agency")}, {r}});
  const KnowledgeGraph g = builder.build();
  REQUIRE(g.edge_count() == 1);
  const EdgeRef e = g.edges_in_order().front();
  CHECK(g.node(boost::source(e, g.graph())).label == "Treasury");
  CHECK(g.node(boost::target(e, g.graph())).label == "Huawei");
}

TEST_CASE("builder: build hands over everything and leaves the builder empty") {
  GraphBuilder builder;
  builder.add({{"1", "", "", "", ""}, {entity("A", "firm")}, {}});
  const KnowledgeGraph first = builder.build();
  CHECK(first.node_count() == 1);
  CHECK(first.documents().size() == 1);
  const KnowledgeGraph second = builder.build();
  CHECK(second.node_count() == 0);
  CHECK(second.documents().empty());
}

namespace {

// Documents with ids out of order, a hub named in every one, and the hub's two names joined only
// by the last document, so mentions reach their node in no particular order.
void add_shuffled_documents(GraphBuilder& builder) {
  constexpr int kDocuments = 300, kFirmsPerDocument = 30;
  for (int d = 0; d < kDocuments; ++d) {
    FactsDocument doc;
    doc.info.id = "doc-" + std::to_string(d * 7919 % kDocuments);
    EntityFact hub = entity(d % 2 ? "Hub Agency" : "HA", "agency");
    for (int k = 3; k > 0; --k)
      hub.evidence.push_back({"", "Sentence " + std::to_string(k * 37 % 5) + " of the hub.",
                              static_cast<std::size_t>(k), static_cast<std::size_t>(k + 4), "m"});
    doc.entities.push_back(hub);
    for (int f = 0; f < kFirmsPerDocument; ++f) {
      const std::string name = "Firm " + std::to_string(d * kFirmsPerDocument + f);
      doc.entities.push_back(entity(name, "firm"));
      doc.relations.push_back(relation("subordinate-of", name, hub.name, "", "Under the hub."));
    }
    doc.entities.push_back(entity("Entity List", "list"));
    doc.relations.push_back(relation("maintains", hub.name, "Entity List", "2020",
                                     "The hub keeps list " + std::to_string(d % 7) + "."));
    builder.add(std::move(doc));
  }
  builder.add({{"doc-last", "", "", "", ""}, {entity("Hub Agency", "agency", {"HA"})}, {}});
}

}  // namespace

TEST_CASE("builder: mentions and evidence come out sorted, several threads build the same graph") {
  GraphBuilder serial_builder, parallel_builder;
  add_shuffled_documents(serial_builder);
  add_shuffled_documents(parallel_builder);
  const KnowledgeGraph serial = serial_builder.build(1);
  const KnowledgeGraph parallel = parallel_builder.build(3);
  REQUIRE(serial.node_count() == 300 * 30 + 2);
  for (Vertex v = 0; v < serial.node_count(); ++v) {
    const std::vector<Citation>& mentions = serial.node(v).mentions;
    CHECK(std::is_sorted(mentions.begin(), mentions.end()));
    CHECK(std::adjacent_find(mentions.begin(), mentions.end()) == mentions.end());
    CHECK(serial.node(v) == parallel.node(v));
  }
  const Node* hub = node_labelled(serial, "HA");
  REQUIRE(hub != nullptr);
  CHECK(hub->mentions.size() == 300 * 3 + 1);  // three in each document, one in doc-last
  REQUIRE(serial.edge_count() == parallel.edge_count());
  const std::vector<EdgeRef> a = serial.edges_in_order(), b = parallel.edges_in_order();
  for (std::size_t i = 0; i < a.size(); ++i) {
    const Edge& edge = serial.edge(a[i]);
    CHECK(std::is_sorted(edge.evidence.begin(), edge.evidence.end()));
    CHECK(edge == parallel.edge(b[i]));
  }
}

TEST_CASE("builder: mentions keep their own sentences when spans repeat or say nothing") {
  EntityFact a = entity("Alpha Corp", "firm");
  a.evidence = {{"", "Alpha was listed.", 0, 0, "m"}, {"", "Alpha and Beta met.", 18, 37, "m"}};
  EntityFact b = entity("Beta Corp", "firm");
  b.evidence = {{"", "Beta was fined.", 0, 0, "m"}, {"", "Alpha and Beta met.", 18, 37, "m"}};
  GraphBuilder builder;
  builder.add({{"d", "", "", "", ""}, {a, b}, {}});
  const KnowledgeGraph g = builder.build();
  auto sentences = [&](std::string_view label) {
    std::vector<std::string_view> out;
    for (const Citation& c : node_labelled(g, label)->mentions) out.push_back(c.sentence);
    return out;
  };
  // Sorted by sentence within the document.
  CHECK(sentences("Alpha Corp") ==
        std::vector<std::string_view>{"Alpha and Beta met.", "Alpha was listed."});
  CHECK(sentences("Beta Corp") ==
        std::vector<std::string_view>{"Alpha and Beta met.", "Beta was fined."});
}

TEST_CASE("text: interned strings compare by identity and order by content") {
  const Text a = std::string("Entity List");
  const Text b = std::string_view("Entity List");
  const Text c = "Entity Lis";
  CHECK(a == b);
  CHECK(a.identity() == b.identity());
  CHECK(a != c);
  CHECK(c < a);
  CHECK(a == std::string_view("Entity List"));
  CHECK(Text().empty());
  CHECK(Text("") == Text());
  CHECK(Text("\xC3\xA9") > Text("z"));  // bytes compare unsigned, as std::string does
  const std::string long_text(5'000'000, 'x');
  CHECK(Text(long_text).view() == long_text);
}

TEST_CASE("attributes: sorted by key, the first value wins, set replaces") {
  AttributeList list{{"role", "minister"}, {"agent", "bis"}, {"role", "ignored"}};
  CHECK(list.size() == 2);
  CHECK(list.begin()->first == "agent");
  CHECK(list.get("role") == "minister");
  CHECK(list.get_interned(Text("role")) == "minister");
  CHECK(list.get("missing").empty());
  CHECK_FALSE(list.try_emplace("agent", "other"));
  list.set("agent", "ofac");
  CHECK(list.get("agent") == "ofac");
  CHECK(list.contains("agent"));
  CHECK_FALSE(list.contains("agen"));
}

TEST_CASE("builder: shared ids get -2, -3 in order of first mention, a suffix meeting an id ~2") {
  // Names made only of punctuation have no key, so each is a node of its own, all "unnamed".
  GraphBuilder builder;
  builder.add({{"1", "", "", "", ""},
               {entity("!!!", "firm"), entity("???", "firm"), entity("Unnamed 2", "firm"),
                entity("...", "firm"), entity("Unnamed", "firm")},
               {}});
  const KnowledgeGraph g = builder.build(2);
  std::vector<std::pair<std::string, std::string>> ids;
  for (Vertex v = 0; v < g.node_count(); ++v) ids.emplace_back(g.node(v).id, g.node(v).label);
  CHECK(ids == std::vector<std::pair<std::string, std::string>>{{"firm:unnamed", "!!!"},
                                                                {"firm:unnamed-2", "???"},
                                                                {"firm:unnamed-2~2", "Unnamed 2"},
                                                                {"firm:unnamed-3", "..."},
                                                                {"firm:unnamed-4", "Unnamed"}});
}

TEST_CASE("builder: edges made in several rounds on several threads are those made on one") {
  // More relations than one round of edge making holds, restating facts across documents.
  auto add_documents = [](GraphBuilder& builder) {
    for (int d = 0; d < 40; ++d) {
      FactsDocument doc;
      doc.info.id = "doc-" + std::to_string(d);
      for (int f = 0; f < 60; ++f)
        doc.entities.push_back(entity("Firm " + std::to_string(f), "firm"));
      for (int r = 0; r < 2000; ++r) {
        const int a = (r * 7 + d) % 60, b = (r * 13 + 3 * d) % 60;
        doc.relations.push_back(relation(r % 3 ? "sanctions" : "negotiates-with",
                                         "Firm " + std::to_string(a), "Firm " + std::to_string(b),
                                         "2020-01-" + std::to_string(10 + r % 5),
                                         "Sentence " + std::to_string(r % 11) + "."));
      }
      builder.add(doc);
    }
  };
  GraphBuilder serial_builder, parallel_builder;
  add_documents(serial_builder);
  add_documents(parallel_builder);
  const KnowledgeGraph serial = serial_builder.build(1);
  const KnowledgeGraph parallel = parallel_builder.build(2);
  REQUIRE(serial.edge_count() == parallel.edge_count());
  std::size_t evidence = 0;
  const std::vector<EdgeRef> a = serial.edges_in_order(), b = parallel.edges_in_order();
  for (std::size_t i = 0; i < a.size(); ++i) {
    evidence += serial.edge(a[i]).evidence.size();
    CHECK(serial.edge(a[i]) == parallel.edge(b[i]));
    CHECK(boost::source(a[i], serial.graph()) == boost::source(b[i], parallel.graph()));
    CHECK(boost::target(a[i], serial.graph()) == boost::target(b[i], parallel.graph()));
  }
  CHECK(evidence == 40 * 2000);
}

TEST_CASE("knowledge graph: ids are found after growing, a repeated id is refused") {
  // Built by appending: g++ 12 warns, wrongly, on "n" + std::to_string(i).
  auto id = [](int i) {
    std::string out = "n";
    out += std::to_string(i);
    return out;
  };
  KnowledgeGraph g;
  for (int i = 0; i < 500; ++i)
    CHECK(g.add_node({id(i), "", "firm", {}, {}, {}}) == static_cast<Vertex>(i));
  CHECK(g.add_nodes(
            4500,
            [&](std::size_t i, Node& node) {
              node.id = id(static_cast<int>(i) + 500);
              node.attributes.set("k", "v");
            },
            3) == 500);
  for (int i = 0; i < 5000; ++i) CHECK(g.find_id(id(i)) == static_cast<Vertex>(i));
  CHECK(g.node(4999).id == "n4999");
  CHECK(g.node_attribute_keys() == std::vector<std::string_view>{"k"});
  CHECK_FALSE(g.find_id("n5000"));
  CHECK_FALSE(g.find_id(""));
  CHECK_THROWS_AS(g.add_node({"n17", "", "firm", {}, {}, {}}), std::invalid_argument);
  // A batch with an id already there, or twice in it, or whose making fails, adds nothing.
  const std::vector<std::string> fresh_then_taken = {"new", "n3"}, twice = {"x", "x"};
  auto named = [](const std::vector<std::string>& ids) {
    return [&ids](std::size_t i, Node& node) { node.id = ids[i]; };
  };
  CHECK_THROWS_AS(g.add_nodes(2, named(fresh_then_taken), 2), std::invalid_argument);
  CHECK_THROWS_AS(g.add_nodes(2, named(twice)), std::invalid_argument);
  CHECK_THROWS_AS(g.add_nodes(
                      3000,
                      [](std::size_t i, Node& node) {
                        node.id = "fine";
                        if (i == 2999) throw std::runtime_error("no node");
                      },
                      2),
                  std::runtime_error);
  CHECK(g.node_count() == 5000);
  CHECK_FALSE(g.find_id("new"));
  CHECK_FALSE(g.find_id("x"));
  CHECK_FALSE(g.find_id("fine"));
  CHECK(g.find_id("n3") == Vertex{3});
  CHECK_FALSE(KnowledgeGraph().find_id("n0"));
}

TEST_CASE("builder: a relation shares a mention's sentence only when span and text are the same") {
  EntityFact a = entity("Alpha Corp", "firm");
  a.evidence = {{"", "Alpha and Beta met.", 18, 37, "m"}};
  EntityFact b = entity("Beta Corp", "firm");
  b.evidence = {{"", "Alpha and Beta met.", 18, 37, "m"}};
  RelationFact same = relation("negotiates-with", "Alpha Corp", "Beta Corp", "2020");
  same.evidence = {"", "Alpha and Beta met.", 18, 37, "r"};
  RelationFact other = relation("sanctions", "Alpha Corp", "Beta Corp", "2020");
  other.evidence = {"", "Beta was fined.", 18, 37, "r"};
  GraphBuilder builder;
  builder.add({{"d", "", "", "", ""}, {a, b}, {same, other}});
  const KnowledgeGraph g = builder.build();
  REQUIRE(g.edge_count() == 2);
  std::vector<std::string_view> sentences;
  for (const EdgeRef e : g.edges_in_order()) sentences.push_back(g.edge(e).evidence.at(0).sentence);
  CHECK(sentences == std::vector<std::string_view>{"Alpha and Beta met.", "Beta was fined."});
  CHECK(g.edge(g.edges_in_order()[0]).evidence[0].sentence ==
        node_labelled(g, "Beta Corp")->mentions[0].sentence);
}
