#include <doctest/doctest.h>

#include <regex>
#include <sstream>
#include <string>

#include "export/escape.hpp"
#include "export/exporters.hpp"
#include "tests/export_fixtures.hpp"

namespace factgraph::exporters {
namespace {

std::string xml_text(std::string_view s) {
  std::string out;
  append_xml_text(out, s);
  return out;
}

std::string xml_attribute(std::string_view s) {
  std::string out;
  append_xml_attribute(out, s);
  return out;
}

std::string graphml(const KnowledgeGraph& graph) {
  std::ostringstream out;
  write_graphml(out, graph);
  return out.str();
}

TEST_CASE("xml escape: text and attribute contexts") {
  CHECK(xml_text("a<b>&c \"q\" 'x'") == "a&lt;b&gt;&amp;c \"q\" 'x'");
  CHECK(xml_attribute("a<b>&c \"q\"") == "a&lt;b&gt;&amp;c &quot;q&quot;");
  CHECK(xml_text("l1\nl2\tx\ry") == "l1\nl2\tx&#13;y");
  CHECK(xml_attribute("l1\nl2\tx\ry") == "l1&#10;l2&#9;x&#13;y");
  CHECK(xml_text("Malmstr\xC3\xB6m \xE6\xB5\xB7 \xF0\x9F\x98\x80") ==
        "Malmstr\xC3\xB6m \xE6\xB5\xB7 \xF0\x9F\x98\x80");
}

TEST_CASE("xml escape: characters XML forbids are dropped, invalid UTF-8 becomes U+FFFD") {
  CHECK(xml_text(std::string("a\x01\x08\x0b\x0c\x1f", 6) + std::string(1, '\0') + "b") == "ab");
  CHECK(xml_attribute("x\xEF\xBF\xBEy\xEF\xBF\xBFz") == "xyz");
  CHECK(xml_text("bad\xFF!") == "bad\xEF\xBF\xBD!");
  CHECK(xml_text("trunc\xE6\xB5") == "trunc\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(xml_text("overlong\xC0\xAF") == "overlong\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(xml_text("surrogate\xED\xA0\x80") == "surrogate\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  // The repair is idempotent, which keeps a JSON round trip byte-identical.
  CHECK(xml_text(xml_text("bad\xFF")) == xml_text("bad\xFF"));
}

TEST_CASE("xml escape: xml_token is an NMTOKEN and one to one") {
  CHECK(xml_token("firm:hikvision") == "firm:hikvision");
  CHECK(xml_token("founded year") == "founded_20year");
  CHECK(xml_token("a_b") == "a_b");
  CHECK(xml_token("a_20b") == "a_5F20b");
  CHECK(xml_token("a b") == "a_20b");
  CHECK(xml_token("_") == "_5F");
  CHECK(xml_token("x_") == "x_");
  CHECK(xml_token("") == "_");
  CHECK(xml_token("person:malmstr\xC3\xB6m") == "person:malmstr\xC3\xB6m");
  CHECK(xml_token("x\xC3\x97y") == "x_C3_97y");  // the multiplication sign is not a name char
  CHECK(xml_token("\xE6\xB5\xB7") == "_E6_B5_B7");
  CHECK(xml_token("bad\xC3") == "bad_C3");
}

TEST_CASE("graphml: golden output of the nasty graph") {
  testing::check_golden("nasty.graphml", graphml(testing::nasty_graph()));
}

TEST_CASE("graphml: golden output of a built graph") {
  testing::check_golden("built.graphml", graphml(testing::built_graph()));
}

TEST_CASE("graphml: keys come first, sorted, with v_/e_ ids, NMTOKEN names and allowed types") {
  const std::string out = graphml(testing::nasty_graph());
  REQUIRE(out.find("<key ") < out.find("<graph "));
  CHECK(out.rfind("<key ") < out.find("<graph "));
  CHECK(out.find("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"") != std::string::npos);
  CHECK(out.find("edgedefault=\"directed\"") != std::string::npos);
  const std::regex key(
      R"re(<key id="([^"]*)" for="([^"]*)" attr.name="([^"]*)" attr.type="([^"]*)"/>)re");
  std::vector<std::string> node_names, edge_names;
  for (auto it = std::sregex_iterator(out.begin(), out.end(), key); it != std::sregex_iterator();
       ++it) {
    const std::string id = (*it)[1], domain = (*it)[2], name = (*it)[3], type = (*it)[4];
    CHECK(std::regex_match(name, std::regex(R"([A-Za-z0-9._:\-]+)")));
    CHECK(name != "id");
    CHECK((type == "string" || type == "int"));
    REQUIRE((domain == "node" || domain == "edge"));
    CHECK(id == (domain == "node" ? "v_" : "e_") + name);
    (domain == "node" ? node_names : edge_names).push_back(name);
  }
  CHECK(std::is_sorted(node_names.begin(), node_names.end()));
  CHECK(std::is_sorted(edge_names.begin(), edge_names.end()));
  CHECK(node_names == std::vector<std::string>{"aliases", "attr_attr_name", "attr_id", "attr_label",
                                               "country", "founded_20year", "label", "name", "note",
                                               "sources", "type"});
  CHECK(edge_names == std::vector<std::string>{"agent", "attr_id", "attr_weight", "count", "date",
                                               "evidence", "interaction", "role", "sources", "type",
                                               "weight"});
}

TEST_CASE("graphml: values are written per element, empty ones left out, weight at least 1") {
  KnowledgeGraph g;
  const Vertex a = g.add_node(
      {"a", "A", "firm", {"A1", "A2"}, {}, {{"d2", "", 0, 0, ""}, {"d1", "", 0, 0, ""}}});
  const Vertex b = g.add_node({"b", "B", "", {}, {}, {}});
  g.add_edge(a, b, {"part-of", "", {}, {}});
  const std::string out = graphml(g);
  CHECK(out.find("<default") == std::string::npos);
  CHECK(out.find("    <node id=\"a\">\n"
                 "      <data key=\"v_aliases\">A1|A2</data>\n"
                 "      <data key=\"v_label\">A</data>\n"
                 "      <data key=\"v_name\">A</data>\n"
                 "      <data key=\"v_sources\">d1|d2</data>\n"
                 "      <data key=\"v_type\">firm</data>\n"
                 "    </node>\n") != std::string::npos);
  CHECK(out.find("    <node id=\"b\">\n"
                 "      <data key=\"v_label\">B</data>\n"
                 "      <data key=\"v_name\">B</data>\n"
                 "    </node>\n") != std::string::npos);
  CHECK(out.find("    <edge id=\"e0\" source=\"a\" target=\"b\">\n"
                 "      <data key=\"e_interaction\">part-of</data>\n"
                 "      <data key=\"e_type\">part-of</data>\n"
                 "      <data key=\"e_weight\">1</data>\n"
                 "    </edge>\n") != std::string::npos);
}

TEST_CASE("graphml: evidence holds distinct non-empty sentences in order") {
  KnowledgeGraph g;
  const Vertex a = g.add_node({"a", "A", "firm", {}, {}, {}});
  g.add_edge(a, a,
             {"condemns",
              "2020",
              {},
              {{"d", "S1.", 0, 3, ""},
               {"d", "", 0, 0, ""},
               {"e", "S2.", 0, 3, ""},
               {"e", "S1.", 9, 12, ""}}});
  const std::string out = graphml(g);
  CHECK(out.find("<data key=\"e_evidence\">S1. | S2.</data>") != std::string::npos);
  CHECK(out.find("<data key=\"e_weight\">4</data>") != std::string::npos);
  CHECK(out.find("<data key=\"e_sources\">d|e</data>") != std::string::npos);
  CHECK(out.find("<data key=\"e_date\">2020</data>") != std::string::npos);
}

TEST_CASE("graphml: an empty graph is still a valid document") {
  CHECK(
      graphml(KnowledgeGraph()) ==
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
      " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
      " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
      " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
      "  <key id=\"v_aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
      "  <key id=\"v_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"v_name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
      "  <key id=\"v_sources\" for=\"node\" attr.name=\"sources\" attr.type=\"string\"/>\n"
      "  <key id=\"v_type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
      "  <key id=\"e_date\" for=\"edge\" attr.name=\"date\" attr.type=\"string\"/>\n"
      "  <key id=\"e_evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n"
      "  <key id=\"e_interaction\" for=\"edge\" attr.name=\"interaction\" attr.type=\"string\"/>\n"
      "  <key id=\"e_sources\" for=\"edge\" attr.name=\"sources\" attr.type=\"string\"/>\n"
      "  <key id=\"e_type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
      "  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
      "  <graph id=\"factgraph\" edgedefault=\"directed\">\n"
      "  </graph>\n"
      "</graphml>\n");
}

TEST_CASE("graphml: output larger than one chunk is written whole") {
  KnowledgeGraph g;
  const Vertex a = g.add_node({"a", "A", "firm", {}, {}, {}});
  for (int i = 0; i < 3000; ++i) g.add_edge(a, a, {"part-of", "", {}, {{"d", "", 0, 0, ""}}});
  const std::string out = graphml(g);
  CHECK(out.size() > (std::size_t{1} << 17));
  CHECK(out.find("<edge id=\"e2999\"") != std::string::npos);
  CHECK(out.ends_with("  </graph>\n</graphml>\n"));
}

}  // namespace
}  // namespace factgraph::exporters
