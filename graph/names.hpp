#pragma once
// Name matching rules shared by merging, lookups and the extractor.

#include <string>
#include <string_view>

namespace factgraph {

/// Matching key of a name: lower case, "&" read as "and", possessive "'s" and punctuation dropped,
/// whitespace collapsed, a leading "the" and trailing company forms ("Co.", "Ltd", "Inc.") removed.
/// "Hangzhou Hikvision Digital Technology Co., Ltd." -> "hangzhou hikvision digital technology".
/// Non-ASCII letters are kept as they are. Returns "" for a name made only of punctuation.
[[nodiscard]] std::string normalize_name(std::string_view name);
/// Appends normalize_name(name) to `out`, which a caller building many keys can reuse.
void append_normalized_name(std::string& out, std::string_view name);

/// True when `word` (any case, trailing dot allowed) is a company-form suffix such as "Ltd".
[[nodiscard]] bool is_company_form(std::string_view word);

/// Identifier-safe form of a name: the normalised name with runs of other characters replaced by
/// "-" (ASCII letters and digits kept; other bytes kept as written). "U.S. Dept." -> "u-s-dept".
[[nodiscard]] std::string slugify(std::string_view name);

/// Levenshtein distance over bytes, for "did you mean" suggestions.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// `text` with ASCII letters lowered.
[[nodiscard]] std::string ascii_lower(std::string_view text);

}  // namespace factgraph
