#pragma once
// What the exporter tests share: graphs full of strings every format must escape, and golden
// files compared byte for byte. FACTGRAPH_UPDATE_GOLDEN=1 rewrites the golden files instead of
// comparing (review the diff before committing it).

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "graph/builder.hpp"
#include "graph/knowledge_graph.hpp"

namespace factgraph::testing {

/// Ten nodes and nine edges built by hand: quotes, backslashes, newlines, tabs, `<&>`, a control
/// character, DOT keywords as ids, non-ASCII, invalid UTF-8 and U+FFFE, attribute keys named
/// like fixed columns, a node id that imitates a legend id, parallel edges, a self-loop, an edge
/// without evidence, partial and impossible dates, unknown node and relation types.
inline KnowledgeGraph nasty_graph() {
  KnowledgeGraph g;
  g.add_document({"doc-1", "Entity List \"additions\" <2019>", "2019-10-08", "Federal Register",
                  "https://example.org/a?b=1&c=2"});
  g.add_document({"doc\\2", "Malmstr\xC3\xB6m's\tstatement", "2019-10", "", ""});
  const Evidence doc1{"doc-1", "Hikvision was added to the \"Entity List\".", 10, 52,
                      "added-to-list"};
  const Evidence doc2{"doc\\2", "Line one\nline two <&> \\N", 0, 25, ""};
  const Vertex hikvision =
      g.add_node({"firm:hikvision",
                  "Hangzhou Hikvision <Digital> & \"Technology\"",
                  "firm",
                  {"Hikvision", "\xE6\xB5\xB7\xE5\xBA\xB7\xE5\xA8\x81\xE8\xA7\x86"},
                  {{"attr_name", "y"},
                   {"country", "CN"},
                   {"founded year", "2001"},
                   {"id", "x"},
                   {"label", "clash"}},
                  {doc1}});
  const Vertex commerce = g.add_node(
      {"agency:commerce", "Department of Commerce\nBureau of Industry", "agency", {}, {}, {doc1}});
  const Vertex malmstrom = g.add_node(
      {"official:malmstr\xC3\xB6m", "Cecilia Malmstr\xC3\xB6m", "official", {}, {}, {doc2}});
  const Vertex xinjiang = g.add_node({"region:xinjiang", "Xinjiang", "region", {}, {}, {}});
  const Vertex list = g.add_node({"list:entity-list", "Entity List", "list", {}, {}, {doc1}});
  const Vertex node = g.add_node({"node", "node", "person", {}, {}, {}});
  const Vertex graph = g.add_node({"graph", ".", "group", {}, {}, {}});
  const Vertex weird =
      g.add_node({"weird id/\xC3\xBC\x01 x",
                  "ctl\x01 tab\t back\\slash \\N invalid\xFF\xFE bytes nonchar\xEF\xBF\xBE end",
                  "militia",
                  {},
                  {{"note", "a\rb"}},
                  {}});
  const Vertex impostor = g.add_node({"legend:type:firm", "Legend impostor", "firm", {}, {}, {}});
  const Vertex us = g.add_node({"region:united-states", "United States", "region", {}, {}, {}});

  Evidence doc1_again = doc1;
  doc1_again.begin = 60;
  doc1_again.end = 102;
  g.add_edge(
      hikvision, list,
      {"added-to-list", "2019-10-08", {{"agent", "agency:commerce"}}, {doc1, doc1_again, doc2}});
  g.add_edge(hikvision, list, {"added-to-list", "2019-10", {}, {doc2}});
  g.add_edge(hikvision, xinjiang, {"located-in", "", {}, {doc1}});
  g.add_edge(hikvision, us, {"located-in", "", {}, {doc2}});
  g.add_edge(commerce, us, {"located-in", "", {}, {doc1}});
  g.add_edge(malmstrom, commerce,
             {"negotiates-with", "2019-02-30", {{"role", "trade \"commissioner\""}}, {doc2}});
  g.add_edge(node, graph, {"part-of", "", {{"count", "3"}, {"id", "e-x"}, {"weight", "5"}}, {}});
  g.add_edge(graph, graph, {"condemns", "2021", {}, {doc1}});
  g.add_edge(weird, node, {"threatens", "2020-02-29", {}, {doc2}});
  (void)impostor;
  return g;
}

/// A graph merged by GraphBuilder from two facts documents, as ingest produces them.
inline KnowledgeGraph built_graph() {
  GraphBuilder builder;
  FactsDocument a;
  a.info = {"2019-10-08-entity-list", "Commerce adds 28 entities", "2019-10-08", "commerce.gov",
            "https://www.commerce.gov/news"};
  a.entities = {
      {"bis", "Bureau of Industry and Security", "agency", {"BIS"}, {}, {}},
      {"hik",
       "Hangzhou Hikvision Digital Technology Co., Ltd.",
       "firm",
       {"Hikvision"},
       {{"country", "CN"}},
       {{"2019-10-08-entity-list", "BIS added Hikvision.", 0, 20, "r1"}}},
      {"el", "Entity List", "list", {}, {}, {}},
      {"xj", "Xinjiang", "region", {}, {}, {}},
  };
  a.relations = {
      {"added-to-list",
       "hik",
       "el",
       "2019-10-08",
       {{"agent", "bis"}},
       {"2019-10-08-entity-list", "BIS added Hikvision.", 0, 20, "r1"}},
      {"located-in", "Hikvision", "Xinjiang", "", {}, {"2019-10-08-entity-list", "", 0, 0, ""}},
  };
  FactsDocument b;
  b.info = {"note", "", "", "", ""};
  b.entities = {
      {"", "Hikvision", "firm", {}, {}, {}},
      {"", "Entity List", "list", {}, {}, {}},
      {"", "Cecilia Malmstr\xC3\xB6m", "official", {}, {}, {}},
  };
  b.relations = {
      {"added-to-list",
       "Hikvision",
       "Entity List",
       "2019-10-08",
       {{"agent", "bis"}},
       {"note", "Hikvision is on the list.", 5, 30, ""}},
      {"negotiates-with",
       "Cecilia Malmstr\xC3\xB6m",
       "Hikvision",
       "2019",
       {},
       {"note", "", 0, 0, ""}},
  };
  builder.add(std::move(a));
  builder.add(std::move(b));
  return builder.build();
}

/// Renders `text` for a failure message: control and non-ASCII bytes as \xHH.
inline std::string visible(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c < 0x7F) {
      out += ch;
    } else {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

/// "line N, column C" of the first difference, with both lines.
inline std::string first_difference(const std::string& expected, const std::string& actual) {
  std::size_t at = 0;
  while (at < expected.size() && at < actual.size() && expected[at] == actual[at]) ++at;
  const std::size_t newline = at == 0 ? std::string::npos : expected.rfind('\n', at - 1);
  const std::size_t begin = newline == std::string::npos ? 0 : newline + 1;
  const auto line_of = [&](const std::string& text) {
    if (begin >= text.size()) return std::string("<end of file>");
    return visible(std::string_view(text).substr(begin, text.find('\n', begin) - begin));
  };
  const auto line =
      1 + std::count(expected.begin(), expected.begin() + static_cast<long>(begin), '\n');
  std::ostringstream out;
  out << "first difference at line " << line << ", column " << (at - begin + 1)
      << "\n  expected: " << line_of(expected) << "\n  actual:   " << line_of(actual);
  return out.str();
}

/// Compares `actual` with tests/golden/`name`, or rewrites that file when FACTGRAPH_UPDATE_GOLDEN
/// is set. On a mismatch the actual output is saved in the temp directory for `diff -u`.
inline void check_golden(const std::string& name, const std::string& actual) {
  const std::filesystem::path path =
      std::filesystem::path(FACTGRAPH_SOURCE_DIR) / "tests" / "golden" / name;
  const char* update = std::getenv("FACTGRAPH_UPDATE_GOLDEN");
  if (update != nullptr && *update != '\0' && std::string_view(update) != "0") {
    std::ofstream(path, std::ios::binary) << actual;
    MESSAGE("updated " << path.string());
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    FAIL_CHECK(path.string() << ": missing; FACTGRAPH_UPDATE_GOLDEN=1 creates it");
    return;
  }
  const std::string expected(std::istreambuf_iterator<char>(in), {});
  if (expected == actual) return;
  const std::filesystem::path saved =
      std::filesystem::temp_directory_path() / ("factgraph-actual-" + name);
  std::ofstream(saved, std::ios::binary) << actual;
  FAIL_CHECK(name << " differs from its golden file: " << first_difference(expected, actual)
                  << "\n  see: diff -u " << path.string() << " " << saved.string()
                  << "\n  if the change is intended: FACTGRAPH_UPDATE_GOLDEN=1 factgraph_tests");
}

}  // namespace factgraph::testing
