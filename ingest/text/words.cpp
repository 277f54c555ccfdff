#include "ingest/text/words.hpp"

#include <algorithm>
#include <cctype>
#include <array>

namespace factgraph::ingest {
namespace {

template <std::size_t N>
bool in(const std::string_view (&words)[N], std::string_view w) {
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

constexpr std::string_view kConnectors[] = {
    "of",  "and",   "the",   "for",    "in",    "on",   "to",      "a",    "an",  "by",
    "with", "at",   "&",     "from",   "through", "via", "over",   "after", "against", "amid",
    "into", "under", "as",   "about",  "across", "before", "upon", "per",  "or",  "its", "their"};

constexpr std::string_view kCalendar[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december"};

constexpr std::string_view kStopWords[] = {
    "the", "a", "an", "in", "on", "at", "for", "from", "with", "by", "to", "of", "and", "or",
    "but", "as", "this", "these", "those", "that", "it", "its", "their", "our", "we", "they",
    "he", "she", "his", "her", "i", "you", "today", "yesterday", "tomorrow", "meanwhile",
    "additionally", "also", "however", "first", "second", "third", "any", "all", "both",
    "such", "note", "answer", "since", "among", "after", "before", "during", "under", "while",
    "when", "where", "which", "who", "what", "why", "how", "there", "here", "then", "thus",
    "further", "furthermore", "moreover", "specifically", "finally", "consistent", "outside",
    "according", "earlier", "later", "last", "next", "new", "some", "many", "most", "several",
    "each", "every", "other", "another", "one", "two", "three", "four", "five", "if", "so",
    "not", "no", "yes", "press", "statement", "releases", "release", "summary", "action",
    "dates", "agency", "contact", "media", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "western", "eastern", "deputy-level", "senior", "ministers",
    "targets", "individuals", "entities", "blocked", "designated", "similarly"};

constexpr std::string_view kLawHeads[] = {
    "act", "order", "orders", "regulations", "regulation", "law", "laws", "amendment", "rule",
    "rules", "license", "licence", "program", "programme", "statement", "agreement", "strategy",
    "initiative", "treaty", "accord", "resolution", "directive", "authority", "war", "summit",
    "conference", "forum", "plan", "policy", "provisions", "register", "online", "code", "part"};

constexpr std::string_view kOrgNouns[] = {
    "firm", "firms", "company", "companies", "entity", "entities", "giant", "giants", "maker",
    "makers", "manufacturer", "manufacturers", "supplier", "suppliers", "bank", "banks",
    "conglomerate", "group", "groups", "subsidiary", "subsidiaries", "affiliate", "affiliates",
    "business", "businesses", "enterprise", "enterprises", "corporation", "corporations",
    "organization", "organisation", "organizations", "organisations", "institution",
    "institutions", "provider", "providers", "operator", "operators", "startup", "startups",
    "agency", "exporter", "producer"};

constexpr std::string_view kPersonNouns[] = {
    "oligarch", "businessman", "businesswoman", "executive", "official", "head", "director",
    "spokesperson", "spokesman", "spokeswoman", "elite", "investor", "founder", "chairman",
    "chairwoman", "national", "citizen", "member", "son", "daughter", "wife", "husband",
    "minister", "secretary", "deputy", "chief", "president", "owner", "shareholder", "financier"};

constexpr std::string_view kOfficialNouns[] = {
    "official", "officials", "spokesperson", "spokesman", "spokeswoman", "minister", "secretary",
    "director", "deputy", "ambassador", "governor", "commissioner", "envoy", "president",
    "premier", "representative"};

constexpr std::string_view kPassive[] = {
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "also", "get"};

constexpr std::string_view kObjectEnd[] = {
    "for", "because", "pursuant", "citing", "under", "in", "over", "after", "due", "which",
    "who", "when", "amid", "following"};

}  // namespace

bool is_connector(std::string_view lower) { return in(kConnectors, lower); }
bool is_stop_word(std::string_view lower) { return in(kStopWords, lower); }
bool is_calendar_word(std::string_view lower) { return in(kCalendar, lower); }

bool is_verb_like(std::string_view lower) {
  static constexpr std::string_view kVerbs[] = {
      "has", "have", "had", "is", "are", "was", "were", "will", "would", "shall", "should",
      "can", "could", "may", "might", "must", "said", "says", "and", "or", "to", "on", "in", "of",
      "for", "with", "by", "at", "from", "also", "imposed", "added", "designated", "sanctioned",
      "announced", "did", "does", "plans", "wants", "agreed", "signed", "issued", "took",
      "takes", "made", "makes", "adds", "imposes", "blocked", "targeted", "designates", "as",
      "than", "that", "which", "who", "but", "after", "before", "over", "under", "into"};
  return in(kVerbs, lower) || lower.ends_with("ed");
}
bool is_org_noun(std::string_view lower) { return in(kOrgNouns, lower); }
bool is_person_noun(std::string_view lower) { return in(kPersonNouns, lower); }
bool is_official_noun(std::string_view lower) { return in(kOfficialNouns, lower); }
bool is_passive_auxiliary(std::string_view lower) { return in(kPassive, lower); }
bool ends_object_list(std::string_view lower) { return in(kObjectEnd, lower); }

bool is_law_or_event(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
  // "Executive Order 13224": the number is a reference; the word before it is the head.
  while (last > first + 1 && std::isdigit(static_cast<unsigned char>(tokens[last - 1].text[0]))) --last;
  if (first >= last) return false;
  const Token& head = tokens[last - 1];
  if (in(kLawHeads, head.lower)) return true;
  // "E.O. 13818", "Section 231": references, not names.
  return tokens[first].lower == "section" || tokens[first].lower == "e.o.";
}

}  // namespace factgraph::ingest
