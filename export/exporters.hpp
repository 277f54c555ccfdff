#pragma once
// Writers from a built graph to the formats users open elsewhere. Each writes to a stream and
// throws nothing of its own; the caller checks the stream. `threads` > 1 lets that many threads
// format parts of the output at once; the bytes are the same for any number.

#include <ostream>

#include "graph/knowledge_graph.hpp"

namespace factgraph::exporters {

/// GraphML that validates against the official schema and loads in networkx, igraph, Gephi and
/// Cytoscape (see ../shared/FORMATS.md).
void write_graphml(std::ostream& out, const KnowledgeGraph& graph, unsigned threads = 1);

struct DotOptions {
  enum class Cluster { kNone, kType, kRegion };
  bool edge_labels = true;  ///< off for big graphs, where labels make layout slow and unreadable
  Cluster cluster = Cluster::kNone;
  bool legend = true;
};
/// Graphviz DOT renderable by dot and sfdp with nothing on stderr.
void write_dot(std::ostream& out, const KnowledgeGraph& graph, const DotOptions& options = {},
               unsigned threads = 1);

/// factgraph's own lossless JSON; ingest::read_graph_json reads it back to an equal graph.
void write_json(std::ostream& out, const KnowledgeGraph& graph, unsigned threads = 1);

/// GEXF 1.3 for Gephi, with relation kinds kept apart and dates as a timeline.
void write_gexf(std::ostream& out, const KnowledgeGraph& graph, unsigned threads = 1);

}  // namespace factgraph::exporters
