#pragma once
// Internal to export/: what the writers share, so each output context is escaped by exactly one
// function, list-valued fields are flattened the same way everywhere, and a type looks the same
// (shape, colour) in every format.

#include <algorithm>
#include <array>
#include <initializer_list>
#include <unordered_set>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace factgraph::exporters {

/// Appends `text` as XML character data: `& < >` and `\r` escaped, characters XML 1.0 forbids
/// (C0 controls other than tab/newline/CR, U+FFFE, U+FFFF) dropped, and each byte that is not
/// part of valid UTF-8 replaced by U+FFFD, the same repair write_json makes, so a graph read back
/// from JSON exports to the same bytes.
void append_xml_text(std::string& out, std::string_view text);

/// Appends `text` for a double-quoted XML attribute: as append_xml_text, plus `"` escaped and
/// tab, newline and CR as character references (a parser would turn them into spaces).
void append_xml_attribute(std::string& out, std::string_view text);

/// Appends `text` as a DOT quoted string, quotes included: `\` -> `\\`, `"` -> `\"`, newline ->
/// `\n`; CR and other C0 controls except tab dropped; invalid UTF-8 bytes replaced by U+FFFD.
void append_dot_string(std::string& out, std::string_view text);

/// Appends `text` with each byte that is not part of valid UTF-8 replaced by U+FFFD; valid text
/// is copied unchanged.
void append_valid_utf8(std::string& out, std::string_view text);

/// An XML NMTOKEN standing for `text`, one to one: ASCII letters and digits, `.`, `-`, `:`, `_`
/// and the Latin-1/Latin Extended-A letters are kept, every other byte is written `_HH` (upper-case
/// hex), as is a `_` that would read as such an escape or stands alone; "" gives "_". Used for
/// GraphML/GEXF ids and GraphML attr.name.
[[nodiscard]] std::string xml_token(std::string_view text);

/// Collects output in a string and hands it to the stream in large chunks: exporters append to
/// text() and call maybe_flush() once per element. Call finish() at the end; the destructor does
/// not write (stream errors are the caller's to check).
class ChunkedWriter {
 public:
  explicit ChunkedWriter(std::ostream& out);
  [[nodiscard]] std::string& text() { return buffer_; }
  void maybe_flush() {
    if (buffer_.size() >= kChunkSize) flush();
  }
  void finish() { flush(); }

 private:
  static constexpr std::size_t kChunkSize = std::size_t{1} << 16;
  void flush();
  std::ostream& out_;
  std::string buffer_;
};

/// Appends `items` separated by `separator` (the formats have no list type).
template <class Strings>
void append_joined(std::string& out, const Strings& items, std::string_view separator) {
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += separator;
    first = false;
    out += std::string_view(item);
  }
}

/// Appends the distinct document ids of `citations`, sorted, separated by `separator`.
void append_sources(std::string& out, const std::vector<Citation>& citations,
                    std::string_view separator);

/// Calls `visit(sentence)` for each distinct non-empty evidence sentence of `edge`, first-seen
/// order.
template <class Visit>
void for_each_distinct_sentence(const Edge& edge, Visit visit) {
  // Most edges have one mention, some a handful; a hash set only pays off for heavily repeated
  // facts. Interned sentences compare by identity.
  constexpr std::size_t kLinearLimit = 16;
  if (edge.evidence.size() == 1) {
    if (!edge.evidence.front().sentence.empty()) visit(edge.evidence.front().sentence.view());
    return;
  }
  std::array<Text, kLinearLimit> seen;
  std::size_t seen_count = 0;
  std::unordered_set<Text> seen_set;
  const bool use_set = edge.evidence.size() > kLinearLimit;
  for (const Citation& e : edge.evidence) {
    const Text sentence = e.sentence;
    if (sentence.empty()) continue;
    if (use_set) {
      if (!seen_set.insert(sentence).second) continue;
    } else {
      const auto end = seen.begin() + static_cast<std::ptrdiff_t>(seen_count);
      if (std::find(seen.begin(), end, sentence) != end) continue;
      seen[seen_count++] = sentence;
    }
    visit(sentence.view());
  }
}

/// Appends the distinct non-empty evidence sentences of `edge`, first-seen order, joined by " | ".
void append_evidence_text(std::string& out, const Edge& edge);

/// `name`, or "attr_" + `name` when `name` is one of `reserved` or itself starts with "attr_":
/// user attribute keys never take a fixed column's name, and two keys never meet.
[[nodiscard]] std::string unreserved_name(std::string name,
                                          std::initializer_list<std::string_view> reserved);

/// Every attribute key used by some node (edge) of `graph`, sorted.
[[nodiscard]] std::vector<std::string> node_attribute_keys(const KnowledgeGraph& graph);
[[nodiscard]] std::vector<std::string> edge_attribute_keys(const KnowledgeGraph& graph);

/// Edge::weight(), at least 1: Gephi deletes edges of weight 0, and an edge built by hand may
/// have no evidence.
[[nodiscard]] std::size_t edge_weight(const Edge& edge);

/// What a column of the tabular formats (a GraphML key, a GEXF attribute) holds.
enum class Field { kLabel, kType, kAliases, kSources, kDate, kEvidence, kWeight, kAttribute };

struct Column {
  std::string name;  ///< GraphML attr.name, GEXF title
  Field field;
  Text attribute;  ///< the model's attribute key, for Field::kAttribute
  std::string id;         ///< `id_prefix` + an NMTOKEN form of `name`
};

/// `fixed` plus a column per attribute key, sorted by name so the output never depends on the
/// order keys were first seen. A key's name is unreserved_name(key), passed through xml_token
/// first when `token_names` (GraphML wants NMTOKEN names; GEXF titles are free text).
[[nodiscard]] std::vector<Column> make_columns(std::vector<Column> fixed,
                                               const std::vector<std::string>& attribute_keys,
                                               std::initializer_list<std::string_view> reserved,
                                               std::string_view id_prefix, bool token_names);

/// The text of `column` for a node or an edge, "" when it has none. May point into `scratch`,
/// which it overwrites.
[[nodiscard]] std::string_view column_value(const Column& column, const Node& node,
                                            std::string& scratch);
[[nodiscard]] std::string_view column_value(const Column& column, const Edge& edge,
                                            std::string& scratch);

/// How the visual formats draw a node type; unknown types get the style of "other".
struct NodeStyle {
  std::string_view shape;  ///< a Graphviz shape name
  unsigned char r, g, b;   ///< fill colour
};
[[nodiscard]] const NodeStyle& node_style(std::string_view type);

/// Colour of a relation type's edges (black for types factgraph does not know).
struct RelationColor {
  unsigned char r, g, b;
};
[[nodiscard]] RelationColor relation_color(std::string_view type);

/// `#rrggbb` (lower-case hex).
[[nodiscard]] std::string hex_color(unsigned char r, unsigned char g, unsigned char b);

}  // namespace factgraph::exporters
