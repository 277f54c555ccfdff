#pragma once
// Merges the facts of many documents into one KnowledgeGraph.

#include <memory>

#include "graph/knowledge_graph.hpp"
#include "graph/model.hpp"

namespace factgraph {

/// Merges documents as they arrive, keeping only what the graph needs, so a large input never
/// has to be held whole. Merging rules:
/// - entities of one type family (person and official are one family) whose names or aliases share
///   a normalised form (see normalize_name) become one node; aliases and mentions are unioned;
/// - a node's label is the first name it was given, its type the most specific one seen
///   (official over person), its id "<type>:<slug of label>" (suffixed "-2", "-3" on collision);
///   its attributes keep the first value given for each key;
/// - relations with the same endpoints, type and date become one edge whose evidence lists every
///   mention (symmetric types match in either direction); its attributes keep the first value.
/// The result depends only on the sequence of documents added, never on hash order or addresses.
class GraphBuilder {
 public:
  GraphBuilder();
  ~GraphBuilder();
  GraphBuilder(GraphBuilder&&) noexcept;
  GraphBuilder& operator=(GraphBuilder&&) noexcept;

  /// Merges one document. Relations whose endpoints do not resolve (see EntityResolver) are
  /// dropped; ingest reports them before they get here.
  void add(const FactsDocument& document);
  /// The graph of everything added so far; the builder is empty afterwards. Nodes are ordered by
  /// id; edges by source, target, type, date. `threads` > 1 shares the work among that many
  /// threads; the graph is the same for any number.
  [[nodiscard]] KnowledgeGraph build(unsigned threads = 1);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace factgraph
