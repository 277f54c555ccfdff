#pragma once
// Text extraction: raw article text in, the facts it states out (the same FactsDocument the JSON
// facts reader produces, so merging and exporting are shared).

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.hpp"
#include "ingest/diagnostic.hpp"
#include "ingest/json_input.hpp"

namespace factgraph::ingest {

class LexiconData;

/// The gazetteers (regions, agencies, titles, lists, groups, name parts) the extractor matches
/// against. Cheap to copy (shared, immutable once loaded); safe to use from several threads.
class Lexicon {
 public:
  /// Loads the shipped data files from `dir` (see data/README.md). Throws IoError when a file
  /// cannot be read; malformed rows are reported in `diagnostics` and skipped.
  static Lexicon load(const std::string& dir, std::vector<Diagnostic>& diagnostics);
  /// The shipped data directory: $FACTGRAPH_DATA, else the installed share/factgraph, else the
  /// source tree's data/ (for an uninstalled build).
  static std::string default_dir();
  /// Adds a user lexicon file (same columns as the shipped files; see docs/extraction.md).
  void add_file(const std::string& path, std::vector<Diagnostic>& diagnostics);

  [[nodiscard]] const LexiconData& data() const { return *data_; }

 private:
  std::shared_ptr<LexiconData> data_;
};

/// Splits a plain-text article into its dateline and text. A first line `date YYYY-MM-DD PLACE:`
/// (or `date unknown:`) sets the publication date and place; the text may go on after the colon.
/// Without a dateline, `fallback_date` (may be empty) is used. `id` names the document.
[[nodiscard]] ArticleRecord read_text_article(std::string_view text, std::string_view id,
                                              std::string_view fallback_date);

/// When the first line of `text` is meant as a dateline ("date", then a number) but is not a valid
/// one ("date 2019-02-30 Beijing:", "date 12/03/2019:"), what is wrong and where: a silently
/// ignored dateline would leave every relative date unresolved. nullopt otherwise.
[[nodiscard]] std::optional<Diagnostic> check_dateline(std::string_view text);

/// Whether extracted evidence carries its sentence. Every evidence sentence is the article text
/// between the evidence's offsets, so a caller that keeps the article can leave the copies out.
enum class EvidenceText { kCopied, kOffsetsOnly };

/// The entities and relations `article` states, with evidence (sentence, offsets, rule). With
/// EvidenceText::kOffsetsOnly each Evidence::sentence is left empty: it is
/// article.text.substr(begin, end - begin).
[[nodiscard]] FactsDocument extract_facts(const ArticleRecord& article, const Lexicon& lexicon,
                                          EvidenceText evidence = EvidenceText::kCopied);

}  // namespace factgraph::ingest
