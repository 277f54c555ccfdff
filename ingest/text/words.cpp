#include "ingest/text/words.hpp"

#include <cctype>

#include "ingest/text/word_table.hpp"

namespace factgraph::ingest {
namespace {

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
    "who", "when", "amid", "following", "linked", "tied", "connected", "affiliated", "associated",
    "belonging"};

constexpr std::string_view kVerbs[] = {
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "shall", "should",
    "can", "could", "may", "might", "must", "said", "says", "and", "or", "to", "on", "in", "of",
    "for", "with", "by", "at", "from", "also", "imposed", "added", "designated", "sanctioned",
    "announced", "did", "does", "plans", "wants", "agreed", "signed", "issued", "took",
    "takes", "made", "makes", "adds", "imposes", "blocked", "targeted", "designates", "as",
    "than", "that", "which", "who", "but", "after", "before", "over", "under", "into"};

constexpr std::string_view kAddWords[] = {
    "add", "adds", "added", "adding", "addition", "additions", "inclusion", "put", "placed",
    "placing", "places", "listed", "listing"};
constexpr std::string_view kRemoveWords[] = {
    "remove", "removes", "removed", "removing", "removal", "delist", "delisted", "delisting"};
constexpr std::string_view kSanctionWords[] = {
    "sanction",  "sanctions",   "sanctioned", "sanctioning", "designate",   "designates",
    "designated", "designating", "blocked",   "designation", "designations", "blacklisted",
    "blacklisting"};
constexpr std::string_view kTalksWords[] = {
    "talks", "negotiations", "negotiating", "negotiate", "negotiated", "meeting", "meetings",
    "met", "meet", "meets", "call", "consultations", "discussions", "spoke", "relations", "negotiators",
    "summit", "discussed", "talked"};
constexpr std::string_view kCondemnWords[] = {
    "condemn", "condemns", "condemned", "condemning", "slammed", "slams", "slam", "denounced",
    "denounces", "criticized", "criticised", "blasted", "rebuked"};
constexpr std::string_view kHostVerbs[] = {"hosted", "hosts", "welcomed", "welcomes"};
constexpr std::string_view kCompanionWords[] = {"alongside", "along", "together"};
constexpr std::string_view kUnitWords[] = {"subsidiary", "subsidiaries", "affiliate", "affiliates", "unit", "units", "part",
                                           "arm", "division", "branch", "parent"};
constexpr std::string_view kDealVerbs[] = {"reached", "clinched", "struck", "sealed", "concluded"};
constexpr std::string_view kPlaceCues[] = {"based", "located", "headquartered", "registered", "under"};
constexpr std::string_view kGenericListWords[] = {"blacklist", "blacklists", "list", "entity-list",
                                                  "lists"};

WordTable make_word_classes() {
  WordTable t;
  t.add(kConnectors, kConnector);
  t.add(kCalendar, kCalendarWord);
  t.add(kStopWords, kStopWord);
  t.add(kLawHeads, kLawHead);
  t.add(kOrgNouns, kOrgNoun);
  t.add(kPersonNouns, kPersonNoun);
  t.add(kOfficialNouns, kOfficialNoun);
  t.add(kPassive, kPassiveAuxiliary);
  t.add(kObjectEnd, kObjectListEnd);
  t.add(kVerbs, kVerbLike);
  t.add(kAddWords, kAddVerb);
  t.add(kRemoveWords, kRemoveVerb);
  t.add(kSanctionWords, kSanctionWord);
  t.add(kTalksWords, kTalksWord);
  t.add(kCondemnWords, kCondemnVerb);
  t.add(kGenericListWords, kGenericListWord);
  t.add(kPlaceCues, kPlaceCue);
  t.add(kHostVerbs, kHostVerb);
  t.add(kCompanionWords, kCompanionWord);
  t.add(kUnitWords, kUnitWord);
  t.add(kDealVerbs, kDealVerb);
  t.add(kMonthNames, kDateName);
  t.add(kMonthAbbrevs, kDateName);  // the empty one for May is skipped
  t.add(std::string_view("sept"), kDateName);
  t.add(kWeekdays, kDateName);
  return t;
}

}  // namespace

const WordTable detail::kWordClasses = make_word_classes();

bool is_connector(std::string_view lower) { return word_classes(lower) & kConnector; }
bool is_stop_word(std::string_view lower) { return word_classes(lower) & kStopWord; }
bool is_calendar_word(std::string_view lower) { return word_classes(lower) & kCalendarWord; }
bool is_verb_like(std::string_view lower) {
  return (word_classes(lower) & kVerbLike) || lower.ends_with("ed");
}
bool is_org_noun(std::string_view lower) { return word_classes(lower) & kOrgNoun; }
bool is_person_noun(std::string_view lower) { return word_classes(lower) & kPersonNoun; }
bool is_official_noun(std::string_view lower) { return word_classes(lower) & kOfficialNoun; }
bool is_passive_auxiliary(std::string_view lower) { return word_classes(lower) & kPassiveAuxiliary; }
bool ends_object_list(std::string_view lower) { return word_classes(lower) & kObjectListEnd; }

bool is_law_or_event(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
  // "Executive Order 13224": the number is a reference; the word before it is the head.
  while (last > first + 1 && std::isdigit(static_cast<unsigned char>(tokens[last - 1].text[0]))) --last;
  if (first >= last) return false;
  const Token& head = tokens[last - 1];
  if (head.classes & kLawHead) return true;
  // "E.O. 13818", "Section 231": references, not names.
  return tokens[first].lower == "section" || tokens[first].lower == "e.o.";
}

}  // namespace factgraph::ingest
