// Reads the graph JSON export/json.cpp writes (docs/graph-json.md) back into an equal graph.
// Every value is type-checked before it is read: rapidjson's own checks are asserts, compiled
// out in release builds.

#include <rapidjson/document.h>
#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <cctype>
#include <string>

#include "ingest/json_input.hpp"

namespace factgraph::ingest {
namespace {

using rapidjson::Value;

// Stops at the first top-level key "factgraph", or as soon as the text cannot be a graph file,
// so sniffing a large input costs little more than reading its first bytes.
class TopKeyFinder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TopKeyFinder> {
 public:
  [[nodiscard]] bool found() const { return found_; }
  bool Default() { return depth_ > 0; }
  bool StartObject() {
    ++depth_;
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return --depth_ > 0; }
  bool StartArray() { return ++depth_ > 1; }
  bool EndArray(rapidjson::SizeType) {
    --depth_;
    return true;
  }
  bool Key(const char* key, rapidjson::SizeType length, bool) {
    if (depth_ == 1 && std::string_view(key, length) == "factgraph") found_ = true;
    return !found_;
  }

 private:
  int depth_ = 0;
  bool found_ = false;
};

// Where a value sits ("nodes[3].mentions[0]"). Spelled out only for an error: a large graph has
// millions of values and almost never one to report.
struct Path {
  const Path* parent = nullptr;
  std::string_view name;  // a member name; empty for an array element
  std::size_t index = 0;

  [[nodiscard]] std::string str() const {
    std::string out = parent ? parent->str() : std::string();
    if (!name.empty()) {
      if (!out.empty()) out += '.';
      out += name;
    } else if (parent) {
      out += '[' + std::to_string(index) + ']';
    }
    return out;
  }
};

Path member_path(const Path& parent, std::string_view name) { return {&parent, name, 0}; }
Path element_path(const Path& parent, std::size_t index) { return {&parent, {}, index}; }

std::string as_string(const Value& value) {
  return std::string(value.GetString(), value.GetStringLength());
}

// "Missing a name for object member." -> "missing a name for object member"
std::string parse_error_text(rapidjson::ParseErrorCode code) {
  std::string text = rapidjson::GetParseError_En(code);
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

class GraphJsonReader {
 public:
  GraphJsonReader(std::string_view file, std::vector<Diagnostic>& diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  std::optional<KnowledgeGraph> read(const Value& root) {
    if (!root.IsObject()) {
      error(Path{}, "expected an object at the top level");
      return std::nullopt;
    }
    if (!root.HasMember("factgraph")) {
      error(member_path(Path{}, "factgraph"), "missing; this is not a factgraph graph file");
      return std::nullopt;
    }
    const Value& version = root["factgraph"];
    if (!version.IsInt() || version.GetInt() != 1) {
      error(member_path(Path{}, "factgraph"), "unsupported format version; this factgraph reads version 1");
      return std::nullopt;
    }
    KnowledgeGraph graph;
    for_each_object(root, "documents", Path{}, [&](const Value& doc, const Path& path) {
      DocumentInfo info;
      read_string(doc, "id", path, info.id, true);
      read_string(doc, "title", path, info.title);
      read_string(doc, "date", path, info.date);
      read_string(doc, "source", path, info.source);
      read_string(doc, "url", path, info.url);
      graph.add_document(std::move(info));
    });
    for_each_object(root, "nodes", Path{}, [&](const Value& object, const Path& path) {
      read_node(object, path, graph);
    });
    for_each_object(root, "edges", Path{}, [&](const Value& object, const Path& path) {
      read_edge(object, path, graph);
    });
    if (errors_ > 0) return std::nullopt;
    return graph;
  }

 private:
  void error(const Path& where, std::string_view message) {
    ++errors_;
    const std::string path = where.str();
    Diagnostic d;
    d.file = file_;
    d.message = path.empty() ? std::string(message) : path + ": " + std::string(message);
    diagnostics_.push_back(std::move(d));
  }

  // Calls visit(element, path) for each object of the optional array `object[name]`.
  template <class Visit>
  void for_each_object(const Value& object, const char* name, const Path& path,
                       Visit visit) {
    if (!object.HasMember(name)) return;
    const Path array_path = member_path(path, name);
    const Value& array = object[name];
    if (!array.IsArray()) {
      error(array_path, "expected an array");
      return;
    }
    for (rapidjson::SizeType i = 0; i < array.Size(); ++i) {
      const Path item = element_path(array_path, i);
      if (array[i].IsObject())
        visit(array[i], item);
      else
        error(item, "expected an object");
    }
  }

  // Leaves `out` empty when the member is absent: the writer leaves empty strings out.
  template <class Out>  // std::string or Text
  bool read_string(const Value& object, const char* name, const Path& path, Out& out,
                   bool required = false) {
    if (!object.HasMember(name)) {
      if (required) error(member_path(path, name), "missing");
      return !required;
    }
    const Value& value = object[name];
    if (!value.IsString()) {
      error(member_path(path, name), "expected a string");
      return false;
    }
    out = as_string(value);
    return true;
  }

  void read_size(const Value& object, const char* name, const Path& path, std::size_t& out) {
    if (!object.HasMember(name)) return;
    const Value& value = object[name];
    if (!value.IsUint64()) {
      error(member_path(path, name), "expected a non-negative integer");
      return;
    }
    out = static_cast<std::size_t>(value.GetUint64());
  }

  void read_strings(const Value& object, const char* name, const Path& path,
                    std::vector<std::string>& out) {
    if (!object.HasMember(name)) return;
    const Path list_path = member_path(path, name);
    const Value& list = object[name];
    if (!list.IsArray()) {
      error(list_path, "expected an array of strings");
      return;
    }
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
      if (list[i].IsString())
        out.push_back(as_string(list[i]));
      else
        error(element_path(list_path, i), "expected a string");
    }
  }

  void read_attributes(const Value& object, const Path& path, AttributeList& out) {
    if (!object.HasMember("attributes")) return;
    const Path map_path = member_path(path, "attributes");
    const Value& map = object["attributes"];
    if (!map.IsObject()) {
      error(map_path, "expected an object");
      return;
    }
    for (auto it = map.MemberBegin(); it != map.MemberEnd(); ++it) {
      const std::string key = as_string(it->name);
      if (it->value.IsString())
        out.set(key, as_string(it->value));
      else
        error(member_path(map_path, key), "expected a string");
    }
  }

  void read_evidence(const Value& object, const char* name, const Path& path,
                     std::vector<Citation>& out) {
    for_each_object(object, name, path, [&](const Value& item, const Path& item_path) {
      Citation e;
      read_string(item, "document", item_path, e.document);
      read_string(item, "sentence", item_path, e.sentence);
      read_size(item, "begin", item_path, e.begin);
      read_size(item, "end", item_path, e.end);
      read_string(item, "rule", item_path, e.rule);
      out.push_back(std::move(e));
    });
  }

  void read_node(const Value& object, const Path& path, KnowledgeGraph& graph) {
    Node node;
    const bool has_id = read_string(object, "id", path, node.id, true);
    read_string(object, "label", path, node.label);
    read_string(object, "type", path, node.type);
    read_strings(object, "aliases", path, node.aliases);
    read_attributes(object, path, node.attributes);
    read_evidence(object, "mentions", path, node.mentions);
    if (!has_id) return;
    // A node with other errors is still added, so edges to it do not report it missing too.
    if (graph.find_id(node.id)) {
      error(member_path(path, "id"), "duplicate node id '" + node.id + "'");
      return;
    }
    graph.add_node(std::move(node));
  }

  void read_edge(const Value& object, const Path& path, KnowledgeGraph& graph) {
    std::string source, target;
    Edge edge;
    const bool has_source = read_string(object, "source", path, source, true);
    const bool has_target = read_string(object, "target", path, target, true);
    read_string(object, "type", path, edge.type);
    read_string(object, "date", path, edge.date);
    read_attributes(object, path, edge.attributes);
    read_evidence(object, "evidence", path, edge.evidence);
    const std::optional<Vertex> from =
        has_source ? find_node(graph, source, path, "source") : std::nullopt;
    const std::optional<Vertex> to =
        has_target ? find_node(graph, target, path, "target") : std::nullopt;
    if (from && to) graph.add_edge(*from, *to, std::move(edge));
  }

  std::optional<Vertex> find_node(const KnowledgeGraph& graph, const std::string& id,
                                  const Path& path, const char* name) {
    std::optional<Vertex> v = graph.find_id(id);
    if (!v) error(member_path(path, name), "unknown node id '" + id + "'");
    return v;
  }

  std::string file_;
  std::vector<Diagnostic>& diagnostics_;
  std::size_t errors_ = 0;
};

}  // namespace

bool is_graph_json(std::string_view text) {
  rapidjson::MemoryStream bytes(text.data(), text.size());
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> input(bytes);
  TopKeyFinder finder;
  rapidjson::Reader reader;
  reader.Parse<rapidjson::kParseIterativeFlag>(input, finder);
  return finder.found();
}

std::optional<KnowledgeGraph> read_graph_json(std::string_view text, std::string_view file,
                                              std::vector<Diagnostic>& diagnostics) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(text.data(), text.size());
  if (document.HasParseError()) {
    const TextPosition at = position_of(text, document.GetErrorOffset());
    diagnostics.push_back({std::string(file), at.line, at.column,
                           "invalid JSON: " + parse_error_text(document.GetParseError())});
    return std::nullopt;
  }
  return GraphJsonReader(file, diagnostics).read(document);
}

}  // namespace factgraph::ingest
