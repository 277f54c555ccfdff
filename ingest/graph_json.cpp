// Reads the graph JSON export/json.cpp writes (docs/graph-json.md) back into an equal graph.
// Every value is type-checked before it is read: rapidjson's own checks are asserts, compiled
// out in release builds.

#include <rapidjson/document.h>
#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <cctype>
#include <istream>
#include <cstdint>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

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

// A rapidjson byte stream over a std::istream, read a large chunk at a time, that can still say
// on which line and column an offset it has passed lies: a graph file is read without being held.
class ChunkedInput {
 public:
  using Ch = char;
  // A UTF-8 byte order mark is passed over (offsets still count it), as rapidjson's own
  // encoded streams do.
  explicit ChunkedInput(std::istream& in) : in_(in), chunk_(kChunkSize + 1) {
    refill();
    for (const unsigned char mark : {0xEFu, 0xBBu, 0xBFu})
      if (static_cast<unsigned char>(Peek()) == mark) Take();
  }

  Ch Peek() const { return *at_; }
  Ch Take() {
    const Ch c = *at_;
    if (++at_ == end_) refill();
    return c;
  }
  std::size_t Tell() const { return chunk_offset_ + static_cast<std::size_t>(at_ - chunk_.data()); }
  // Output side of the stream concept, never used by a reader.
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }

  /// Line and column (1-based, in bytes) of `offset`, exact when it lies in the current chunk or
  /// at its end (where the parser stops on an error).
  [[nodiscard]] TextPosition position(std::size_t offset) const {
    TextPosition at;
    at.line = lines_before_ + 1;
    std::size_t line_start = line_start_;
    // An error can point back to where its token began, in the previous chunk: no newline lies
    // inside a token, so the line is the one the chunk started in.
    if (offset < chunk_offset_) {
      at.column = offset >= line_start_ ? offset - line_start_ + 1 : 1;
      return at;
    }
    const std::size_t last = std::min(offset, chunk_offset_ + size_) - chunk_offset_;
    for (std::size_t i = 0; i < last; ++i) {
      if (chunk_[i] != '\n') continue;
      ++at.line;
      line_start = chunk_offset_ + i + 1;
    }
    at.column = offset - line_start + 1;
    return at;
  }

 private:
  static constexpr std::size_t kChunkSize = std::size_t{1} << 18;

  void refill() {
    for (std::size_t i = 0; i < size_; ++i) {
      if (chunk_[i] != '\n') continue;
      ++lines_before_;
      line_start_ = chunk_offset_ + i + 1;
    }
    chunk_offset_ += size_;
    in_.read(chunk_.data(), static_cast<std::streamsize>(kChunkSize));
    size_ = static_cast<std::size_t>(in_.gcount());
    // A NUL after the data: rapidjson reads it as the end of the input.
    chunk_[size_] = '\0';
    at_ = chunk_.data();
    end_ = size_ == 0 ? at_ + 1 : at_ + size_;
  }

  std::istream& in_;
  std::vector<char> chunk_;
  std::size_t size_ = 0;
  std::size_t chunk_offset_ = 0;  // of chunk_[0] in the input
  std::size_t lines_before_ = 0;  // newlines before the chunk
  std::size_t line_start_ = 0;    // offset where the last line before the chunk starts
  const char* at_ = nullptr;
  const char* end_ = nullptr;
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

  void read_document(const Value& object, const Path& path, KnowledgeGraph& graph) {
    DocumentInfo info;
    read_string(object, "id", path, info.id, true);
    read_string(object, "title", path, info.title);
    read_string(object, "date", path, info.date);
    read_string(object, "source", path, info.source);
    read_string(object, "url", path, info.url);
    graph.add_document(std::move(info));
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

  void error(const Path& where, std::string_view message) {
    ++errors_;
    const std::string path = where.str();
    Diagnostic d;
    d.file = file_;
    d.message = path.empty() ? std::string(message) : path + ": " + std::string(message);
    diagnostics_.push_back(std::move(d));
  }

  [[nodiscard]] std::size_t errors() const { return errors_; }

 private:
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

// Streams the file: documents, nodes and edges are each built as a small rapidjson value from the
// parser's events, read into the graph and dropped, so the file is never held as one DOM (which
// took four times the file's size). The top level is checked as the events pass.
class GraphJsonHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, GraphJsonHandler> {
 public:
  GraphJsonHandler(GraphJsonReader& reader, KnowledgeGraph& graph)
      : reader_(reader), graph_(graph) {
    static constexpr std::string_view kNames[] = {"", "documents", "nodes", "edges"};
    for (int s = kDocuments; s <= kEdges; ++s) section_paths_[s] = member_path(root_, kNames[s]);
  }
  GraphJsonHandler(const GraphJsonHandler&) = delete;  // paths point into it
  GraphJsonHandler& operator=(const GraphJsonHandler&) = delete;

  bool Null() { return scalar(Value()); }
  bool Bool(bool b) { return scalar(Value(b)); }
  bool Int(int i) { return scalar(Value(i)); }
  bool Uint(unsigned u) { return scalar(Value(u)); }
  bool Int64(std::int64_t i) { return scalar(Value(i)); }
  bool Uint64(std::uint64_t u) { return scalar(Value(u)); }
  bool Double(double d) { return scalar(Value(d)); }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    if (!element_.empty()) return scalar(Value(text, length, allocator_));
    return scalar(Value(rapidjson::kStringType));
  }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    if (skip_ > 0) return true;
    if (!element_.empty()) {
      element_.back().key = Value(text, length, allocator_);
    } else if (depth_ == 1) {
      member_ = std::string(text, length);
    }
    return true;
  }
  bool StartObject() { return open(rapidjson::kObjectType); }
  bool StartArray() { return open(rapidjson::kArrayType); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }

  enum class Version { kMissing, kOne, kOther };
  [[nodiscard]] Version version() const { return version_; }
  [[nodiscard]] bool root_is_object() const { return root_is_object_; }

  /// Edges that came before the nodes they name, read once everything else is.
  void finish() {
    for (auto& [index, edge] : early_edges_)
      reader_.read_edge(edge, element_path(section_paths_[kEdges], index), graph_);
    early_edges_.clear();
  }

 private:
  enum Section { kNone, kDocuments, kNodes, kEdges };
  struct Frame {
    Value value;
    Value key;  // the member name waiting for its value, in an object
  };

  bool scalar(Value value) {
    if (skip_ > 0) return true;
    if (!element_.empty()) {
      attach(std::move(value));
    } else if (depth_ == 0) {
      root_is_object_ = false;
    } else if (depth_ == 1) {
      if (member_ == "factgraph")
        version_ = value.IsInt() && value.GetInt() == 1 ? Version::kOne : Version::kOther;
      else if (section_of(member_) != kNone)
        reader_.error(member_path(root_, member_), "expected an array");
    } else if (depth_ == 2 && section_ != kNone) {
      reader_.error(element_path(section_paths_[section_], index_++), "expected an object");
    }
    return true;
  }

  bool open(rapidjson::Type type) {
    if (skip_ > 0) {
      ++skip_;
      return true;
    }
    if (!element_.empty()) {
      element_.push_back({Value(type), Value()});
      return true;
    }
    if (depth_ == 0) {
      root_is_object_ = type == rapidjson::kObjectType;
      if (!root_is_object_) ++skip_;
      depth_ = 1;
      return true;
    }
    if (depth_ == 1) {
      const Section section = section_of(member_);
      if (member_ == "factgraph") version_ = Version::kOther;
      if (section != kNone && type != rapidjson::kArrayType)
        reader_.error(member_path(root_, member_), "expected an array");
      if (section == kNone || type != rapidjson::kArrayType) {
        ++skip_;
        return true;
      }
      section_ = section;
      index_ = 0;
      depth_ = 2;
      return true;
    }
    // An element of a section: an object is built, anything else reported and passed over.
    if (type != rapidjson::kObjectType) {
      reader_.error(element_path(section_paths_[section_], index_++), "expected an object");
      ++skip_;
      return true;
    }
    element_.push_back({Value(type), Value()});
    return true;
  }

  bool close() {
    if (skip_ > 0) {
      --skip_;
      if (skip_ == 0 && depth_ == 1 && !root_is_object_) depth_ = 0;
      return true;
    }
    if (!element_.empty()) {
      Value done = std::move(element_.back().value);
      element_.pop_back();
      if (element_.empty())
        finish_element(done);
      else
        attach(std::move(done));
      return true;
    }
    if (depth_ == 2) {
      if (section_ == kNodes) nodes_read_ = true;
      section_ = kNone;
      depth_ = 1;
    } else {
      depth_ = 0;
    }
    return true;
  }

  void attach(Value value) {
    Frame& parent = element_.back();
    if (parent.value.IsObject())
      parent.value.AddMember(parent.key, value, allocator_);
    else
      parent.value.PushBack(value, allocator_);
  }

  void finish_element(const Value& element) {
    const Path path = element_path(section_paths_[section_], index_);
    switch (section_) {
      case kDocuments: reader_.read_document(element, path, graph_); break;
      case kNodes: reader_.read_node(element, path, graph_); break;
      case kEdges:
        if (nodes_read_) {
          reader_.read_edge(element, path, graph_);
        } else {
          early_edges_.emplace_back(index_, Value(element, early_allocator_));
        }
        break;
      case kNone: break;
    }
    ++index_;
    allocator_.Clear();
  }

  static Section section_of(std::string_view member) {
    if (member == "documents") return kDocuments;
    if (member == "nodes") return kNodes;
    if (member == "edges") return kEdges;
    return kNone;
  }

  GraphJsonReader& reader_;
  KnowledgeGraph& graph_;
  const Path root_;
  Path section_paths_[4];
  rapidjson::MemoryPoolAllocator<> allocator_;
  std::vector<Frame> element_;  // the element being built, outermost first
  int depth_ = 0;               // 0 outside the root, 1 in it, 2 in a section's array
  std::size_t skip_ = 0;        // containers open inside a value passed over
  std::string member_;
  Section section_ = kNone;
  std::size_t index_ = 0;
  bool nodes_read_ = false;
  bool root_is_object_ = true;
  Version version_ = Version::kMissing;
  rapidjson::MemoryPoolAllocator<> early_allocator_;  // one pool for all of early_edges_
  std::vector<std::pair<std::size_t, Value>> early_edges_;
};

}  // namespace

namespace {

// `Input` is a rapidjson input stream that has passed over any byte order mark.
template <class Input>
bool find_top_key(Input& input) {
  TopKeyFinder finder;
  rapidjson::Reader reader;
  reader.Parse<rapidjson::kParseIterativeFlag>(input, finder);
  return finder.found();
}

// `position(offset)` gives the line and column of a parse error's offset.
template <class Input, class Position>
std::optional<KnowledgeGraph> parse_graph(Input& input, Position position,
                                          std::string_view file,
                                          std::vector<Diagnostic>& diagnostics) {
  // Problems are collected apart: a syntax error or a wrong top level is all that is reported
  // when there is one, as a parse of the whole file before any reading would report it.
  std::vector<Diagnostic> problems;
  GraphJsonReader reader(file, problems);
  KnowledgeGraph graph;
  GraphJsonHandler handler(reader, graph);
  rapidjson::Reader parser;
  const rapidjson::ParseResult parsed =
      parser.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(
          input, handler);
  if (parsed.IsError()) {
    const TextPosition at = position(parsed.Offset());
    diagnostics.push_back({std::string(file), at.line, at.column,
                           "invalid JSON: " + parse_error_text(parsed.Code())});
    return std::nullopt;
  }
  const Path root;
  auto top_level = [&](std::string_view member, std::string_view message) {
    GraphJsonReader(file, diagnostics).error(member.empty() ? root : member_path(root, member),
                                             message);
    return std::nullopt;
  };
  if (!handler.root_is_object()) return top_level("", "expected an object at the top level");
  if (handler.version() == GraphJsonHandler::Version::kMissing)
    return top_level("factgraph", "missing; this is not a factgraph graph file");
  if (handler.version() == GraphJsonHandler::Version::kOther)
    return top_level("factgraph", "unsupported format version; this factgraph reads version 1");
  handler.finish();
  diagnostics.insert(diagnostics.end(), std::make_move_iterator(problems.begin()),
                     std::make_move_iterator(problems.end()));
  if (reader.errors() > 0) return std::nullopt;
  return graph;
}

}  // namespace

// The text in memory, byte order mark skipped.
struct TextInput {
  explicit TextInput(std::string_view text) : bytes(text.data(), text.size()), input(bytes) {}
  rapidjson::MemoryStream bytes;
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> input;
};

bool is_graph_json(std::string_view text) {
  TextInput text_input(text);
  return find_top_key(text_input.input);
}

bool is_graph_json(std::istream& in) {
  ChunkedInput input(in);
  return find_top_key(input);
}

std::optional<KnowledgeGraph> read_graph_json(std::string_view text, std::string_view file,
                                              std::vector<Diagnostic>& diagnostics) {
  TextInput text_input(text);
  return parse_graph(
      text_input.input, [&](std::size_t offset) { return position_of(text, offset); }, file,
      diagnostics);
}

std::optional<KnowledgeGraph> read_graph_json(std::istream& in, std::string_view file,
                                              std::vector<Diagnostic>& diagnostics) {
  ChunkedInput input(in);
  auto graph = parse_graph(
      input, [&](std::size_t offset) { return input.position(offset); }, file, diagnostics);
  if (in.bad()) {
    diagnostics.push_back({std::string(file), 0, 0, "read error: the file could not be read whole"});
    return std::nullopt;
  }
  return graph;
}

}  // namespace factgraph::ingest
