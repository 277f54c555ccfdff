#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "export/facts_writer.hpp"
#include "ingest/json_input.hpp"

namespace factgraph::exporters {
namespace {

std::string facts_json(const std::vector<FactsDocument>& docs, bool json_lines = false) {
  std::ostringstream out;
  write_facts_json(out, docs, json_lines);
  return out.str();
}

FactsDocument small_document() {
  FactsDocument doc;
  doc.info.id = "a.txt";
  doc.info.date = "2020-07-09";
  EntityFact firm;
  firm.id = "e0";
  firm.name = "Acme \"Quill\" Co.";
  firm.type = "firm";
  firm.aliases = {"Quill"};
  firm.evidence.push_back({"", "Acme \"Quill\" Co. was added.", 0, 28, "mention"});
  doc.entities.push_back(firm);
  EntityFact list;
  list.id = "e1";
  list.name = "Entity List";
  list.type = "list";
  doc.entities.push_back(list);
  RelationFact added;
  added.type = "added-to-list";
  added.source = "e0";
  added.target = "e1";
  added.attributes["agent"] = "BIS";
  added.evidence = {"", "Acme \"Quill\" Co. was added.", 0, 28, "listing"};
  doc.relations.push_back(added);
  return doc;
}

TEST_CASE("facts writer: pretty layout, two-space indent, evidence records and empty containers inline") {
  FactsDocument empty;
  empty.info.id = "b";
  CHECK(facts_json({small_document(), empty}) ==
        "[\n"
        "{\n"
        "  \"id\": \"a.txt\",\n"
        "  \"date\": \"2020-07-09\",\n"
        "  \"entities\": [\n"
        "    {\n"
        "      \"id\": \"e0\",\n"
        "      \"name\": \"Acme \\\"Quill\\\" Co.\",\n"
        "      \"type\": \"firm\",\n"
        "      \"aliases\": [\n"
        "        \"Quill\"\n"
        "      ],\n"
        "      \"evidence\": [\n"
        "        {\"sentence\": \"Acme \\\"Quill\\\" Co. was added.\", \"begin\": 0, \"end\": 28, "
        "\"rule\": \"mention\"}\n"
        "      ]\n"
        "    },\n"
        "    {\n"
        "      \"id\": \"e1\",\n"
        "      \"name\": \"Entity List\",\n"
        "      \"type\": \"list\"\n"
        "    }\n"
        "  ],\n"
        "  \"relations\": [\n"
        "    {\n"
        "      \"type\": \"added-to-list\",\n"
        "      \"source\": \"e0\",\n"
        "      \"target\": \"e1\",\n"
        "      \"attributes\": {\n"
        "        \"agent\": \"BIS\"\n"
        "      },\n"
        "      \"evidence\": {\"sentence\": \"Acme \\\"Quill\\\" Co. was added.\", \"begin\": 0, "
        "\"end\": 28, \"rule\": \"listing\"}\n"
        "    }\n"
        "  ]\n"
        "},\n"
        "{\n"
        "  \"id\": \"b\",\n"
        "  \"entities\": [],\n"
        "  \"relations\": []\n"
        "}\n"
        "]\n");
  CHECK(facts_json({}) == "[]\n");
}

TEST_CASE("facts writer: JSON Lines are compact, one document per line") {
  FactsDocument doc;
  doc.info.id = "c";
  EntityFact e;
  e.name = "X";
  e.evidence.push_back({"", "", 7, 9, ""});
  doc.entities.push_back(e);
  CHECK(facts_json({doc, doc}, true) ==
        "{\"id\":\"c\",\"entities\":[{\"name\":\"X\",\"evidence\":[{\"begin\":7,\"end\":9}]}],"
        "\"relations\":[]}\n"
        "{\"id\":\"c\",\"entities\":[{\"name\":\"X\",\"evidence\":[{\"begin\":7,\"end\":9}]}],"
        "\"relations\":[]}\n");
}

TEST_CASE("facts writer: escapes controls, quotes and backslashes, repairs invalid UTF-8") {
  FactsDocument doc;
  doc.info.id = "d";
  EntityFact e;
  // Long enough that the escapes fall both inside and after the 8-byte fast path.
  e.name = std::string("tab\there \"q\" back\\slash \x01\x1f nl\n cr\r ff\f bs\b ") +
           "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D bad\xFF\xC3 trunc\xE2\x80";
  doc.entities.push_back(e);
  const std::string out = facts_json({doc}, true);
  CHECK(out ==
        "{\"id\":\"d\",\"entities\":[{\"name\":\"tab\\there \\\"q\\\" back\\\\slash \\u0001\\u001F "
        "nl\\n cr\\r ff\\f bs\\b caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D "
        "bad\xEF\xBF\xBD\xEF\xBF\xBD trunc\xEF\xBF\xBD\xEF\xBF\xBD\"}],\"relations\":[]}\n");
}

// A document as the extractor makes it: every evidence sentence is the article text between
// its offsets, and sentences repeat across entities (with the same rule or another).
FactsDocument extracted_document(const std::string& text, bool with_sentences) {
  auto ev = [&](std::size_t begin, std::size_t end, std::string rule) {
    return Evidence{"", with_sentences ? text.substr(begin, end - begin) : "", begin, end, std::move(rule)};
  };
  FactsDocument doc;
  doc.info.id = "x.txt";
  for (int i = 0; i < 3; ++i) {
    EntityFact e;
    e.id = "e" + std::to_string(i);
    e.name = "Name " + std::to_string(i);
    e.type = "firm";
    if (i == 0) e.evidence.push_back(ev(0, 0, "dateline"));
    e.evidence.push_back(ev(0, 19, "mention"));
    e.evidence.push_back(ev(20, text.size(), i == 2 ? "other-rule" : "mention"));
    doc.entities.push_back(e);
  }
  RelationFact r;
  r.type = "sanctions";
  r.source = "e0";
  r.target = "e1";
  r.evidence = ev(20, text.size(), "sanction");
  doc.relations.push_back(r);
  // A relation whose record is an entity's, laid out before at another depth.
  r.type = "located-in";
  r.evidence = ev(20, text.size(), "other-rule");
  doc.relations.push_back(r);
  return doc;
}

TEST_CASE("facts writer: evidence taken from the article text lays out as copied sentences do") {
  const std::string text = "Acme \"Quill\" Co.\tx. Caf\xC3\xA9 \xE2\x80\x9Cs\xE2\x80\x9D sanctioned them";
  for (const bool json_lines : {false, true}) {
    std::ostringstream from_text;
    exporters::FactsJsonWriter writer(from_text, json_lines);
    for (int n = 0; n < 2; ++n) {
      std::string laid_out;
      append_facts_document(laid_out, extracted_document(text, false), json_lines, text);
      writer.write_laid_out(laid_out);
    }
    writer.finish();
    const FactsDocument copied = extracted_document(text, true);
    CHECK(from_text.str() == facts_json({copied, copied}, json_lines));
  }
}

TEST_CASE("facts writer: a byte to escape is found wherever it falls in the last 16") {
  for (std::size_t length = 1; length <= 40; ++length)
    for (std::size_t at = 0; at < length; ++at) {
      std::string plain(length, 'a');
      plain[at] = '"';
      std::string out;
      append_json_string(out, plain);
      std::string want(1, '"');
      want.append(plain, 0, at).append("\\\"").append(plain, at + 1).push_back('"');
      CHECK(out == want);
    }
}

TEST_CASE("facts writer: reading the output back gives the same documents") {
  const std::string out = facts_json({small_document()});
  const ingest::JsonRecords back = ingest::parse_json_records(out, "facts.json", false);
  REQUIRE(back.diagnostics.empty());
  REQUIRE(back.facts.size() == 1);
  const FactsDocument& doc = back.facts.front();
  const FactsDocument want = small_document();
  CHECK(doc.info == want.info);
  REQUIRE(doc.entities.size() == 2);
  CHECK(doc.entities[0].name == want.entities[0].name);
  CHECK(doc.entities[0].aliases == want.entities[0].aliases);
  CHECK(doc.entities[0].evidence == want.entities[0].evidence);
  REQUIRE(doc.relations.size() == 1);
  CHECK(doc.relations[0].attributes == want.relations[0].attributes);
  CHECK(doc.relations[0].evidence == want.relations[0].evidence);
}

}  // namespace
}  // namespace factgraph::exporters
