#pragma once
// Closed word classes of English news prose that the extractor's rules are written in terms of.

#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/text/tokens.hpp"
#include "ingest/text/word_table.hpp"

namespace factgraph::ingest {

/// The word classes below as bits, for rules that test several at once or test every token.
enum WordClass : std::uint32_t {
  kConnector = 1u << 0,
  kStopWord = 1u << 1,
  kCalendarWord = 1u << 2,
  kVerbLike = 1u << 3,  ///< the listed words only; is_verb_like also takes any "-ed" word
  kLawHead = 1u << 4,
  kOrgNoun = 1u << 5,
  kPersonNoun = 1u << 6,
  kOfficialNoun = 1u << 7,
  kPassiveAuxiliary = 1u << 8,
  kObjectListEnd = 1u << 9,
  kAddVerb = 1u << 10,          ///< "added", "placing", "inclusion": joining a list
  kRemoveVerb = 1u << 11,       ///< "removed", "delisting"
  kSanctionWord = 1u << 12,     ///< "sanctioned", "designates", "blocked"
  kTalksWord = 1u << 13,        ///< "talks", "met", "negotiations"
  kCondemnVerb = 1u << 14,      ///< "condemned", "slammed"
  kGenericListWord = 1u << 15,  ///< "blacklist", "list": the article's list, unnamed
  kPlaceCue = 1u << 16,         ///< "based", "located", "headquartered", "under": X based in Y
  /// Not a word list: the tokenizer sets it on words joined by hyphens or slashes
  /// ("Hangzhou-based"), so that a rule about such words can skip sentences without any.
  kJoinedWord = 1u << 17,
  /// Month names and abbreviations, weekday names ("march", "may", "sept", "friday"): what a date
  /// can start with. Unlike kCalendarWord, which ends names, it has "may" and the abbreviations.
  kDateName = 1u << 18,
  /// Set by the tokenizer for the date finder (dates.cpp): a word of letters only that starts
  /// with "today", "yesterday", "tomorrow" or "tonight".
  kDayWord = 1u << 19,
  /// Set by the tokenizer: a word token that is not letters only ("2020", "2020-07-09", "mid-2019").
  kMixedWord = 1u << 20,
  kHostVerb = 1u << 21,   ///< "hosted", "welcomed": a host who meets the guests named next
  kCompanionWord = 1u << 22,  ///< "alongside", "along", "together": more objects follow
  kUnitWord = 1u << 23,   ///< "subsidiary", "unit", "part", "arm", "parent": one body in another
  kDealVerb = 1u << 24,   ///< "reached", "clinched", "struck", "sealed": the end of a negotiation
};

/// Month names, their abbreviations (none for May) and weekday names, lower case.
inline constexpr std::string_view kMonthNames[] = {"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};
inline constexpr std::string_view kMonthAbbrevs[] = {"jan", "feb", "mar", "apr", "",    "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};
inline constexpr std::string_view kWeekdays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                                 "thursday", "friday", "saturday"};
/// Words that name a day relative to the publication date.
inline constexpr std::string_view kDayWords[] = {"today", "yesterday", "tomorrow", "tonight"};

namespace detail {
extern const WordTable kWordClasses;  // words.cpp; only read after main has started
}

/// The WordClass bits of a lower-case word (0 for a word of no closed class); one hash lookup.
[[nodiscard]] inline std::uint32_t word_classes(std::string_view lower) {
  return detail::kWordClasses.find(lower);
}
/// The same for a word whose word_hash is known.
[[nodiscard]] inline std::uint32_t word_classes(std::string_view lower, std::uint32_t hash) {
  return detail::kWordClasses.find(lower, hash);
}

/// Little words that may sit inside a title-case name or heading ("of", "and", "the").
[[nodiscard]] bool is_connector(std::string_view lower);
/// Words capitalised only because they start a sentence or a heading ("The", "Today", "Also").
[[nodiscard]] bool is_stop_word(std::string_view lower);
/// Weekday and month names (bar "May"), which end a capitalised name.
[[nodiscard]] bool is_calendar_word(std::string_view lower);
/// Verbs, auxiliaries and function words that can follow a country acting as a subject.
[[nodiscard]] bool is_verb_like(std::string_view lower);
/// The same questions about a token, answered from its cached Token::classes.
[[nodiscard]] inline bool is_connector(const Token& t) { return t.classes & kConnector; }
[[nodiscard]] inline bool is_stop_word(const Token& t) { return t.classes & kStopWord; }
[[nodiscard]] inline bool is_calendar_word(const Token& t) { return t.classes & kCalendarWord; }
[[nodiscard]] inline bool is_verb_like(const Token& t) {
  return (t.classes & kVerbLike) || t.lower.ends_with("ed");
}
[[nodiscard]] inline bool is_org_noun(const Token& t) { return t.classes & kOrgNoun; }
[[nodiscard]] inline bool is_person_noun(const Token& t) { return t.classes & kPersonNoun; }

/// The length of the suffix that makes a word say where an organisation is ("Dalian-based",
/// "UAE-registered", "Paris-headquartered"), or 0.
[[nodiscard]] inline std::size_t place_suffix(std::string_view lower) {
  for (std::string_view suffix : {std::string_view("-based"), std::string_view("-registered"),
                                  std::string_view("-headquartered")})
    if (lower.size() > suffix.size() && lower.ends_with(suffix)) return suffix.size();
  return 0;
}
/// place_suffix of a token, answered at once for the words without a hyphen.
[[nodiscard]] inline std::size_t place_suffix(const Token& t) {
  return (t.classes & kJoinedWord) ? place_suffix(t.lower) : 0;
}
[[nodiscard]] inline bool ends_object_list(const Token& t) { return t.classes & kObjectListEnd; }

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
