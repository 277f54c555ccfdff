// Facts and article records in a .json file (one record or an array of them), and the entry
// points for JSON Lines, which ingest/json_lines.cpp reads line by line.

#include <algorithm>
#include <optional>
#include <utility>

#include "ingest/json_input.hpp"
#include "ingest/json_lines.hpp"
#include "ingest/record_checker.hpp"
#include "ingest/record_output.hpp"

namespace factgraph::ingest {
namespace {

// Keeps a cursor so that asking for positions in file order costs O(file size) in total.
class Locator {
 public:
  explicit Locator(std::string_view text) : text_(text) {}
  TextPosition at(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < offset_) {
      offset_ = 0;
      pos_ = {};
    }
    const TextPosition step = position_of(text_.substr(offset_), offset - offset_);
    pos_.column = step.line > 1 ? step.column : pos_.column + step.column - 1;
    pos_.line += step.line - 1;
    offset_ = offset;
    return pos_;
  }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  TextPosition pos_;
};

// Reads a whole .json file: one record, or an array whose elements are records of their own and
// are checked (and handed over) one by one as the parse reaches their end.
class DocumentReader : public RecordListener {
 public:
  DocumentReader(std::string_view text, std::string_view file, RecordSink& sink)
      : text_(text), output_(file, sink), locator_(text), parser_(*this, tree_) {}

  ParseReport read() {
    const std::size_t start = bom_size(text_);
    if (const std::size_t bad = find_invalid_utf8(text_); bad != std::string_view::npos) {
      problems_.push_back({bad, utf8_message(text_[bad], bad)});
      reject(problems_);
    } else if (is_blank(text_.substr(start))) {
      output_.reject_file("empty file; expected a JSON object, an array of objects or JSON Lines");
    } else {
      std::optional<Problem> syntax = parser_.parse(text_.substr(start), start, true, "file");
      if (first_pending_) {
        first_pending_ = false;
        check(first_, 1, false, false);
      }
      if (syntax) {
        problems_.push_back(std::move(*syntax));
        reject(problems_);
      } else if (!parser_.root_is_array()) {
        check(tree_, 0, false, true);
      }
    }
    return output_.finish();
  }

  // Called by the parser as each record's first and last values arrive.
  void record_started(bool element) override {
    if (element) {
      ++elements_;
      if (first_pending_) {
        first_pending_ = false;
        check(first_, 1, true, false);
      }
    }
    tree_.clear();
  }
  void record_finished(bool element) override {
    // A lone root record is checked after the parse: trailing garbage makes the file bad.
    if (!element) return;
    // Paths get a "[n]" prefix only in arrays of more than one record, which the first record
    // cannot know yet; it waits for the next one or for the end of the array.
    if (elements_ == 1) {
      std::swap(tree_, first_);
      first_pending_ = true;
    } else {
      check(tree_, elements_, true, false);
    }
  }

 private:
  void check(const Tree& tree, std::size_t ordinal, bool prefixed, bool file_root) {
    const std::string default_id = output_.default_id(ordinal);
    RecordChecker::Options options{default_id, std::nullopt, file_root, output_.shows_more()};
    if (prefixed) options.record_index = ordinal - 1;
    if (checker_.check(tree, options, record_))
      output_.accept(record_, record_.article ? locator_.at(record_.text_offset).line : 0);
    else
      reject(checker_.problems());
  }

  void reject(std::vector<Problem>& problems) {
    output_.reject(problems, [&](std::size_t offset) { return locator_.at(offset); });
  }

  std::string_view text_;
  RecordOutput output_;
  Locator locator_;
  Tree tree_;   // the record being parsed
  Tree first_;  // the first element of a whole-file array, until the second one shows up
  TreeParser parser_;
  RecordChecker checker_;
  CheckedRecord record_;
  std::vector<Problem> problems_;
  bool first_pending_ = false;
  std::size_t elements_ = 0;
};

// Keeps every record, for callers that want the whole file at once.
class CollectingSink : public RecordSink {
 public:
  explicit CollectingSink(JsonRecords& out) : out_(out) {}
  void facts(FactsDocument document) override { out_.facts.push_back(std::move(document)); }
  void article(ArticleRecord article) override { out_.articles.push_back(std::move(article)); }

 private:
  JsonRecords& out_;
};

}  // namespace

ParseReport parse_json_records(std::string_view text, std::string_view file, bool json_lines,
                               RecordSink& sink) {
  if (!json_lines) return DocumentReader(text, file, sink).read();
  JsonLinesReader reader(file, sink);
  for (std::size_t start = 0;;) {
    const std::size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) {
      reader.line(text.substr(start));
      break;
    }
    reader.line(text.substr(start, newline - start));
    start = newline + 1;
  }
  return reader.finish();
}

JsonRecords parse_json_records(std::string_view text, std::string_view file, bool json_lines) {
  JsonRecords records;
  CollectingSink sink(records);
  ParseReport report = parse_json_records(text, file, json_lines, sink);
  records.diagnostics = std::move(report.diagnostics);
  records.bad_records = report.bad_records;
  return records;
}

}  // namespace factgraph::ingest
