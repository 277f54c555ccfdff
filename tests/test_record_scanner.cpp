#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "ingest/diagnostic.hpp"
#include "ingest/json_tree.hpp"
#include "ingest/record_checker.hpp"
#include "ingest/record_scanner.hpp"

namespace factgraph::ingest {
namespace {

// Everything a checked record holds, as text.
std::string render(const CheckedRecord& r) {
  const DocumentInfo& info = r.facts.info;
  std::string out = (r.article ? "article " : "facts ") + info.id + "|" + info.title + "|" +
                    info.date + "|" + info.source + "|" + info.url + "\n";
  auto attributes = [&](const Attributes& a) {
    for (const auto& [key, value] : a) out += "  " + key + "=" + value + "\n";
  };
  auto evidence = [&](const Evidence& e) {
    out += "  evidence " + e.sentence + "|" + std::to_string(e.begin) + "|" +
           std::to_string(e.end) + "|" + e.rule + "\n";
  };
  for (const EntityFact& e : r.facts.entities) {
    out += "entity " + e.id + "|" + e.name + "|" + e.type + "\n";
    for (const std::string& alias : e.aliases) out += "  alias " + alias + "\n";
    attributes(e.attributes);
    for (const Evidence& ev : e.evidence) evidence(ev);
  }
  for (const RelationFact& rel : r.facts.relations) {
    out += "relation " + rel.type + "|" + rel.source + "|" + rel.target + "|" + rel.date + "|" +
           std::to_string(rel.source_index) + "|" + std::to_string(rel.target_index) + "\n";
    attributes(rel.attributes);
    evidence(rel.evidence);
  }
  if (r.article) out += "text " + r.text + " at " + std::to_string(r.text_offset) + "\n";
  return out;
}

// The record as the readers check it in full (UTF-8, syntax, schema), or "" when they find a
// problem.
std::string checked(std::string_view json) {
  if (find_invalid_utf8(json) != std::string_view::npos) return {};
  struct Clear : RecordListener {
    explicit Clear(Tree& t) : tree(t) {}
    void record_started(bool) override { tree.clear(); }
    void record_finished(bool) override {}
    Tree& tree;
  };
  Tree tree;
  Clear listener(tree);
  TreeParser parser(listener, tree);
  if (parser.parse(json, 0, false, "line")) return {};
  RecordChecker checker;
  CheckedRecord record;
  return checker.check(tree, {"doc#1", std::nullopt, false, true}, record) ? render(record) : "";
}

// The record as the scanner reads it, or "" when it gives up.
std::string scanned(std::string_view json) {
  RecordScanner scanner;
  CheckedRecord record;
  std::size_t used = 0;
  if (!scanner.scan(json, "doc#1", record, used)) return {};
  return json.substr(used).find_first_not_of(" \t\r\n") == std::string_view::npos
             ? render(record)
             : "";
}

}  // namespace

TEST_CASE("record scanner: reads good records exactly as the checker does") {
  const std::string_view records[] = {
      R"({"entities": []})",
      R"({"relations": []})",
      R"( { "id" : "a" , "entities" : [ ] , "relations" : [ ] } )",
      R"({"id": "d", "title": "", "date": "2020-02-29", "source": "S", "url": "u", "entities": [
          {"id": "h", "name": "Huawei Technologies Co., Ltd.", "type": "firm",
           "aliases": ["Huawei", "HW"], "attributes": {"country": "CN", "founded": 1987,
           "listed": false, "open": true, "loss": -12, "zero": 0},
           "evidence": ["Plain.", {"sentence": "S.", "begin": 5, "end": 7, "rule": "r"}, {},
                        {"begin": 3, "end": 3}]},
          {"name": "Entity List", "type": "list"}],
        "relations": [
          {"type": "added-to-list", "source": "huawei technologies", "target": "Entity List",
           "date": "2019-05", "role": "target", "agent": "BIS", "evidence": "Added.",
           "attributes": {"since": 2019}},
          {"agent": "x", "attributes": {"k": "v"}, "target": "h", "source": "HW", "type": "t",
           "evidence": {"sentence": "E.", "begin": 0, "end": 2}}]})",
      R"({"id": "Z\u00fcrich \"q\" \\ \/ \b\f\n\r\t \ud83d\ude00 日本", "text": "caf\u00e9 Zürich"})",
      R"({"text": "", "title": "t", "date": "1999"})",
      R"({"entities": [{"name": "\u00e9", "type": "firm", "attributes": {"\u00e9 key": "x",
          "big": 123456789012345678, "neg": -123456789012345678}}]})",
  };
  for (const std::string_view json : records) {
    CAPTURE(json);
    const std::string expected = checked(json);
    REQUIRE_FALSE(expected.empty());
    CHECK(scanned(json) == expected);
  }
}

TEST_CASE("record scanner: leaves rare valid forms to the checker") {
  for (const std::string_view json : {
           R"({"entities": [{"name": "A", "type": "firm", "attributes": {"x": 1.5}}]})",
           R"({"entities": [{"name": "A", "type": "firm", "attributes": {"x": 1e3}}]})",
           R"({"entities": [{"name": "A", "type": "firm", "attributes": {"x": -0}}]})",
           R"({"entities": [{"name": "A", "type": "firm", "attributes": {"x": 1234567890123456789}}]})",
           R"({"entities": [{"n\u0061me": "A", "type": "firm"}]})",
       }) {
    CAPTURE(json);
    CHECK_FALSE(checked(json).empty());
    CHECK(scanned(json).empty());
  }
}

TEST_CASE("record scanner: gives up on every kind of bad record") {
  for (const std::string_view json : {
           "", "[]", "42", R"({})", R"({"id": "a"})", R"({"text": "x", "entities": []})",
           R"({"text": 5})", R"({"id": "", "entities": []})", R"({"id": 1, "entities": []})",
           R"({"date": "2019-02-29", "entities": []})", R"({"entites": []})",
           R"({"entities": [], "entities": []})", R"({"entities": {}})", R"({"entities": [7]})",
           R"({"entities": [{"name": "A"}]})", R"({"entities": [{"name": "", "type": "firm"}]})",
           R"({"entities": [{"name": "A", "type": "firm", "name": "B"}]})",
           R"({"entities": [{"name": "A", "type": "firm", "aliases": ["B", ""]}]})",
           R"({"entities": [{"name": "A", "type": "firm", "attributes": {"": "v"}}]})",
           R"({"entities": [{"name": "A", "type": "firm", "attributes": {"x": null}}]})",
           R"({"entities": [{"name": "A", "type": "firm", "attributes": {"x": 1, "x": 2}}]})",
           R"({"entities": [{"name": "A", "type": "firm", "evidence": [{"begin": 1}]}]})",
           R"({"entities": [{"name": "A", "type": "firm", "evidence": [{"begin": 4, "end": 2}]}]})",
           R"({"entities": [{"name": "A", "type": "firm", "evidence": [{"begin": -1, "end": 2}]}]})",
           R"({"entities": [{"id": "a", "name": "A", "type": "firm"}, {"id": "a", "name": "B", "type": "firm"}]})",
           R"({"entities": [{"name": "A", "type": "firm"}], "relations": [{"type": "t", "source": "A", "target": "B"}]})",
           R"({"relations": [{"type": "t", "source": "A", "target": "A"}]})",
           R"({"entities": [{"name": "A", "type": "firm"}], "relations": [{"type": "t", "source": "A"}]})",
           R"({"entities": [{"name": "A", "type": "firm"}], "relations": [{"type": "t", "source": "A", "target": "A", "role": "r", "attributes": {"role": "s"}}]})",
           R"({"entities": [{"name": "A", "type": "firm"}], "relations": [{"type": "t", "source": "A", "target": "A", "evidence": 5}]})",
           R"({"title": "\u0000", "entities": []})", R"({"title": "\udc00", "entities": []})",
           R"({"title": "\ud800x", "entities": []})", R"({"title": "\q", "entities": []})",
           "{\"title\": \"a\tb\", \"entities\": []}", "{\"title\": \"\xFF\", \"entities\": []}",
           "{\"title\": \"\xE2\x82\", \"entities\": []}", R"({"entities": [],})",
           R"({"entities": [1 2]})", R"({"entities" []})", R"({"entities": [)",
           R"({"entities": [{"name": "A", "type": "firm", "attributes": {"x": tru}}]})",
           R"({"entities": [{"name": "A", "type": "firm", "attributes": {"x": 01}}]})",
       }) {
    CAPTURE(json);
    CHECK(checked(json).empty());
    CHECK(scanned(json).empty());
  }
}

}  // namespace factgraph::ingest
