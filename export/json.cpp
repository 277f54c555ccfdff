// factgraph's own graph JSON (docs/graph-json.md): every field of the model, one document, node or
// edge per line so diffs stay readable, empty fields left out. ingest/graph_json.cpp reads it.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <tuple>
#include <vector>

#include "export/escape.hpp"
#include "export/exporters.hpp"
#include "export/ordered_writer.hpp"

namespace factgraph::exporters {
namespace {

// rapidjson writes a StringBuffer through its reserve-then-copy fast path; a stream of our own
// would take one call per character.
using JsonWriter =
    rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>,
                      rapidjson::CrtAllocator, rapidjson::kWriteValidateEncodingFlag>;

// Writes one element (a document, node or edge) at a time; each is a complete JSON value of its
// own, and the separators around it are the caller's. One per thread.
class ElementWriter {
 public:
  ElementWriter() : json_(element_) {}

  void document(std::string& out, const DocumentInfo& doc) {
    start_element();
    json_.StartObject();
    json_.Key("id");
    string(doc.id);
    member("title", doc.title);
    member("date", doc.date);
    member("source", doc.source);
    member("url", doc.url);
    json_.EndObject();
    end_element(out);
  }

  void node(std::string& out, const Node& node) {
    start_element();
    json_.StartObject();
    json_.Key("id");
    string(node.id);
    member("label", node.label);
    member("type", node.type);
    member("aliases", node.aliases);
    member("attributes", node.attributes);
    member("mentions", node.mentions);
    json_.EndObject();
    end_element(out);
  }

  void edge(std::string& out, const std::string& source, const std::string& target,
            const Edge& edge) {
    start_element();
    json_.StartObject();
    json_.Key("source");
    string(source);
    json_.Key("target");
    string(target);
    member("type", edge.type);
    member("date", edge.date);
    member("attributes", edge.attributes);
    member("evidence", edge.evidence);
    json_.EndObject();
    end_element(out);
  }

 private:
  void start_element() {
    element_.Clear();
    json_.Reset(element_);
  }
  void end_element(std::string& out) { out.append(element_.GetString(), element_.GetSize()); }

  // Invalid UTF-8 would make the writer fail and the file unreadable: it is repaired first.
  void string(std::string_view value) {
    scratch_.clear();
    append_valid_utf8(scratch_, value);
    json_.String(scratch_.data(), static_cast<rapidjson::SizeType>(scratch_.size()));
  }

  void member(const char* key, std::string_view value) {
    if (value.empty()) return;
    json_.Key(key);
    string(value);
  }

  void member(const char* key, std::size_t value) {
    if (value == 0) return;
    json_.Key(key);
    json_.Uint64(value);
  }

  void member(const char* key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    json_.Key(key);
    json_.StartArray();
    for (const std::string& value : values) string(value);
    json_.EndArray();
  }

  void member(const char* key, const AttributeList& attributes) {
    if (attributes.empty()) return;
    json_.Key(key);
    json_.StartObject();
    for (const auto& [name, value] : attributes) {
      string(name);
      string(value);
    }
    json_.EndObject();
  }

  void member(const char* key, const std::vector<Citation>& evidence) {
    if (evidence.empty()) return;
    json_.Key(key);
    json_.StartArray();
    for (const Citation& e : evidence) {
      json_.StartObject();
      member("document", e.document);
      member("sentence", e.sentence);
      member("begin", e.begin);
      member("end", e.end);
      member("rule", e.rule);
      json_.EndObject();
    }
    json_.EndArray();
  }

  rapidjson::StringBuffer element_;
  JsonWriter json_;
  std::string scratch_;
};

}  // namespace

void write_json(std::ostream& out, const KnowledgeGraph& graph, unsigned threads) {
  out << "{\"factgraph\":1,\n\"documents\":[";
  auto separator_before = [](std::size_t index) { return index == 0 ? "\n" : ",\n"; };
  const std::vector<DocumentInfo>& documents = graph.documents();
  constexpr std::size_t kDocumentsPerBlock = 2048;
  write_in_order(out, documents.size(), kDocumentsPerBlock, threads,
                 [&](std::size_t begin, std::size_t end, std::string& text) {
                   ElementWriter writer;
                   for (std::size_t i = begin; i < end; ++i) {
                     text += separator_before(i);
                     writer.document(text, documents[i]);
                   }
                 });
  out << "],\n\"nodes\":[";

  // A node's cost is mostly its mentions (each with its sentence), and a hub has tens of
  // thousands where most have a few: blocks are cut by mentions, not by nodes.
  constexpr std::size_t kNodesPerBlock = 1024;
  constexpr std::size_t kMentionsPerBlock = 1024;
  const std::vector<std::size_t> node_blocks =
      weighted_blocks(graph.node_count(), kNodesPerBlock, kMentionsPerBlock, [&](std::size_t v) {
        return 1 + graph.node(v).mentions.size();
      });
  write_in_order(out, node_blocks, threads,
                 [&](std::size_t begin, std::size_t end, std::string& text) {
                   ElementWriter writer;
                   for (Vertex v = begin; v < end; ++v) {
                     text += separator_before(v);
                     writer.node(text, graph.node(v));
                   }
                 });
  out << "],\n\"edges\":[";

  const Graph& g = graph.graph();
  const EdgeSequence edges(g);
  constexpr std::size_t kEdgesPerBlock = 2048;
  // weighted_blocks asks for each weight once, in order, and edges in output order are each
  // vertex's out-edges in turn: a cursor walks them.
  Vertex v = 0;
  Graph::out_edge_iterator at, last;
  if (graph.node_count() > 0) std::tie(at, last) = boost::out_edges(v, g);
  const std::vector<std::size_t> edge_blocks =
      weighted_blocks(edges.size(), kEdgesPerBlock, kEdgesPerBlock, [&](std::size_t) {
        while (at == last) std::tie(at, last) = boost::out_edges(++v, g);
        return 1 + g[*at++].evidence.size();
      });
  write_in_order(out, edge_blocks, threads,
                 [&](std::size_t begin, std::size_t end, std::string& text) {
                   ElementWriter writer;
                   auto write = [&](std::size_t index, EdgeRef e) {
                     text += separator_before(index);
                     writer.edge(text, graph.node(boost::source(e, g)).id,
                                 graph.node(boost::target(e, g)).id, graph.edge(e));
                   };
                   edges.for_each(begin, end, write);
                 });
  out << "]}\n";
}

}  // namespace factgraph::exporters
