#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "export/escape.hpp"
#include "export/exporters.hpp"
#include "tests/export_fixtures.hpp"

namespace factgraph::exporters {
namespace {

std::string dot_string(std::string_view s) {
  std::string out;
  append_dot_string(out, s);
  return out;
}

std::string dot(const KnowledgeGraph& graph, const DotOptions& options = {}) {
  std::ostringstream out;
  write_dot(out, graph, options);
  return out.str();
}

std::size_t count(const std::string& text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

TEST_CASE("dot escape: quotes, backslashes and newlines") {
  CHECK(dot_string("plain") == "\"plain\"");
  CHECK(dot_string("") == "\"\"");
  CHECK(dot_string("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(dot_string("back\\slash \\N \\n") == "\"back\\\\slash \\\\N \\\\n\"");
  CHECK(dot_string("one\ntwo") == "\"one\\ntwo\"");
  CHECK(dot_string("cr\r\nlf") == "\"cr\\nlf\"");
  CHECK(dot_string("tab\there") == "\"tab\there\"");
  CHECK(dot_string("ctl\x01!") == "\"ctl!\"");
  CHECK(dot_string("<&>") == "\"<&>\"");
  CHECK(dot_string("Malmstr\xC3\xB6m") == "\"Malmstr\xC3\xB6m\"");
  CHECK(dot_string("bad\xFF") == "\"bad\xEF\xBF\xBD\"");
  CHECK(dot_string("trailing\\") == "\"trailing\\\\\"");
}

TEST_CASE("dot: golden output with legend and edge labels") {
  testing::check_golden("nasty.dot", dot(testing::nasty_graph()));
}

TEST_CASE("dot: golden output without legend and edge labels") {
  DotOptions options;
  options.legend = false;
  options.edge_labels = false;
  testing::check_golden("nasty-plain.dot", dot(testing::nasty_graph(), options));
}

TEST_CASE("dot: golden output clustered by type") {
  DotOptions options;
  options.cluster = DotOptions::Cluster::kType;
  testing::check_golden("nasty-cluster-type.dot", dot(testing::nasty_graph(), options));
}

TEST_CASE("dot: golden output clustered by region") {
  DotOptions options;
  options.cluster = DotOptions::Cluster::kRegion;
  options.legend = false;
  testing::check_golden("nasty-cluster-region.dot", dot(testing::nasty_graph(), options));
}

TEST_CASE("dot: golden output of a built graph") {
  testing::check_golden("built.dot", dot(testing::built_graph()));
}

TEST_CASE("dot: a digraph, never strict, every statement quoted") {
  const std::string out = dot(testing::nasty_graph());
  CHECK(out.starts_with("digraph \"factgraph\" {\n"));
  CHECK(out.find("strict") == std::string::npos);
  CHECK(out.find("\n  \"node\" [label=\"node\"") != std::string::npos);
  CHECK(out.find("\n  \"graph\" [label=\".\"") != std::string::npos);
  CHECK(out.find("\n  \"node\" -> \"graph\" [label=\"part-of\", color=\"#666666\"];\n") !=
        std::string::npos);
  CHECK(out.find("[label=\"added-to-list\\n2019-10-08\", color=\"#e31a1c\"]") != std::string::npos);
  CHECK(out.find("[label=\"negotiates-with\\n2019-02-30\", color=\"#ff7f00\", dir=\"none\"]") !=
        std::string::npos);
}

TEST_CASE("dot: edge labels can be left out") {
  DotOptions options;
  options.edge_labels = false;
  const std::string out = dot(testing::nasty_graph(), options);
  CHECK(count(out, " -> ") == 9 + 6);  // graph edges + one legend sample per relation type
  CHECK(out.find("label=\"added-to-list\\n") == std::string::npos);
  CHECK(out.find("[color=\"#e31a1c\"];") != std::string::npos);
}

TEST_CASE("dot: the legend shows each node and relation type once and avoids real ids") {
  const std::string out = dot(testing::nasty_graph());
  CHECK(count(out, "subgraph \"cluster_legend\"") == 1);
  // A real node is called "legend:type:firm", so legend ids take a longer prefix.
  CHECK(count(out, "\"legend:type:firm\"") == 1);
  CHECK(count(out, "\"_legend:type:firm\"") == 1);
  for (const char* type :
       {"firm", "agency", "official", "person", "region", "list", "group", "militia"})
    CHECK(count(out, "\"_legend:type:" + std::string(type) + "\"") == 1);
  for (const char* relation :
       {"added-to-list", "located-in", "negotiates-with", "part-of", "condemns", "threatens"})
    CHECK(count(out, "\"_legend:from:" + std::string(relation) + "\" -> \"_legend:to:") == 1);
  CHECK(count(out, "\"_legend:from:") == 2 * 6);

  DotOptions options;
  options.legend = false;
  CHECK(dot(testing::nasty_graph(), options).find("_legend:") == std::string::npos);
}

TEST_CASE("dot: region clusters hold each node once, by its first located-in edge") {
  DotOptions options;
  options.cluster = DotOptions::Cluster::kRegion;
  options.legend = false;
  const std::string out = dot(testing::nasty_graph(), options);
  const std::string xinjiang =
      "  subgraph \"cluster_region_region:xinjiang\" {\n"
      "    label=\"Xinjiang\";\n"
      "    \"firm:hikvision\" ";
  CHECK(out.find(xinjiang) != std::string::npos);
  const std::size_t us = out.find("  subgraph \"cluster_region_region:united-states\" {\n");
  REQUIRE(us != std::string::npos);
  const std::size_t us_end = out.find("  }\n", us);
  const std::string us_cluster = out.substr(us, us_end - us);
  CHECK(us_cluster.find("\"region:united-states\" [") != std::string::npos);
  CHECK(us_cluster.find("\"agency:commerce\" [") != std::string::npos);
  CHECK(us_cluster.find("\"firm:hikvision\"") == std::string::npos);
  CHECK(count(out, "\"firm:hikvision\" [") == 1);
  CHECK(count(out, "subgraph ") == 2);
}

TEST_CASE("dot: type clusters, one per type present") {
  DotOptions options;
  options.cluster = DotOptions::Cluster::kType;
  options.legend = false;
  const std::string out = dot(testing::nasty_graph(), options);
  CHECK(count(out, "subgraph \"cluster_type_") == 8);
  CHECK(out.find("  subgraph \"cluster_type_firm\" {\n    label=\"firm\";\n"
                 "    \"firm:hikvision\" [") != std::string::npos);
  CHECK(out.find("    \"legend:type:firm\" [label=\"Legend impostor\"") != std::string::npos);
}

TEST_CASE("dot: an empty graph renders, without an empty legend") {
  CHECK(dot(KnowledgeGraph()) ==
        "digraph \"factgraph\" {\n"
        "  graph [newrank=\"true\", rankdir=\"LR\", overlap=\"false\", outputorder=\"edgesfirst\","
        " splines=\"false\", fontname=\"Helvetica\"];\n"
        "  node [style=\"filled\", fontname=\"Helvetica\", fontsize=\"10\"];\n"
        "  edge [fontname=\"Helvetica\", fontsize=\"8\"];\n"
        "}\n");
}

}  // namespace
}  // namespace factgraph::exporters
