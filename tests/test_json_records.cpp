#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/json_input.hpp"

namespace doctest {
// Failed checks then show both lists instead of "{?}".
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& lines) {
    std::string out = "{";
    for (const std::string& line : lines) out += "\n  " + line;
    return (out + "\n}").c_str();
  }
};
template <>
struct StringMaker<factgraph::Attributes> {
  static String convert(const factgraph::Attributes& attributes) {
    std::string out = "{";
    for (const auto& [key, value] : attributes) out += " " + key + "=" + value;
    return (out + " }").c_str();
  }
};
}  // namespace doctest

namespace factgraph::ingest {
namespace {

using namespace std::string_view_literals;

JsonRecords read(std::string_view text) { return parse_json_records(text, "news.json", false); }
JsonRecords read_lines(std::string_view text) {
  return parse_json_records(text, "news.jsonl", true);
}

std::vector<std::string> messages(const JsonRecords& records) {
  std::vector<std::string> out;
  for (const Diagnostic& d : records.diagnostics) out.push_back(d.render());
  return out;
}

// The diagnostics of a file holding one bad record, which must then be left out.
std::vector<std::string> errors_of(std::string_view text) {
  const JsonRecords records = read(text);
  CHECK(records.facts.empty());
  CHECK(records.articles.empty());
  CHECK(records.bad_records == 1);
  return messages(records);
}

std::string source_file(std::string_view name) {
  const std::string path = std::string(FACTGRAPH_SOURCE_DIR) + "/" + std::string(name);
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, "cannot open " << path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string fixture(std::string_view name) {
  return source_file("tests/data/json/" + std::string(name));
}

// The ```json blocks of a Markdown file, in order.
std::vector<std::string> json_blocks(const std::string& markdown) {
  std::vector<std::string> blocks;
  const std::string open = "```json\n", close = "```";
  for (std::size_t at = markdown.find(open); at != std::string::npos;
       at = markdown.find(open, at)) {
    at += open.size();
    const std::size_t end = markdown.find(close, at);
    REQUIRE(end != std::string::npos);
    blocks.push_back(markdown.substr(at, end - at));
    at = end;
  }
  return blocks;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("json records: one facts document") {
  const std::string text = fixture("example.json");
  const JsonRecords records = parse_json_records(text, "tests/data/json/example.json", false);
  CHECK(messages(records).empty());
  CHECK(records.bad_records == 0);
  CHECK(records.articles.empty());
  REQUIRE(records.facts.size() == 1);
  const FactsDocument& doc = records.facts[0];
  CHECK(doc.info == DocumentInfo{"reuters-2019-05-16-huawei", "U.S. adds Huawei to trade blacklist",
                                 "2019-05-16", "Reuters",
                                 "https://example.com/huawei-entity-list"});
  REQUIRE(doc.entities.size() == 4);
  const EntityFact& huawei = doc.entities[1];
  CHECK(huawei.id == "huawei");
  CHECK(huawei.name == "Huawei Technologies Co., Ltd.");
  CHECK(huawei.type == "firm");
  CHECK(huawei.aliases == Strings{"Huawei"});
  CHECK(huawei.attributes ==
        Attributes{{"country", "CN"}, {"founded", "1987"}, {"listed", "false"}});
  REQUIRE(huawei.evidence.size() == 1);
  CHECK(huawei.evidence[0] == Evidence{"",
                                       "The Commerce Department added Huawei to its Entity List.",
                                       0, 56, "list-addition"});
  CHECK(doc.entities[3].id.empty());
  CHECK(doc.entities[3].evidence.empty());

  REQUIRE(doc.relations.size() == 2);
  const RelationFact& added = doc.relations[0];
  CHECK(added.type == "added-to-list");
  CHECK(added.source == "Huawei");
  CHECK(added.target == "entity-list");
  CHECK(added.date == "2019-05-16");
  CHECK(added.attributes == Attributes{{"agent", "bis"}});
  CHECK(added.evidence ==
        Evidence{"", "The Commerce Department added Huawei to its Entity List.", 0, 0, ""});
  CHECK(doc.relations[1].attributes == Attributes{{"since", "1987"}});
  CHECK(doc.relations[1].evidence == Evidence{"", "", 0, 0, ""});
}

TEST_CASE("json records: an array of records") {
  const JsonRecords records = read(R"([
  {"entities": [{"name": "Huawei", "type": "firm"}]},
  {"id": "named", "relations": []},
  {"entities": []}
])");
  CHECK(messages(records).empty());
  REQUIRE(records.facts.size() == 3);
  CHECK(records.facts[0].info.id == "news#1");
  CHECK(records.facts[1].info.id == "named");
  CHECK(records.facts[2].info.id == "news#3");
  CHECK(read("[]").facts.empty());
  CHECK(messages(read("[]")).empty());
}

TEST_CASE("json records: default ids come from the file stem") {
  CHECK(parse_json_records(R"({"entities": []})", "feeds/2019/reuters.json", false)
            .facts.at(0)
            .info.id == "reuters");
  CHECK(parse_json_records(R"([{"entities": []}])", "feeds/reuters.json", false)
            .facts.at(0)
            .info.id == "reuters#1");
  const JsonRecords lines =
      parse_json_records("{\"entities\": []}\n\n{\"text\": \"x\"}\n", "feeds/ap.jsonl", true);
  CHECK(lines.facts.at(0).info.id == "ap#1");
  CHECK(lines.articles.at(0).info.id == "ap#2");
}

TEST_CASE("json records: JSON Lines with blank lines") {
  const std::string_view text =
      "\n"
      "{\"id\": \"a\", \"entities\": [{\"name\": \"Huawei\", \"type\": \"firm\"}]}\r\n"
      "\r\n"
      "   \t\n"
      "{\"entities\": [{\"name\": \"ZTE\", \"type\": 1}]}\n"
      "{\"text\": \"ZTE was fined.\"}";
  const JsonRecords records = read_lines(text);
  CHECK(messages(records) ==
        Strings{"news.jsonl:5:39: error: entities[0].type: expected a string"});
  CHECK(records.bad_records == 1);
  REQUIRE(records.facts.size() == 1);
  CHECK(records.facts[0].info.id == "a");
  CHECK(records.facts[0].entities.at(0).name == "Huawei");
  REQUIRE(records.articles.size() == 1);
  CHECK(records.articles[0].info.id == "news#3");
  CHECK(records.articles[0].text_line == 6);
}

TEST_CASE("json records: attribute numbers and booleans become text") {
  const JsonRecords records = read(R"({"entities": [{"name": "A", "type": "firm", "attributes": {
    "a": 28, "b": 1.5, "c": 1.50, "d": 1e3, "e": -3, "f": true, "g": false,
    "h": 12345678901234567890, "i": 0.1, "j": 2.50e-3, "k": "", "l": "text", "m": -0}}]})");
  CHECK(messages(records).empty());
  CHECK(records.facts.at(0).entities.at(0).attributes == Attributes{{"a", "28"},
                                                                    {"b", "1.5"},
                                                                    {"c", "1.5"},
                                                                    {"d", "1000"},
                                                                    {"e", "-3"},
                                                                    {"f", "true"},
                                                                    {"g", "false"},
                                                                    {"h", "12345678901234567890"},
                                                                    {"i", "0.1"},
                                                                    {"j", "0.0025"},
                                                                    {"k", ""},
                                                                    {"l", "text"},
                                                                    {"m", "0"}});
}

TEST_CASE("json records: article records") {
  const JsonRecords records = read(R"([
  {"id": "a1", "title": "T", "date": "2019-05", "source": "AP", "url": "u", "text": "One."},
  {"id": "a2",
   "text": "Two.\nLines."}
])");
  CHECK(messages(records).empty());
  CHECK(records.facts.empty());
  REQUIRE(records.articles.size() == 2);
  CHECK(records.articles[0].info == DocumentInfo{"a1", "T", "2019-05", "AP", "u"});
  CHECK(records.articles[0].text == "One.");
  CHECK(records.articles[0].text_line == 2);
  CHECK(records.articles[1].text == "Two.\nLines.");
  CHECK(records.articles[1].text_line == 4);

  const JsonRecords lines = read_lines(fixture("articles.jsonl"));
  CHECK(messages(lines).empty());
  REQUIRE(lines.articles.size() == 2);
  CHECK(lines.articles[1].info.id == "ap-2");
  CHECK(lines.articles[1].text_line == 3);
}

TEST_CASE("json records: truncated file") {
  CHECK(errors_of(R"({"entities": [)") ==
        Strings{"news.json:1:15: error: unexpected end of file; expected a value"});
  CHECK(errors_of("{\"id\": \"a\",\n \"entities\": [{\"name\": \"X\"\n") ==
        Strings{"news.json:3:1: error: unexpected end of file; missing a comma or '}' after an "
                "object member"});
  CHECK(errors_of(R"({"title": "abc)") ==
        Strings{"news.json:1:15: error: unexpected end of file; missing a closing quotation mark "
                "in string"});
  CHECK(messages(read_lines("{\"entities\": [\n{\"entities\": []}\n")) ==
        Strings{"news.jsonl:1:15: error: unexpected end of line; expected a value"});
}

TEST_CASE("json records: syntax errors") {
  CHECK(errors_of(R"({"id": "a" "title": "b"})") ==
        Strings{"news.json:1:12: error: missing a comma or '}' after an object member"});
  CHECK(errors_of(R"({"entities": [1 2]})") ==
        Strings{"news.json:1:17: error: missing a comma or ']' after an array element"});
  CHECK(errors_of(R"({"entities": [],})") ==
        Strings{"news.json:1:17: error: missing a name for an object member"});
  CHECK(errors_of(R"({"entities" []})") ==
        Strings{"news.json:1:13: error: missing a colon after the name of an object member"});
  CHECK(errors_of(R"({"entities": [tru]})") == Strings{"news.json:1:18: error: invalid value"});
  CHECK(errors_of(R"({"title": "a\qb"})") ==
        Strings{"news.json:1:13: error: invalid escape character in string"});
  CHECK(errors_of("{\"title\": \"a\tb\"}") ==
        Strings{"news.json:1:13: error: control character 0x09 must be escaped in a string"});
  CHECK(errors_of("{\"entities\": []}\0"sv) ==
        Strings{"news.json:1:17: error: unexpected NUL byte"});
  CHECK(errors_of(R"({"title": "\u0000", "entities": []})") ==
        Strings{"news.json:1:11: error: \\u0000 (NUL) is not allowed in strings"});
  CHECK(errors_of(R"({"title": "\udc00", "entities": []})") ==
        Strings{"news.json:1:11: error: invalid \\u escape: unpaired UTF-16 surrogate"});
  CHECK(errors_of(R"({"title": "\ud800x", "entities": []})") ==
        Strings{"news.json:1:12: error: invalid surrogate pair in string"});
  CHECK(errors_of(R"({"entities": [1e999]})") ==
        Strings{"news.json:1:15: error: number too big to be stored in a double"});
  // Two records in a file read as one JSON value: probably JSON Lines read without the option.
  CHECK(errors_of("{\"entities\": []}\n{\"entities\": []}\n") ==
        Strings{"news.json:2:1: error: the document root must not be followed by other values"});
}

TEST_CASE("json records: wrong types") {
  CHECK(errors_of(R"({"entities": [
    {"name": "A", "type": "firm"}, {"name": "B", "type": "firm"}, {"name": "C", "type": "firm"},
    {"name": "D", "type": 3}]})") ==
        Strings{"news.json:3:27: error: entities[3].type: expected a string"});
  CHECK(errors_of(R"({"entities": {}})") ==
        Strings{"news.json:1:14: error: entities: expected an array"});
  CHECK(errors_of(R"({"entities": [7]})") ==
        Strings{"news.json:1:15: error: entities[0]: expected an object"});
  CHECK(errors_of(R"({"title": 5, "id": "", "entities": []})") ==
        Strings{"news.json:1:11: error: title: expected a string",
                "news.json:1:20: error: id: must not be empty"});
  CHECK(errors_of(R"({"entities": [{"name": "A", "type": "firm", "aliases": ["B", 1, ""]}]})") ==
        Strings{"news.json:1:62: error: entities[0].aliases[1]: expected a string",
                "news.json:1:65: error: entities[0].aliases[2]: must not be empty"});
  CHECK(errors_of(R"({"entities": [{"name": "A", "type": "firm", "aliases": "B"}]})") ==
        Strings{"news.json:1:56: error: entities[0].aliases: expected an array"});
  CHECK(
      errors_of(R"({"entities": [{"name": "A", "type": "firm",
    "attributes": {"x": null, "a b": [1], "": "v", "x": 1}}]})") ==
      Strings{"news.json:2:25: error: entities[0].attributes.x: expected a string, number or "
              "boolean",
              "news.json:2:38: error: entities[0].attributes[\"a b\"]: expected a string, "
              "number or boolean",
              "news.json:2:43: error: entities[0].attributes: attribute names must not be empty"});
  CHECK(errors_of(R"({"relations": [{"type": "", "source": "A", "target": "B", "attributes": 1,
    "evidence": 5, "role": true}]})") ==
        Strings{"news.json:1:25: error: relations[0].type: must not be empty",
                "news.json:1:39: error: relations[0].source: unknown entity \"A\" in document "
                "\"news\"",
                "news.json:1:54: error: relations[0].target: unknown entity \"B\" in document "
                "\"news\"",
                "news.json:1:73: error: relations[0].attributes: expected an object",
                "news.json:2:17: error: relations[0].evidence: expected a string or an object",
                "news.json:2:28: error: relations[0].role: expected a string"});
}

TEST_CASE("json records: missing fields") {
  CHECK(errors_of(R"({"entities": [{"name": "A"}, {"type": "firm"}]})") ==
        Strings{"news.json:1:15: error: entities[0]: missing \"type\"",
                "news.json:1:30: error: entities[1]: missing \"name\""});
  CHECK(
      errors_of(R"({"entities": [{"name": "A", "type": "firm"}], "relations": [{"type": "x"}]})") ==
      Strings{"news.json:1:61: error: relations[0]: missing \"source\"",
              "news.json:1:61: error: relations[0]: missing \"target\""});
  CHECK(errors_of(R"({"id": "a", "title": "no content"})") ==
        Strings{"news.json:1:1: error: missing \"entities\"/\"relations\" (a facts document) or "
                "\"text\" (an article record)"});
  CHECK(errors_of(R"({"text": 5})") == Strings{"news.json:1:10: error: text: expected a string"});
}

TEST_CASE("json records: unknown entity in a relation") {
  CHECK(
      errors_of(R"({"id": "doc-7", "entities": [
  {"name": "Huawei", "type": "firm"}, {"name": "U.S. Department of Commerce", "type": "agency",
   "aliases": ["Commerce"]}, {"name": "Entity List", "type": "list"}],
 "relations": [
  {"type": "added-to-list", "source": "Huawei", "target": "Entity List"},
  {"type": "maintains", "source": "Comerce", "target": "Entity List"},
  {"type": "sanctions", "source": "Commerce", "target": "Huawai"},
  {"type": "sanctions", "source": "Commerce", "target": "Xiaomi"}]})") ==
      Strings{"news.json:6:35: error: relations[1].source: unknown entity \"Comerce\" in document "
              "\"doc-7\"; did you mean \"Commerce\"?",
              "news.json:7:57: error: relations[2].target: unknown entity \"Huawai\" in document "
              "\"doc-7\"; did you mean \"Huawei\"?",
              "news.json:8:57: error: relations[3].target: unknown entity \"Xiaomi\" in document "
              "\"doc-7\""});
  // Ids, aliases and names with the same normalised form all resolve.
  const JsonRecords ok = read(R"({"entities": [
    {"id": "h", "name": "Huawei Technologies Co., Ltd.", "type": "firm"},
    {"name": "ZTE", "type": "firm", "aliases": ["Zhongxing"]}],
  "relations": [{"type": "a", "source": "h", "target": "Zhongxing"},
                {"type": "b", "source": "huawei technologies", "target": "ZTE Corp."}]})");
  CHECK(messages(ok).empty());
  CHECK(ok.facts.size() == 1);
  // With the entity list itself broken, the references are not reported again.
  CHECK(
      errors_of(R"({"entities": 1, "relations": [{"type": "x", "source": "A", "target": "B"}]})") ==
      Strings{"news.json:1:14: error: entities: expected an array"});
}

TEST_CASE("json records: dates are checked") {
  CHECK(errors_of(R"({"entities": [{"name": "A", "type": "firm"}],
  "relations": [{"type": "x", "source": "A", "target": "A", "date": "2019-05-16"},
                {"type": "x", "source": "A", "target": "A", "date": "2019-13-01"}]})") ==
        Strings{"news.json:3:69: error: relations[1].date: expected a date YYYY, YYYY-MM or "
                "YYYY-MM-DD, got \"2019-13-01\""});
  for (const char* bad :
       {"2019-02-29", "2019-04-31", "19", "2019-5", "2019/05/01", "2019-05-01T10", ""}) {
    const std::string text = std::string(R"({"entities": [], "date": ")") + bad + "\"}";
    CHECK(errors_of(text) == Strings{"news.json:1:26: error: date: expected a date YYYY, YYYY-MM "
                                     "or YYYY-MM-DD, got \"" +
                                     std::string(bad) + "\""});
  }
  for (const char* good : {"2020-02-29", "2000-02-29", "2019-12-31", "2019-04", "1999"}) {
    const std::string text = std::string(R"({"entities": [], "date": ")") + good + "\"}";
    CHECK(messages(read(text)).empty());
  }
  CHECK(errors_of(R"({"entities": [], "date": "1900-02-29"})") ==
        Strings{"news.json:1:26: error: date: expected a date YYYY, YYYY-MM or YYYY-MM-DD, got "
                "\"1900-02-29\""});
}

TEST_CASE("json records: invalid UTF-8") {
  CHECK(errors_of("{\"entities\": [],\n \"title\": \"a\xFF b\"}") ==
        Strings{"news.json:2:13: error: invalid UTF-8 byte 0xFF (byte offset 29)"});
  // Overlong encoding of '/'.
  CHECK(errors_of("{\"title\": \"\xC0\xAF\"}") ==
        Strings{"news.json:1:12: error: invalid UTF-8 byte 0xC0 (byte offset 11)"});
  const JsonRecords lines =
      read_lines("{\"entities\": []}\n{\"title\": \"\xE2\x82\"}\n{\"text\": \"ok\"}\n");
  CHECK(messages(lines) ==
        Strings{"news.jsonl:2:12: error: invalid UTF-8 byte 0xE2 (byte offset 28)"});
  CHECK(lines.bad_records == 1);
  CHECK(lines.facts.size() == 1);
  CHECK(lines.articles.size() == 1);
}

TEST_CASE("json records: empty file") {
  const std::string expected =
      "news.json: error: empty file; expected a JSON object, an array of objects or JSON Lines";
  CHECK(errors_of("") == Strings{expected});
  CHECK(errors_of(" \n\t\r\n") == Strings{expected});
  CHECK(errors_of("\xEF\xBB\xBF\n") == Strings{expected});
  const JsonRecords lines = read_lines("\n\n  \n");
  CHECK(messages(lines) ==
        Strings{"news.jsonl: error: empty file; expected a JSON object, an array "
                "of objects or JSON Lines"});
  CHECK(lines.bad_records == 1);
  // A byte order mark is skipped; positions still count its bytes.
  CHECK(errors_of("\xEF\xBB\xBF{\"title\": 1, \"entities\": []}") ==
        Strings{"news.json:1:14: error: title: expected a string"});
}

TEST_CASE("json records: a record that is not an object") {
  CHECK(errors_of("42") == Strings{"news.json:1:1: error: expected an object (a facts document or "
                                   "an article record) or an array of them"});
  const JsonRecords array = read(R"([{"entities": []}, {"entities": []}, {"entities": []},
  "doc"])");
  CHECK(messages(array) ==
        Strings{"news.json:2:3: error: [3]: expected an object (a facts document "
                "or an article record)"});
  CHECK(array.facts.size() == 3);
  CHECK(array.bad_records == 1);
  CHECK(errors_of("[5]") == Strings{"news.json:1:2: error: expected an object (a facts document or "
                                    "an article record)"});
  const JsonRecords numbers = read(R"([7, {"entities": []}, 8.5])");
  CHECK(messages(numbers) ==
        Strings{"news.json:1:2: error: [0]: expected an object (a facts document or an article "
                "record)",
                "news.json:1:23: error: [2]: expected an object (a facts document or an article "
                "record)"});
  CHECK(numbers.facts.size() == 1);
  CHECK(numbers.bad_records == 2);
  const JsonRecords lines = read_lines("{\"entities\": []}\n[1, 2]\n  null\n");
  CHECK(
      messages(lines) ==
      Strings{"news.jsonl:2:1: error: expected an object (a facts document or an article record)",
              "news.jsonl:3:3: error: expected an object (a facts document or an article record)"});
  CHECK(lines.bad_records == 2);
  CHECK(lines.facts.size() == 1);
}

TEST_CASE("json records: unknown keys") {
  CHECK(errors_of(R"({"entities": [{"name": "A", "type": "firm"}],
  "relations": [{"tpye": "sanctions", "source": "A", "target": "A"}]})") ==
        Strings{"news.json:2:17: error: relations[0]: missing \"type\"",
                "news.json:2:18: error: relations[0]: unknown key \"tpye\"; expected one of: type, "
                "source, target, date, evidence, attributes, role, agent"});
  CHECK(errors_of(R"({"entites": []})") ==
        Strings{"news.json:1:1: error: missing \"entities\"/\"relations\" (a facts document) or "
                "\"text\" (an article record)",
                "news.json:1:2: error: unknown key \"entites\"; expected one of: id, title, date, "
                "source, url, entities, relations, text"});
  CHECK(errors_of(R"({"entities": [], "titel": "x"})") ==
        Strings{"news.json:1:18: error: unknown key \"titel\"; expected one of: id, title, date, "
                "source, url, entities, relations"});
  CHECK(errors_of(R"({"text": "x", "titel": "x"})") ==
        Strings{"news.json:1:15: error: unknown key \"titel\"; expected one of: id, title, date, "
                "source, url, text"});
  CHECK(errors_of(R"({"entities": [{"name": "A", "type": "firm", "alias": ["B"]}]})") ==
        Strings{"news.json:1:45: error: entities[0]: unknown key \"alias\"; expected one of: id, "
                "name, type, aliases, attributes, evidence"});
  CHECK(errors_of(R"({"relations": [{"type": "x", "source": "A", "target": "A",
    "evidence": {"sentence": "s", "start": 1}}], "entities": [{"name": "A", "type": "firm"}]})") ==
        Strings{"news.json:2:35: error: relations[0].evidence: unknown key \"start\"; expected one "
                "of: sentence, begin, end, rule"});
}

TEST_CASE("json records: text and entities in one record") {
  CHECK(
      errors_of(R"({"text": "x", "entities": []})") ==
      Strings{"news.json:1:1: error: record has both \"text\" and \"entities\"; an article record "
              "has \"text\", a facts document has \"entities\" and \"relations\""});
  const JsonRecords array = read(R"([{"text": "x"}, {"text": "y", "relations": []}])");
  CHECK(array.articles.size() == 1);
  CHECK(array.bad_records == 1);
  CHECK(messages(array) ==
        Strings{"news.json:1:17: error: [1]: record has both \"text\" and \"relations\"; an "
                "article record has \"text\", a facts document has \"entities\" and "
                "\"relations\""});
}

TEST_CASE("json records: positions of nested values") {
  // Escapes and multi-byte characters before a value must not shift its column: columns are bytes.
  const std::string_view text = R"({
  "id": "doc-7", "title": "Z\u00fcrich \"quoted\" \\", "source": "Zürich",
  "entities": [
    {"name": "Huawei", "type": "firm"},
    {"name": "ZTE",
     "type": 7}
  ],
  "relations": [
    {"type": "sanctions", "source": "ZTE",
      "target": "Huawai", "date": "2019-13-01"}
  ],
  "url": 1
})";
  CHECK(
      errors_of(text) ==
      Strings{"news.json:6:14: error: entities[1].type: expected a string",
              "news.json:10:17: error: relations[0].target: unknown entity \"Huawai\" in document "
              "\"doc-7\"; did you mean \"Huawei\"?",
              "news.json:10:35: error: relations[0].date: expected a date YYYY, YYYY-MM or "
              "YYYY-MM-DD, got \"2019-13-01\"",
              "news.json:12:10: error: url: expected a string"});
  CHECK(errors_of(R"({"id": "a\"b\\", "title": 5, "entities": []})") ==
        Strings{"news.json:1:27: error: title: expected a string"});
  CHECK(errors_of("{\"source\": \"Zürich\", \"tilte\": \"x\", \"entities\": []}") ==
        Strings{"news.json:1:23: error: unknown key \"tilte\"; expected one of: id, title, date, "
                "source, url, entities, relations"});
  // Deep inside an array of records: prefix, line and column all point at the value.
  const JsonRecords array = read(R"([
  {"entities": [{"name": "A", "type": "firm"}]},
  {"entities": [{"name": "A", "type": "firm",
                 "evidence": [{"sentence": "s", "begin": 1, "end": 2},
                              {"begin": 10, "end": 4, "rule": 9}]}]}
])");
  CHECK(messages(array) ==
        Strings{"news.json:5:52: error: [1].entities[0].evidence[1].end: must not be less than "
                "begin (10)",
                "news.json:5:63: error: [1].entities[0].evidence[1].rule: expected a string"});
  CHECK(array.facts.size() == 1);
}

TEST_CASE("json records: every problem of a record is reported") {
  CHECK(
      errors_of(R"({"id": 1, "date": "May 2019", "entities": [
  {"name": "", "type": "firm", "evidence": [{"begin": -1}, "a sentence", {"end": 1.5}]},
  {"name": "B", "type": "firm", "name": "C", "id": "b"},
  {"id": "b", "name": "D", "type": "firm"}],
  "relations": [{"type": "x", "source": "B", "target": "Nobody", "role": "r",
                 "attributes": {"role": "s"}}]})") ==
      Strings{"news.json:1:8: error: id: expected a string",
              "news.json:1:19: error: date: expected a date YYYY, YYYY-MM or YYYY-MM-DD, got "
              "\"May 2019\"",
              "news.json:2:12: error: entities[0].name: must not be empty",
              "news.json:2:45: error: entities[0].evidence[0]: missing \"end\"",
              "news.json:2:55: error: entities[0].evidence[0].begin: expected a non-negative "
              "integer",
              "news.json:2:74: error: entities[0].evidence[2]: missing \"begin\"",
              "news.json:2:82: error: entities[0].evidence[2].end: expected a non-negative integer",
              "news.json:3:33: error: entities[1]: duplicate key \"name\"",
              "news.json:4:10: error: entities[2].id: duplicate entity id \"b\"",
              "news.json:5:56: error: relations[0].target: unknown entity \"Nobody\" in document "
              "\"news\"",
              "news.json:5:74: error: relations[0].role: also given in \"attributes\""});
}

TEST_CASE("json records: duplicate entity names are fine") {
  const JsonRecords records = read(R"({"entities": [
    {"name": "Huawei", "type": "firm"}, {"name": "Huawei", "type": "firm", "aliases": ["HW"]}],
  "relations": [{"type": "x", "source": "HW", "target": "Huawei"}]})");
  CHECK(messages(records).empty());
  CHECK(records.facts.at(0).entities.size() == 2);
}

TEST_CASE("json records: evidence forms") {
  const JsonRecords records = read(R"({"id": "d", "entities": [{"name": "A", "type": "firm",
    "evidence": ["Plain sentence.", {"sentence": "S.", "begin": 5, "end": 7, "rule": "r1"}, {}]}],
  "relations": [{"type": "x", "source": "A", "target": "A",
                 "evidence": {"sentence": "T.", "begin": 0, "end": 2}}]})");
  CHECK(messages(records).empty());
  const FactsDocument& doc = records.facts.at(0);
  CHECK(doc.entities.at(0).evidence == std::vector<Evidence>{{"", "Plain sentence.", 0, 0, ""},
                                                             {"", "S.", 5, 7, "r1"},
                                                             {"", "", 0, 0, ""}});
  CHECK(doc.relations.at(0).evidence == Evidence{"", "T.", 0, 2, ""});
}

TEST_CASE("json records: good records are kept next to bad ones") {
  const JsonRecords lines = read_lines(fixture("mixed.jsonl"));
  CHECK(
      messages(lines) ==
      Strings{"news.jsonl:3:127: error: relations[0].target: unknown entity \"Huawai\" in document "
              "\"bad-1\"",
              "news.jsonl:5:59: error: unexpected end of line; missing a comma or '}' after an "
              "object member"});
  CHECK(lines.bad_records == 2);
  REQUIRE(lines.facts.size() == 2);
  CHECK(lines.facts[0].info.id == "good-1");
  CHECK(lines.facts[0].relations.size() == 1);
  CHECK(lines.facts[1].info.id == "news#5");
  CHECK(lines.facts[1].entities.at(0).attributes == Attributes{{"employees", "42000"}});
  REQUIRE(lines.articles.size() == 1);
  CHECK(lines.articles[0].info.id == "good-2");
  CHECK(lines.articles[0].text_line == 4);

  // In a whole-file array, records before a syntax error are kept; the rest cannot be read.
  const JsonRecords array = read(R"([{"id": "a", "entities": []},
  {"id": "b", "entities": [{"name": "", "type": "firm"}]},
  {"id": "c", "entities": []},
  {"id": "d" "entities": []},
  {"id": "e", "entities": []}])");
  CHECK(messages(array) ==
        Strings{"news.json:2:37: error: [1].entities[0].name: must not be empty",
                "news.json:4:14: error: missing a comma or '}' after an object member"});
  CHECK(array.bad_records == 2);
  REQUIRE(array.facts.size() == 2);
  CHECK(array.facts[0].info.id == "a");
  CHECK(array.facts[1].info.id == "c");
}

TEST_CASE("json records: a single-record array has no record prefix") {
  CHECK(errors_of(R"([{"entities": [{"name": "", "type": "firm"}]}])") ==
        Strings{"news.json:1:25: error: entities[0].name: must not be empty"});
}

TEST_CASE("json records: diagnostics are capped per file") {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "42\n";
  const JsonRecords records = read_lines(text);
  CHECK(records.bad_records == 30);
  REQUIRE(records.diagnostics.size() == 21);
  CHECK(records.diagnostics[19].render() ==
        "news.jsonl:20:1: error: expected an object (a facts document or an article record)");
  CHECK(records.diagnostics[20].render() ==
        "news.jsonl: error: too many errors; 10 more not shown");
}

TEST_CASE("json records: long values are cut in messages") {
  const std::string name(100, 'x');
  const std::string text =
      R"({"entities": [{"name": "A", "type": "firm"}], "relations": [{"type": "x", "source": "A", "target": ")" +
      name + "\"}]}";
  CHECK(errors_of(text) ==
        Strings{"news.json:1:100: error: relations[0].target: unknown entity \"" +
                std::string(60, 'x') + "...\" in document \"news\""});
}

TEST_CASE("json records: the examples in docs/facts-format.md read cleanly") {
  const std::vector<std::string> blocks = json_blocks(source_file("docs/facts-format.md"));
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0] == fixture("example.json"));
  const JsonRecords facts = read(blocks[0]);
  CHECK(messages(facts).empty());
  CHECK(facts.facts.size() == 1);
  const JsonRecords article = read(blocks[1]);
  CHECK(messages(article).empty());
  CHECK(article.articles.size() == 1);
}

TEST_CASE("json records: deep nesting does not overflow the stack") {
  const std::size_t depth = 200000;
  const std::string text = R"({"entities": [{"name": "A", "type": "firm", "attributes": {"x": )" +
                           std::string(depth, '[') + std::string(depth, ']') + "}}]}";
  CHECK(errors_of(text) ==
        Strings{"news.json:1:65: error: entities[0].attributes.x: expected a string, number or "
                "boolean"});
}

}  // namespace factgraph::ingest
