#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "export/exporters.hpp"
#include "tests/export_fixtures.hpp"

namespace factgraph::exporters {
namespace {

std::string gexf(const KnowledgeGraph& graph) {
  std::ostringstream out;
  write_gexf(out, graph);
  return out.str();
}

std::vector<std::string> all_matches(const std::string& text, const std::regex& pattern) {
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern);
       it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

TEST_CASE("gexf: golden output of the nasty graph") {
  testing::check_golden("nasty.gexf", gexf(testing::nasty_graph()));
}

TEST_CASE("gexf: golden output of a built graph") {
  testing::check_golden("built.gexf", gexf(testing::built_graph()));
}

TEST_CASE("gexf: header, meta before graph, no xsi attributes") {
  const std::string out = gexf(testing::nasty_graph());
  CHECK(out.starts_with(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n"
      "  <meta>\n"));
  CHECK(out.find("<meta>") < out.find("<graph "));
  CHECK(out.find("xsi:") == std::string::npos);
}

TEST_CASE("gexf: edges are directed, carry kind and relation, weight above 0") {
  const std::string out = gexf(testing::nasty_graph());
  const std::vector<std::string> types =
      all_matches(out, std::regex(R"re(<edge [^>]* type="([^"]*)")re"));
  CHECK(types.size() == 9);
  CHECK(std::set<std::string>(types.begin(), types.end()) == std::set<std::string>{"directed"});
  const std::vector<std::string> weights = all_matches(out, std::regex(R"re(weight="([^"]*)")re"));
  CHECK(weights.size() == 9);
  for (const std::string& w : weights) CHECK(std::stod(w) > 0);
  CHECK(all_matches(out, std::regex(R"re(kind="([^"]*)")re")).size() == 9);
  CHECK(all_matches(out, std::regex(R"re(<attvalue for="e_relation" value="([^"]*)")re")).size() ==
        9);
  CHECK(out.find("kind=\"negotiates-with\" weight=\"1\">") != std::string::npos);
}

TEST_CASE("gexf: no attribute is titled id, label or weight, every attvalue is declared") {
  const std::string out = gexf(testing::nasty_graph());
  const std::vector<std::string> titles = all_matches(out, std::regex(R"re(title="([^"]*)")re"));
  for (const std::string& title : titles) {
    CHECK(title != "id");
    CHECK(title != "label");
    CHECK(title != "weight");
  }
  CHECK(std::count(titles.begin(), titles.end(), "attr_weight") == 1);
  const std::vector<std::string> declared =
      all_matches(out, std::regex(R"re(<attribute id="([^"]*)")re"));
  const std::set<std::string> declared_set(declared.begin(), declared.end());
  CHECK(declared_set.size() == declared.size());
  for (const std::string& id : all_matches(out, std::regex(R"re(<attvalue for="([^"]*)")re")))
    CHECK(declared_set.count(id) == 1);
}

TEST_CASE("gexf: node ids are unique and every edge endpoint exists") {
  const std::string out = gexf(testing::nasty_graph());
  const std::vector<std::string> ids = all_matches(out, std::regex(R"re(<node id="([^"]*)")re"));
  const std::set<std::string> id_set(ids.begin(), ids.end());
  CHECK(ids.size() == 10);
  CHECK(id_set.size() == ids.size());
  for (const std::string& end : all_matches(out, std::regex(R"re( (?:source|target)="([^"]*)")re")))
    CHECK(id_set.count(end) == 1);
}

TEST_CASE("gexf: only real full dates go on the timeline") {
  const std::string out = gexf(testing::nasty_graph());
  CHECK(out.find("<graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">") !=
        std::string::npos);
  CHECK(all_matches(out, std::regex(R"re( start="([^"]*)")re")) ==
        std::vector<std::string>{"2019-10-08", "2020-02-29"});

  KnowledgeGraph g;
  const Vertex a = g.add_node({"a", "A", "firm", {}, {}, {}});
  for (const char* date : {"2019", "2019-10", "2019-13-01", "2019-02-29", "0000-01-01", "2019-1-01",
                           "2019-01-32", "2019/01/01", ""})
    g.add_edge(a, a, {"part-of", date, {}, {{"d", "", 0, 0, ""}}});
  const std::string static_out = gexf(g);
  CHECK(static_out.find("<graph defaultedgetype=\"directed\" mode=\"static\">") !=
        std::string::npos);
  CHECK(static_out.find(" start=") == std::string::npos);
  CHECK(static_out.find("<attvalue for=\"e_date\" value=\"2019-02-29\"/>") != std::string::npos);
}

TEST_CASE("gexf: colours are integer r g b per node type and relation") {
  const std::string out = gexf(testing::nasty_graph());
  CHECK(out.find("<node id=\"firm:hikvision\" label=\"Hangzhou Hikvision &lt;Digital&gt; &amp; "
                 "&quot;Technology&quot;\">") != std::string::npos);
  CHECK(out.find("        <viz:color r=\"166\" g=\"206\" b=\"227\"/>\n      </node>") !=
        std::string::npos);
  CHECK(out.find("        <viz:color r=\"227\" g=\"26\" b=\"28\"/>\n      </edge>") !=
        std::string::npos);
  CHECK(out.find("hex=") == std::string::npos);
}

}  // namespace
}  // namespace factgraph::exporters
