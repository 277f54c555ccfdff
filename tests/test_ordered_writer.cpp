#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <vector>

#include "export/exporters.hpp"
#include "export/ordered_writer.hpp"
#include "tests/export_fixtures.hpp"

namespace factgraph::exporters {
namespace {

// prefix + i + suffix, built by appending (g++ 12 warns, wrongly, on chains of operator+).
std::string numbered(std::string_view prefix, std::size_t i, std::string_view suffix = "") {
  std::string out(prefix);
  out += std::to_string(i);
  out += suffix;
  return out;
}

std::string numbers(std::size_t count, std::size_t block, unsigned threads) {
  std::ostringstream out;
  write_in_order(out, count, block, threads,
                 [](std::size_t begin, std::size_t end, std::string& text) {
                   for (std::size_t i = begin; i < end; ++i) text += numbered("", i, ",");
                 });
  return out.str();
}

TEST_CASE("write_in_order: blocks land in order whatever the number of threads") {
  for (std::size_t count : {0, 1, 10, 997}) {
    std::string expected;
    for (std::size_t i = 0; i < count; ++i) expected += numbered("", i, ",");
    for (std::size_t block : {1, 3, 64, 5000})
      for (unsigned threads : {1u, 2u, 4u}) {
        CAPTURE(count);
        CAPTURE(block);
        CAPTURE(threads);
        CHECK(numbers(count, block, threads) == expected);
      }
  }
}

TEST_CASE(
    "write_in_order: an error in one block reaches the caller and "
    "nothing after it is written") {
  for (unsigned threads : {1u, 2u, 4u}) {
    CAPTURE(threads);
    std::ostringstream out;
    auto format = [](std::size_t begin, std::size_t end, std::string& text) {
      if (begin == 40) throw std::runtime_error("block 40 failed");
      for (std::size_t i = begin; i < end; ++i) text += 'x';
    };
    CHECK_THROWS_WITH_AS(write_in_order(out, 100, 10, threads, format), "block 40 failed",
                         std::runtime_error);
    CHECK(out.str().size() <= 40);
  }
}

TEST_CASE("write_in_order: blocks of any size land in order whatever the number of threads") {
  std::string expected;
  for (std::size_t i = 0; i < 50; ++i) expected += numbered("", i, ",");
  const std::vector<std::size_t> ends = {1, 2, 30, 31, 32, 33, 49, 50};
  for (unsigned threads : {1u, 2u, 4u}) {
    CAPTURE(threads);
    std::ostringstream out;
    write_in_order(out, ends, threads, [](std::size_t begin, std::size_t end, std::string& text) {
      for (std::size_t i = begin; i < end; ++i) text += numbered("", i, ",");
    });
    CHECK(out.str() == expected);
  }
}

TEST_CASE("weighted_blocks: a heavy item stands alone, light ones fill a block up to the target") {
  const std::vector<std::size_t> weights = {1, 1, 1, 100, 1, 1, 1, 1, 1, 1, 5, 1};
  auto weight = [&](std::size_t i) { return weights[i]; };
  CHECK(weighted_blocks(weights.size(), 100, 4, weight) ==
        std::vector<std::size_t>{3, 4, 8, 10, 11, 12});
  // At most max_items in a block whatever their weight.
  CHECK(weighted_blocks(weights.size(), 2, 1000, weight) ==
        std::vector<std::size_t>{2, 4, 6, 8, 10, 12});
  CHECK(weighted_blocks(0, 10, 10, weight).empty());
  CHECK(weighted_blocks(1, 10, 10, weight) == std::vector<std::size_t>{1});
}

TEST_CASE("write_in_order: a stream that fails stops the work, whichever thread writes") {
  // Takes `room` bytes, then throws as a full disk would through a stream that reports errors.
  struct FullDisk : std::streambuf {
    std::size_t room = 0;
    std::streamsize xsputn(const char*, std::streamsize n) override {
      if (static_cast<std::size_t>(n) > room) throw std::runtime_error("disk full");
      room -= static_cast<std::size_t>(n);
      return n;
    }
    int_type overflow(int_type) override { throw std::runtime_error("disk full"); }
  };
  for (unsigned threads : {1u, 2u, 4u}) {
    CAPTURE(threads);
    FullDisk disk;
    disk.room = 500;
    std::ostream out(&disk);
    out.exceptions(std::ios::badbit);
    auto format = [](std::size_t begin, std::size_t end, std::string& text) {
      text.append(end - begin, 'x');
    };
    CHECK_THROWS_WITH_AS(write_in_order(out, 10000, 100, threads, format), "disk full",
                         std::runtime_error);
  }
}

// Vertices 0, 2, 3 and 7 have no out-edges: a block may start or end on either side of them.
KnowledgeGraph graph_with_gaps() {
  KnowledgeGraph g;
  for (std::size_t i = 0; i < 8; ++i)
    g.add_node({numbered("n", i), numbered("N", i), "firm", {}, {}, {}});
  const std::vector<std::pair<Vertex, Vertex>> links = {{1, 0}, {1, 2}, {1, 3}, {4, 5},
                                                        {5, 6}, {5, 1}, {6, 6}, {6, 7}};
  for (const auto& [from, to] : links) g.add_edge(from, to, {"part-of", "", {}, {}});
  return g;
}

TEST_CASE("EdgeSequence: any range of positions gives the edges of edges_in_order") {
  const KnowledgeGraph graph = graph_with_gaps();
  const std::vector<EdgeRef> expected = graph.edges_in_order();
  const EdgeSequence edges(graph.graph());
  REQUIRE(edges.size() == expected.size());
  for (std::size_t begin = 0; begin <= expected.size(); ++begin)
    for (std::size_t end = begin; end <= expected.size(); ++end) {
      std::vector<std::size_t> positions;
      std::vector<EdgeRef> seen, early;
      edges.for_each(
          begin, end, 2,
          [&](std::size_t i, EdgeRef e) {
            positions.push_back(i);
            seen.push_back(e);
          },
          [&](EdgeRef e) { early.push_back(e); });
      REQUIRE(seen.size() == end - begin);
      for (std::size_t k = 0; k < seen.size(); ++k) {
        CHECK(positions[k] == begin + k);
        CHECK(seen[k] == expected[begin + k]);
      }
      // The look-ahead runs two positions ahead and stops at the end of the range.
      const std::size_t lookahead_begin = std::min(begin + 2, end);
      REQUIRE(early.size() == end - lookahead_begin);
      for (std::size_t k = 0; k < early.size(); ++k)
        CHECK(early[k] == expected[lookahead_begin + k]);
    }
}

// Enough nodes and edges for many blocks, hubs and vertices without out-edges among them.
KnowledgeGraph many_blocks_graph() {
  KnowledgeGraph g;
  constexpr std::size_t kNodes = 5000;
  for (std::size_t i = 0; i < kNodes; ++i)
    g.add_node({numbered("firm:", i),
                numbered("Firm \"", i, "\" & Co."),
                i % 7 == 0 ? "region" : "firm",
                {numbered("F", i)},
                {},
                {}});
  for (std::size_t i = 0; i < 12000; ++i) {
    const auto from = static_cast<Vertex>((i * 7919) % kNodes / 3 * 3);
    const auto to = static_cast<Vertex>((i * 104729 + 1) % kNodes);
    Edge edge{i % 2 ? "located-in" : "added-to-list",
              i % 3 ? numbered("2019-10-0", i % 9 + 1) : "",
              {},
              {}};
    edge.evidence.push_back({Text(numbered("doc-", i % 11)),
                             Text(numbered("Sentence <", i % 97, ">.")), 0, 10, Text("rule")});
    g.add_edge(from, to, std::move(edge));
  }
  return g;
}

TEST_CASE("every exporter writes the same bytes on one thread and on several") {
  for (const KnowledgeGraph& graph : {many_blocks_graph(), testing::nasty_graph()}) {
    auto all = [&](unsigned threads) {
      std::vector<std::string> outputs;
      auto add = [&](auto write) {
        std::ostringstream out;
        write(out);
        outputs.push_back(out.str());
      };
      add([&](std::ostream& out) { write_graphml(out, graph, threads); });
      add([&](std::ostream& out) { write_json(out, graph, threads); });
      add([&](std::ostream& out) { write_gexf(out, graph, threads); });
      add([&](std::ostream& out) { write_dot(out, graph, {}, threads); });
      return outputs;
    };
    const std::vector<std::string> serial = all(1);
    CHECK(serial == all(2));
    CHECK(serial == all(3));
  }
}

}  // namespace
}  // namespace factgraph::exporters
