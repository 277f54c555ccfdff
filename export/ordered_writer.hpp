#pragma once
// Internal to export/: the writers' big loops cut into blocks that several threads format at once,
// written in order, so the bytes are those of a single-threaded run.

#include <algorithm>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace factgraph::exporters {

/// Appends the text of items [begin, end) to `text`. Must not touch state shared with other calls:
/// blocks are formatted concurrently.
using FormatBlock = std::function<void(std::size_t begin, std::size_t end, std::string& text)>;

/// Writes items [0, count) to `out`, in order, `block` items per call of `format`. With `threads` >
/// 1, that many threads (the caller included) format blocks ahead of the write, at most two blocks
/// per thread at a time, so memory stays bounded by the largest blocks. An exception from `format`
/// stops the work and is rethrown here, after every thread has joined.
void write_in_order(std::ostream& out, std::size_t count, std::size_t block, unsigned threads,
                    const FormatBlock& format);

/// The same with blocks of any size: block k is [block_ends[k - 1], block_ends[k]) (block 0 starts
/// at 0), so `block_ends` is ascending and its last value is the count. Blocks of uneven cost
/// get more formatted ahead: up to sixteen per thread.
void write_in_order(std::ostream& out, const std::vector<std::size_t>& block_ends,
                    unsigned threads, const FormatBlock& format);

/// Ends of blocks for write_in_order that hold items [0, count) in order, each closed once its
/// items' `weight`s reach `target` or it holds `max_items`: a hub node with a hundred thousand
/// mentions then fills a block alone instead of making its neighbours' block the one every
/// thread waits for. `weight` is called once for each item, in order.
[[nodiscard]] std::vector<std::size_t> weighted_blocks(
    std::size_t count, std::size_t max_items, std::size_t target,
    const std::function<std::size_t(std::size_t index)>& weight);

/// The edges of a graph in output order (by source vertex, then out-edge order, as
/// KnowledgeGraph::edges_in_order), addressed by position so that blocks of them can be formatted
/// apart.
class EdgeSequence {
 public:
  explicit EdgeSequence(const Graph& g);
  [[nodiscard]] std::size_t size() const { return first_.back(); }

  /// Calls `visit(index, edge)` for the edges at positions [begin, end), and `ahead(edge)` for the
  /// edge `lookahead` positions further on while there is one, so a writer can ask the memory for
  /// what it will read there.
  template <class Visit, class Ahead>
  void for_each(std::size_t begin, std::size_t end, std::size_t lookahead, Visit visit,
                Ahead ahead) const {
    Cursor at = cursor(begin, end);
    Cursor early = cursor(std::min(begin + lookahead, end), end);
    for (std::size_t i = begin; i < end; ++i) {
      if (early.index < end) ahead(early.next(*g_));
      visit(i, at.next(*g_));
    }
  }
  /// The same without looking ahead.
  template <class Visit>
  void for_each(std::size_t begin, std::size_t end, Visit visit) const {
    Cursor at = cursor(begin, end);
    for (std::size_t i = begin; i < end; ++i) visit(i, at.next(*g_));
  }

 private:
  struct Cursor {
    Vertex v;
    Graph::out_edge_iterator it, last;
    std::size_t index;
    EdgeRef next(const Graph& g);
  };
  [[nodiscard]] Cursor cursor(std::size_t index, std::size_t end) const;

  const Graph* g_;
  std::vector<std::size_t> first_;  // first_[v]: position of v's first out-edge; then the count
};

}  // namespace factgraph::exporters
