#include "export/facts_writer.hpp"

#include "export/escape.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>

namespace factgraph::exporters {
namespace {

// RapidJSON refuses to write invalid UTF-8; a facts document built by hand could hold anything,
// so bad bytes become U+FFFD (the same rule every exporter follows).
std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_valid_utf8(out, s);
  return out;
}

template <class Writer>
void string_field(Writer& w, const char* key, const std::string& value) {
  if (value.empty()) return;
  w.Key(key);
  const std::string clean = valid_utf8(value);
  w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

template <class Writer>
void attributes(Writer& w, const Attributes& attrs) {
  if (attrs.empty()) return;
  w.Key("attributes");
  w.StartObject();
  for (const auto& [k, v] : attrs) {
    const std::string key = valid_utf8(k), value = valid_utf8(v);
    w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }
  w.EndObject();
}

template <class Writer>
void evidence(Writer& w, const Evidence& e) {
  w.StartObject();
  string_field(w, "sentence", e.sentence);
  if (e.begin != 0 || e.end != 0) {
    w.Key("begin");
    w.Uint64(e.begin);
    w.Key("end");
    w.Uint64(e.end);
  }
  string_field(w, "rule", e.rule);
  w.EndObject();
}

template <class Writer>
void document(Writer& w, const FactsDocument& doc) {
  w.StartObject();
  string_field(w, "id", doc.info.id);
  string_field(w, "title", doc.info.title);
  string_field(w, "date", doc.info.date);
  string_field(w, "source", doc.info.source);
  string_field(w, "url", doc.info.url);
  w.Key("entities");
  w.StartArray();
  for (const EntityFact& e : doc.entities) {
    w.StartObject();
    string_field(w, "id", e.id);
    string_field(w, "name", e.name);
    string_field(w, "type", e.type);
    if (!e.aliases.empty()) {
      w.Key("aliases");
      w.StartArray();
      for (const std::string& a : e.aliases) {
        const std::string clean = valid_utf8(a);
        w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
      }
      w.EndArray();
    }
    attributes(w, e.attributes);
    if (!e.evidence.empty()) {
      w.Key("evidence");
      w.StartArray();
      for (const Evidence& ev : e.evidence) evidence(w, ev);
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("relations");
  w.StartArray();
  for (const RelationFact& r : doc.relations) {
    w.StartObject();
    string_field(w, "type", r.type);
    string_field(w, "source", r.source);
    string_field(w, "target", r.target);
    string_field(w, "date", r.date);
    attributes(w, r.attributes);
    const Evidence& e = r.evidence;
    if (!e.sentence.empty() || !e.rule.empty() || e.begin != 0 || e.end != 0) {
      w.Key("evidence");
      evidence(w, e);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace

void write_facts_json(std::ostream& out, const std::vector<FactsDocument>& documents,
                      bool json_lines) {
  // One document at a time into a buffer: the stream sees a few large writes, not one per byte.
  rapidjson::StringBuffer buffer;
  auto flush = [&] {
    out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
    buffer.Clear();
  };
  if (json_lines) {
    for (const FactsDocument& doc : documents) {
      rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
      document(writer, doc);
      buffer.Put('\n');
      flush();
    }
    return;
  }
  out << "[";
  for (std::size_t i = 0; i < documents.size(); ++i) {
    rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
    writer.SetIndent(' ', 2);
    out << (i ? ",\n" : "\n");
    document(writer, documents[i]);
    flush();
  }
  out << (documents.empty() ? "]\n" : "\n]\n");
}

}  // namespace factgraph::exporters
