// factgraph's own graph JSON (docs/graph-json.md): every field of the model, one document, node or
// edge per line so diffs stay readable, empty fields left out. ingest/graph_json.cpp reads it.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>

#include "export/escape.hpp"
#include "export/exporters.hpp"

namespace factgraph::exporters {
namespace {

// rapidjson writes a StringBuffer through its reserve-then-copy fast path; a stream of our own
// would take one call per character.
using JsonWriter =
    rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>,
                      rapidjson::CrtAllocator, rapidjson::kWriteValidateEncodingFlag>;

class JsonExporter {
 public:
  JsonExporter(std::ostream& out, const KnowledgeGraph& graph)
      : graph_(graph), chunks_(out), json_(element_) {}

  void write() {
    std::string& text = chunks_.text();
    text += "{\"factgraph\":1,\n\"documents\":[";
    const char* separator = "\n";
    for (const DocumentInfo& doc : graph_.documents()) {
      text += separator;
      separator = ",\n";
      start_element();
      json_.StartObject();
      json_.Key("id");
      string(doc.id);
      member("title", doc.title);
      member("date", doc.date);
      member("source", doc.source);
      member("url", doc.url);
      json_.EndObject();
      end_element();
    }
    text += "],\n\"nodes\":[";
    separator = "\n";
    for (Vertex v = 0; v < graph_.node_count(); ++v) {
      text += separator;
      separator = ",\n";
      write_node(graph_.node(v));
      chunks_.maybe_flush();
    }
    text += "],\n\"edges\":[";
    separator = "\n";
    const Graph& g = graph_.graph();
    for (const EdgeRef e : graph_.edges_in_order()) {
      text += separator;
      separator = ",\n";
      write_edge(graph_.node(boost::source(e, g)).id, graph_.node(boost::target(e, g)).id,
                 graph_.edge(e));
      chunks_.maybe_flush();
    }
    text += "]}\n";
    chunks_.finish();
  }

 private:
  // Each element is a complete JSON value of its own; the separators around it are ours.
  void start_element() {
    element_.Clear();
    json_.Reset(element_);
  }
  void end_element() { chunks_.text().append(element_.GetString(), element_.GetSize()); }

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

  void write_node(const Node& node) {
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
    end_element();
  }

  void write_edge(const std::string& source, const std::string& target, const Edge& edge) {
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
    end_element();
  }

  const KnowledgeGraph& graph_;
  ChunkedWriter chunks_;
  rapidjson::StringBuffer element_;
  JsonWriter json_;
  std::string scratch_;
};

}  // namespace

void write_json(std::ostream& out, const KnowledgeGraph& graph) {
  JsonExporter(out, graph).write();
}

}  // namespace factgraph::exporters
