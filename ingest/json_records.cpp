// Facts and article records in a .json file (one record or an array of them), and the entry
// points for JSON Lines, which ingest/json_lines.cpp reads line by line.

#include <algorithm>
#include <optional>
#include <utility>

#include "ingest/json_input.hpp"
#include "ingest/json_lines.hpp"
#include "ingest/record_checker.hpp"
#include "ingest/record_output.hpp"
#include "ingest/record_scanner.hpp"

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
    } else if (!scan(start)) {
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
  // The fast path: true when the scanner read the whole file. Otherwise the tree parse and the
  // checker read it all again for the diagnostics, leaving out the records scanned already:
  // those the checker would accept first anyway.
  bool scan(std::size_t start) {
    std::size_t at = skip_space(start);
    if (byte(at) == '{') {
      // Trailing garbage makes a lone record bad, so it waits for the end of the file.
      std::size_t used = 0;
      if (!scanner_.scan(text_.substr(at), output_.default_id(0), record_, used) ||
          !is_blank(text_.substr(at + used)))
        return false;
      output_.accept(record_, record_.article ? locator_.at(at + record_.text_offset).line : 0);
      return true;
    }
    if (byte(at) != '[') return false;
    at = skip_space(at + 1);
    if (byte(at) == ']') return is_blank(text_.substr(at + 1));
    for (std::size_t ordinal = 1;; ++ordinal) {
      if (!scan_element(at, ordinal)) return false;
      at = skip_space(at);
      if (byte(at) == ']') return is_blank(text_.substr(at + 1));
      if (byte(at) != ',') return false;
      at = skip_space(at + 1);
    }
  }

  // Scans the array element at `at` and hands it over; moves `at` past it. Should the file turn
  // out bad later, the checker still accepts this element: it is read before the error.
  bool scan_element(std::size_t& at, std::size_t ordinal) {
    std::size_t used = 0;
    if (!scanner_.scan(text_.substr(at), output_.default_id(ordinal), record_, used)) return false;
    ++scanned_;
    output_.accept(record_, record_.article ? locator_.at(at + record_.text_offset).line : 0);
    at += used;
    return true;
  }

  // The offset of the first byte from `at` that is not JSON whitespace, or the end.
  std::size_t skip_space(std::size_t at) const {
    const std::size_t found = text_.find_first_not_of(" \t\r\n", at);
    return found == std::string_view::npos ? text_.size() : found;
  }
  // The byte at `at`, or NUL (which is no JSON token) at the end.
  char byte(std::size_t at) const { return at < text_.size() ? text_[at] : '\0'; }

  void check(const Tree& tree, std::size_t ordinal, bool prefixed, bool file_root) {
    const std::string default_id = output_.default_id(ordinal);
    RecordChecker::Options options{default_id, std::nullopt, file_root, output_.shows_more()};
    if (prefixed) options.record_index = ordinal - 1;
    if (!checker_.check(tree, options, record_)) {
      reject(checker_.problems());
    } else if (scanned_ > 0) {
      --scanned_;  // handed over by the fast path already
    } else {
      output_.accept(record_, record_.article ? locator_.at(record_.text_offset).line : 0);
    }
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
  RecordScanner scanner_;
  CheckedRecord record_;
  std::vector<Problem> problems_;
  std::size_t scanned_ = 0;  // records handed over by the fast path, not to be handed over again
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
