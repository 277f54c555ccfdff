#pragma once
// Closed word classes of English news prose that the extractor's rules are written in terms of.

#include <string_view>
#include <vector>

#include "ingest/text/tokens.hpp"

namespace factgraph::ingest {

/// Little words that may sit inside a title-case name or heading ("of", "and", "the").
[[nodiscard]] bool is_connector(std::string_view lower);
/// Words capitalised only because they start a sentence or a heading ("The", "Today", "Also").
[[nodiscard]] bool is_stop_word(std::string_view lower);
/// Weekday and month names (bar "May"), which end a capitalised name.
[[nodiscard]] bool is_calendar_word(std::string_view lower);
/// Verbs, auxiliaries and function words that can follow a country acting as a subject.
[[nodiscard]] bool is_verb_like(std::string_view lower);
/// Names of laws, orders, programmes and events, which are not actors ("... Act", "Executive Order").
[[nodiscard]] bool is_law_or_event(const std::vector<Token>& tokens, std::size_t first,
                                   std::size_t last);
/// Nouns that introduce organisations in apposition or before a name ("firms", "company").
[[nodiscard]] bool is_org_noun(std::string_view lower);
/// Nouns that describe a person in apposition ("an oligarch", "the head of").
[[nodiscard]] bool is_person_noun(std::string_view lower);
/// Nouns that mark a person as holding a public post ("official", "spokesperson").
[[nodiscard]] bool is_official_noun(std::string_view lower);
/// Auxiliaries that make the next participle passive ("was added", "is being designated").
[[nodiscard]] bool is_passive_auxiliary(std::string_view lower);
/// Words that end the object list of an action ("for", "because", "pursuant").
[[nodiscard]] bool ends_object_list(std::string_view lower);

}  // namespace factgraph::ingest
