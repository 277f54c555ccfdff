#include "ingest/json_lines.hpp"

#include <cerrno>
#include <cstring>

#include "ingest/record_checker.hpp"
#include "ingest/record_output.hpp"
#include "ingest/record_scanner.hpp"

namespace factgraph::ingest {
namespace {

// Big enough that reading costs little per byte, small enough to be no memory concern.
constexpr std::size_t kChunkBytes = 256 * 1024;

}  // namespace

class JsonLinesReader::Impl : public RecordListener {
 public:
  Impl(std::string_view file, RecordSink& sink) : output_(file, sink), parser_(*this, tree_) {}

  void line(std::string_view text) {
    const std::size_t line = next_line_++;
    std::uint64_t offset = next_offset_;
    next_offset_ += text.size() + 1;
    std::size_t column = 1;
    if (line == 1) {
      // Skipped, but its bytes still count in columns and offsets.
      const std::size_t bom = bom_size(text);
      text.remove_prefix(bom);
      column += bom;
      offset += bom;
    }
    if (text.ends_with('\r')) text.remove_suffix(1);
    if (!is_blank(text)) read_record(text, line, column, offset, ++records_);
  }

  void read_error(std::string message) {
    read_error_ = true;
    output_.reject_file(std::move(message));
  }

  ParseReport finish() {
    if (records_ == 0 && !read_error_)
      output_.reject_file("empty file; expected a JSON object, an array of objects or JSON Lines");
    return output_.finish();
  }

  void record_started(bool) override { tree_.clear(); }
  void record_finished(bool) override {}

 private:
  // `text` is one record starting at `column` of `line`, at byte `offset` of the file.
  void read_record(std::string_view text, std::size_t line, std::size_t column,
                   std::uint64_t offset, std::size_t ordinal) {
    const std::string default_id = output_.default_id(ordinal);
    // Nearly every record is good: the scanner reads it without a tree. When it gives up, the
    // checks below run in their reference order: UTF-8, syntax, then the schema.
    if (std::size_t used = 0;
        scanner_.scan(text, default_id, record_, used) && is_blank(text.substr(used))) {
      output_.accept(record_, line);
      return;
    }
    auto where = [&](std::size_t at) { return TextPosition{line, column + at}; };
    if (const std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
      problems_.push_back({bad, utf8_message(text[bad], offset + bad)});
      output_.reject(problems_, where);
      return;
    }
    if (std::optional<Problem> syntax = parser_.parse(text, 0, false, "line")) {
      problems_.push_back(std::move(*syntax));
      output_.reject(problems_, where);
      return;
    }
    const RecordChecker::Options options{default_id, std::nullopt, false, output_.shows_more()};
    if (checker_.check(tree_, options, record_))
      output_.accept(record_, line);
    else
      output_.reject(checker_.problems(), where);
  }

  RecordOutput output_;
  Tree tree_;
  TreeParser parser_;
  RecordChecker checker_;
  RecordScanner scanner_;
  CheckedRecord record_;
  std::vector<Problem> problems_;
  std::size_t next_line_ = 1;
  std::uint64_t next_offset_ = 0;
  std::size_t records_ = 0;  // non-blank lines so far
  bool read_error_ = false;
};

JsonLinesReader::JsonLinesReader(std::string_view file, RecordSink& sink)
    : impl_(std::make_unique<Impl>(file, sink)) {}
JsonLinesReader::~JsonLinesReader() = default;
void JsonLinesReader::line(std::string_view text) { impl_->line(text); }
void JsonLinesReader::read_error(std::string message) { impl_->read_error(std::move(message)); }
ParseReport JsonLinesReader::finish() { return impl_->finish(); }

ParseReport read_json_lines(std::istream& in, std::string_view file, RecordSink& sink,
                            std::size_t chunk_bytes) {
  JsonLinesReader reader(file, sink);
  // Holds the start of a line that the last chunk did not finish, then the next chunk.
  std::string buffer;
  std::size_t searched = 0;  // bytes at the start of `buffer` known to hold no '\n'
  for (;;) {
    const std::size_t kept = buffer.size();
    buffer.resize(kept + chunk_bytes);
    errno = 0;
    in.read(buffer.data() + kept, static_cast<std::streamsize>(chunk_bytes));
    buffer.resize(kept + static_cast<std::size_t>(in.gcount()));
    if (in.bad() || (in.fail() && !in.eof())) {
      // What was read of an unfinished line would only be misreported as truncated.
      reader.read_error(std::string("cannot read: ") + std::strerror(errno != 0 ? errno : EIO));
      return reader.finish();
    }
    const std::string_view text = buffer;
    std::size_t start = 0;
    for (std::size_t newline; (newline = text.find('\n', searched)) != std::string_view::npos;) {
      reader.line(text.substr(start, newline - start));
      start = searched = newline + 1;
    }
    if (in.eof()) {
      reader.line(text.substr(start));
      return reader.finish();
    }
    buffer.erase(0, start);
    searched = buffer.size();
  }
}

ParseReport read_json_lines(std::istream& in, std::string_view file, RecordSink& sink) {
  return read_json_lines(in, file, sink, kChunkBytes);
}

}  // namespace factgraph::ingest
