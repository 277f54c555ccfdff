#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <sstream>
#include <string>

#include "export/exporters.hpp"
#include "tests/export_fixtures.hpp"

namespace factgraph::exporters {
namespace {

std::string json(const KnowledgeGraph& graph) {
  std::ostringstream out;
  write_json(out, graph);
  return out.str();
}

TEST_CASE("json export: golden output of the nasty graph") {
  testing::check_golden("nasty.json", json(testing::nasty_graph()));
}

TEST_CASE("json export: golden output of a built graph") {
  testing::check_golden("built.json", json(testing::built_graph()));
}

TEST_CASE("json export: the output is valid JSON even from invalid UTF-8") {
  const std::string out = json(testing::nasty_graph());
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(out.data(), out.size());
  REQUIRE_FALSE(doc.HasParseError());
  REQUIRE(doc.IsObject());
  CHECK(doc["factgraph"].GetInt() == 1);
  CHECK(doc["documents"].Size() == 2);
  CHECK(doc["nodes"].Size() == 10);
  CHECK(doc["edges"].Size() == 9);
  const rapidjson::Value& weird = doc["nodes"][7];
  const std::string label(weird["label"].GetString(), weird["label"].GetStringLength());
  CHECK(label ==
        "ctl\x01 tab\t back\\slash \\N invalid\xEF\xBF\xBD\xEF\xBF\xBD bytes "
        "nonchar\xEF\xBF\xBE end");
}

TEST_CASE("json export: empty fields are left out, ids and endpoints always written") {
  KnowledgeGraph g;
  g.add_document({"d", "", "", "", ""});
  const Vertex a = g.add_node({"", "", "", {}, {}, {}});
  const Vertex b = g.add_node(
      {"b", "B", "firm", {"B2"}, {{"k", "v"}}, {{"d", "S.", 3, 5, "r"}, {"d", "", 0, 0, ""}}});
  g.add_edge(a, b, {"", "", {}, {}});
  g.add_edge(b, a, {"part-of", "2019", {{"role", ""}}, {{"d", "", 0, 7, ""}}});
  CHECK(json(g) ==
        "{\"factgraph\":1,\n"
        "\"documents\":[\n"
        "{\"id\":\"d\"}],\n"
        "\"nodes\":[\n"
        "{\"id\":\"\"},\n"
        "{\"id\":\"b\",\"label\":\"B\",\"type\":\"firm\",\"aliases\":[\"B2\"],"
        "\"attributes\":{\"k\":\"v\"},\"mentions\":[{\"document\":\"d\",\"sentence\":\"S.\","
        "\"begin\":3,\"end\":5,\"rule\":\"r\"},{\"document\":\"d\"}]}],\n"
        "\"edges\":[\n"
        "{\"source\":\"\",\"target\":\"b\"},\n"
        "{\"source\":\"b\",\"target\":\"\",\"type\":\"part-of\",\"date\":\"2019\","
        "\"attributes\":{\"role\":\"\"},\"evidence\":[{\"document\":\"d\",\"end\":7}]}]}\n");
}

TEST_CASE("json export: an empty graph") {
  CHECK(json(KnowledgeGraph()) ==
        "{\"factgraph\":1,\n\"documents\":[],\n\"nodes\":[],\n\"edges\":[]}\n");
}

}  // namespace
}  // namespace factgraph::exporters
