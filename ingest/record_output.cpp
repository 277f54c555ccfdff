#include "ingest/record_output.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace factgraph::ingest {

RecordOutput::RecordOutput(std::string_view file, RecordSink& sink)
    : file_(file), stem_(std::filesystem::path(file_).stem().string()), sink_(sink) {}

std::string RecordOutput::default_id(std::size_t ordinal) const {
  return ordinal == 0 ? stem_ : stem_ + "#" + std::to_string(ordinal);
}

void RecordOutput::accept(CheckedRecord& record, std::size_t text_line) {
  if (!record.article) {
    sink_.facts(std::move(record.facts));
    return;
  }
  ArticleRecord article;
  article.info = std::move(record.facts.info);
  article.text = std::move(record.text);
  article.text_line = text_line;
  sink_.article(std::move(article));
}

void RecordOutput::reject_file(std::string message) {
  // Shown even past the cap: it says why the records of the whole file (or its rest) are missing.
  ++report_.bad_records;
  report_.diagnostics.push_back({file_, 0, 0, std::move(message)});
}

ParseReport RecordOutput::finish() {
  if (suppressed_ > 0)
    report_.diagnostics.push_back(
        {file_, 0, 0, "too many errors; " + std::to_string(suppressed_) + " more not shown"});
  suppressed_ = 0;
  return std::move(report_);
}

void RecordOutput::sort_by_offset(std::vector<Problem>& problems) {
  std::stable_sort(problems.begin(), problems.end(),
                   [](const Problem& a, const Problem& b) { return a.offset < b.offset; });
}

std::string utf8_message(char byte, std::uint64_t offset) {
  char buf[80];
  std::snprintf(buf, sizeof buf, "invalid UTF-8 byte 0x%02X (byte offset %llu)",
                static_cast<unsigned>(static_cast<unsigned char>(byte)),
                static_cast<unsigned long long>(offset));
  return buf;
}

std::size_t bom_size(std::string_view text) { return text.starts_with("\xEF\xBB\xBF") ? 3 : 0; }

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace factgraph::ingest
