#include <doctest/doctest.h>

#include <ostream>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/json_input.hpp"
#include "ingest/json_lines.hpp"

namespace factgraph::ingest {
namespace {

// Lines of text that print themselves when a check fails.
struct Strings : std::vector<std::string> {
  using vector::vector;
};

// Writes down every record it gets, in order, as one line each.
class RecordingSink : public RecordSink {
 public:
  void facts(FactsDocument d) override {
    std::string line = "facts " + d.info.id + ":";
    for (const EntityFact& e : d.entities) line += " " + e.name;
    for (const RelationFact& r : d.relations)
      line += " " + r.source + ">" + r.target + "=" + std::to_string(r.source_index) + ">" +
              std::to_string(r.target_index);
    records.push_back(line);
  }
  void article(ArticleRecord a) override {
    records.push_back("article " + a.info.id + " line " + std::to_string(a.text_line) + ": " +
                      a.text);
  }
  Strings records;
};

// Everything a read produced, to compare two ways of reading the same file.
struct Result {
  Strings records;
  Strings diagnostics;
  std::size_t bad = 0;
  friend bool operator==(const Result&, const Result&) = default;
};

// Failed checks then show the values instead of "{?}".
[[maybe_unused]] std::ostream& operator<<(std::ostream& out, const Strings& lines) {
  out << "{";
  for (const std::string& line : lines) out << "\n  " << line;
  return out << "\n}";
}
std::ostream& operator<<(std::ostream& out, const Result& r) {
  return out << "records " << r.records << "\ndiagnostics " << r.diagnostics << "\nbad "
             << r.bad;
}

Result result_of(const RecordingSink& sink, const ParseReport& report) {
  Result r{sink.records, {}, report.bad_records};
  for (const Diagnostic& d : report.diagnostics) r.diagnostics.push_back(d.render());
  return r;
}

Result read_text(std::string_view text) {
  RecordingSink sink;
  const ParseReport report = parse_json_records(text, "news.jsonl", true, sink);
  return result_of(sink, report);
}

Result read_stream(const std::string& text, std::size_t chunk_bytes) {
  std::istringstream in(text);
  RecordingSink sink;
  const ParseReport report = read_json_lines(in, "news.jsonl", sink, chunk_bytes);
  return result_of(sink, report);
}

std::string facts_line(std::string_view id, std::string_view name) {
  return R"({"id": ")" + std::string(id) + R"(", "entities": [{"name": ")" + std::string(name) +
         R"(", "type": "firm"}], "relations": [{"type": "x", "source": ")" + std::string(name) +
         R"(", "target": ")" + std::string(name) + R"("}]})";
}

// A stream buffer that hands out `text` and then fails, as a disk or a pipe can.
class FailingBuffer : public std::streambuf {
 public:
  explicit FailingBuffer(std::string text) : text_(std::move(text)) {
    setg(text_.data(), text_.data(), text_.data() + text_.size());
  }

 protected:
  int_type underflow() override { throw std::runtime_error("device gone"); }

 private:
  std::string text_;
};

}  // namespace

TEST_CASE("json stream: records reach the sink in file order, bad ones never") {
  const std::string text = facts_line("a", "Huawei") + "\n" + R"({"text": "one"})" + "\n" +
                           R"({"entities": [{"name": "", "type": "firm"}]})" + "\n" +
                           facts_line("b", "ZTE") + "\n" + R"({"id": "c", "text": "two"})";
  const Result expected{{"facts a: Huawei Huawei>Huawei=0>0", "article news#2 line 2: one",
                         "facts b: ZTE ZTE>ZTE=0>0", "article c line 5: two"},
                        {"news.jsonl:3:24: error: entities[0].name: must not be empty"},
                        1};
  CHECK(read_text(text) == expected);
  std::istringstream in(text);
  RecordingSink sink;
  const ParseReport report = read_json_lines(in, "news.jsonl", sink);
  CHECK(result_of(sink, report) == expected);
}

TEST_CASE("json stream: any chunk size reads as the whole text does") {
  const std::string long_name(300, 'L');
  const std::string text =
      "\xEF\xBB\xBF" + facts_line("a", "Huawei") + "\r\n" +  // a byte order mark, CRLF
      "\n   \r\n" +                                            // blank lines
      facts_line("long", long_name) + "\n" +                   // longer than most chunks
      R"({"title": "caf)" + std::string("\xC3\xA9") + R"(", "text": "x"})" + "\n" +
      R"({"entities": [{"name": "A", "type": "firm"}], "relations": [{"type": "x", "source": "A", "target": "B"}]})" +
      "\r\n" + R"({"entities": [{"name": "A" "type": "firm"}]})" + "\n" +
      R"({"title": "bad )" + std::string("\xFF") + R"(", "text": "x"})" + "\n" +
      R"({"text": "last line, no newline"})";
  const Result whole = read_text(text);
  CHECK(whole.records == Strings{"facts a: Huawei Huawei>Huawei=0>0",
                                 "facts long: " + long_name + " " + long_name + ">" + long_name +
                                     "=0>0",
                                 "article news#3 line 5: x", "article news#7 line 9: last line, "
                                                             "no newline"});
  CHECK(whole.diagnostics ==
        Strings{"news.jsonl:6:100: error: relations[0].target: unknown entity \"B\" in document "
                "\"news#4\"; did you mean \"A\"?",
                "news.jsonl:7:28: error: missing a comma or '}' after an object member",
                "news.jsonl:8:16: error: invalid UTF-8 byte 0xFF (byte offset 1358)"});
  CHECK(whole.bad == 3);
  for (const std::size_t chunk : {1, 2, 3, 4, 7, 16, 64, 101, 1000, 100000}) {
    CAPTURE(chunk);
    CHECK(read_stream(text, chunk) == whole);
  }
}

TEST_CASE("json stream: a file ending in a newline, or empty, or blank") {
  for (const std::size_t chunk : {1, 5, 4096}) {
    CAPTURE(chunk);
    CHECK(read_stream(facts_line("a", "A") + "\n", chunk).records ==
          Strings{"facts a: A A>A=0>0"});
    const Result empty{{},
                       {"news.jsonl: error: empty file; expected a JSON object, an array of "
                        "objects or JSON Lines"},
                       1};
    CHECK(read_stream("", chunk) == empty);
    CHECK(read_stream("\n \r\n\t\n", chunk) == empty);
  }
}

TEST_CASE("json stream: a line longer than the reader's own chunk") {
  std::string names;
  for (int i = 0; i < 40000; ++i)
    names += R"({"name": "Firm )" + std::to_string(i) + R"(", "type": "firm"},)";
  names.pop_back();
  const std::string huge = R"({"id": "huge", "entities": [)" + names + "]}";
  REQUIRE(huge.size() > 1'000'000);
  const std::string text = huge + "\n" + huge.substr(0, huge.size() - 1) + "\n" +
                           R"({"text": "after"})" + "\n";
  std::istringstream in(text);
  RecordingSink sink;
  const ParseReport report = read_json_lines(in, "news.jsonl", sink);
  REQUIRE(sink.records.size() == 2);
  CHECK(sink.records[0].starts_with("facts huge: Firm 0 Firm 1 "));
  CHECK(sink.records[1] == "article news#3 line 3: after");
  const std::string column = std::to_string(huge.size());
  CHECK(result_of(sink, report).diagnostics ==
        Strings{"news.jsonl:2:" + column +
                ": error: unexpected end of line; missing a comma or '}' after an object member"});
}

TEST_CASE("json stream: positions and default ids far into a file") {
  // Ten million lines: line numbers and byte offsets must not wrap or drift.
  const std::size_t blank_lines = 10'000'000;
  std::string text = R"({"text": "first"})";
  text += std::string(blank_lines, '\n');
  text += R"({"text": "second"})" "\n";
  text += R"({"title": "x)" "\xE2\x82" R"(", "text": "y"})" "\n";
  text += R"({"text": 5})" "\n";
  text += R"({"text": "fourth"})";
  const std::size_t second = blank_lines + 1;  // the first newline ends line 1
  std::istringstream in(text);
  RecordingSink sink;
  const Result result = result_of(sink, read_json_lines(in, "news.jsonl", sink));
  CHECK(sink.records == Strings{"article news#1 line 1: first",
                                "article news#2 line " + std::to_string(second) + ": second",
                                "article news#5 line " + std::to_string(second + 3) + ": fourth"});
  const std::size_t bad_offset = 17 + blank_lines + 19 + 12;
  CHECK(result.diagnostics ==
        Strings{"news.jsonl:" + std::to_string(second + 1) +
                    ":13: error: invalid UTF-8 byte 0xE2 (byte offset " +
                    std::to_string(bad_offset) + ")",
                "news.jsonl:" + std::to_string(second + 2) + ":10: error: text: expected a string"});
}

TEST_CASE("json stream: a read error is reported, the records before it are kept") {
  FailingBuffer buffer(facts_line("a", "A") + "\n" + R"({"text": "cut o)");
  std::istream in(&buffer);
  RecordingSink sink;
  const Result result = result_of(sink, read_json_lines(in, "news.jsonl", sink, 16));
  CHECK(sink.records == Strings{"facts a: A A>A=0>0"});
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].starts_with("news.jsonl: error: cannot read: "));
  CHECK(result.bad == 1);
}

TEST_CASE("json stream: the diagnostics cap holds across chunks") {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "[1]\n";
  text += facts_line("z", "Z");
  const Result result = read_stream(text, 3);
  CHECK(result.records == Strings{"facts z: Z Z>Z=0>0"});
  CHECK(result.bad == 30);
  REQUIRE(result.diagnostics.size() == 21);
  CHECK(result.diagnostics[19] ==
        "news.jsonl:20:1: error: expected an object (a facts document or an article record)");
  CHECK(result.diagnostics[20] == "news.jsonl: error: too many errors; 10 more not shown");
}

TEST_CASE("json stream: the elements of a .json array go to the sink one by one") {
  RecordingSink sink;
  const ParseReport report = parse_json_records(
      std::string("[") + facts_line("a", "A") + ",\n" + R"({"text": "t"})" + ",\n" + facts_line("c", "C") +
          ",\n" + R"({"id": "d" "text": "t"}, )" + facts_line("e", "E") + "]",
      "news.json", false, sink);
  CHECK(sink.records ==
        Strings{"facts a: A A>A=0>0", "article news#2 line 2: t", "facts c: C C>C=0>0"});
  CHECK(result_of(sink, report).diagnostics ==
        Strings{"news.json:4:12: error: missing a comma or '}' after an object member"});
}

}  // namespace factgraph::ingest
