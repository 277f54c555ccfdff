// The text extractor: each relation family's patterns, positive and negative, on sentences written
// for these tests; and the sample articles end to end.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "ingest/text/analysis.hpp"
#include "ingest/text/extractor.hpp"
#include "ingest/text/lexicon_data.hpp"
#include "ingest/text/words.hpp"

using namespace factgraph;
using namespace factgraph::ingest;

namespace {

const Lexicon& lexicon() {
  static const Lexicon lex = [] {
    std::vector<Diagnostic> problems;
    Lexicon l = Lexicon::load(std::string(FACTGRAPH_SOURCE_DIR) + "/data", problems);
    REQUIRE(problems.empty());
    return l;
  }();
  return lex;
}

FactsDocument extract(const std::string& text, std::string_view date = "2021-03-04") {
  const ArticleRecord record = read_text_article(text, "test", date);
  return extract_facts(record, lexicon());
}

const EntityFact* entity(const FactsDocument& doc, std::string_view name) {
  for (const EntityFact& e : doc.entities) {
    if (e.name == name) return &e;
    for (const std::string& a : e.aliases)
      if (a == name) return &e;
  }
  return nullptr;
}

// The relation of `type` between entities named (or aliased) `source` and `target`.
const RelationFact* relation(const FactsDocument& doc, std::string_view type,
                             std::string_view source, std::string_view target) {
  const EntityFact* s = entity(doc, source);
  const EntityFact* t = entity(doc, target);
  if (!s || !t) return nullptr;
  for (const RelationFact& r : doc.relations)
    if (r.type == type && ((r.source == s->id && r.target == t->id) ||
                           (type == "negotiates-with" && r.source == t->id && r.target == s->id)))
      return &r;
  return nullptr;
}

std::size_t count(const FactsDocument& doc, std::string_view type) {
  std::size_t n = 0;
  for (const RelationFact& r : doc.relations) n += r.type == type;
  return n;
}

}  // namespace

TEST_CASE("extract: the dateline gives date and place, the text may follow the colon") {
  const ArticleRecord r = read_text_article(" date 2019-10-08 Washington: The text.", "a.txt", "");
  CHECK(r.info.date == "2019-10-08");
  CHECK(r.place == "Washington");
  CHECK(r.text == " The text.");
  const ArticleRecord unknown = read_text_article("date unknown:\nBody", "b.txt", "2020-01-02");
  CHECK(unknown.info.date == "2020-01-02");
  CHECK(unknown.text == "\nBody");
  const ArticleRecord none = read_text_article("No dateline here: at all", "c.txt", "");
  CHECK(none.info.date.empty());
  CHECK(none.text == "No dateline here: at all");
}

TEST_CASE("extract: a dateline with an impossible or foreign date is reported, prose is not") {
  const auto bad_day = check_dateline("date 2019-02-30 Beijing: China said ...");
  REQUIRE(bad_day.has_value());
  CHECK(bad_day->line == 1);
  CHECK(bad_day->column == 6);
  CHECK(bad_day->message.find("'2019-02-30'") != std::string::npos);
  const auto slashes = check_dateline("  date 12/03/2019: text");
  REQUIRE(slashes.has_value());
  CHECK(slashes->column == 8);
  CHECK(check_dateline("date 2019-1-5 Paris:").has_value());
  CHECK_FALSE(check_dateline("date 2019-10-08 Washington: The text.").has_value());
  CHECK_FALSE(check_dateline("date 2019-10-08: The text.").has_value());
  CHECK_FALSE(check_dateline("date unknown: The text.").has_value());
  CHECK_FALSE(check_dateline("date palms: a crop that grows in the desert").has_value());
  CHECK_FALSE(check_dateline("date 2019 was a year without a colon").has_value());
  CHECK_FALSE(check_dateline("Washington, 2019-02-30: not a dateline").has_value());
}

TEST_CASE("extract: coordinated additions give one edge per member, with the agent") {
  const auto doc = extract(
      "date 2022-06-09 Washington: The Bureau of Industry and Security added Lantern Peak Optics "
      "Co., Ltd., Orchid Bay Sensors Inc. and Marlow Ridge Avionics to the Entity List on Tuesday.");
  for (const char* firm : {"Lantern Peak Optics Co., Ltd.", "Orchid Bay Sensors Inc.", "Marlow Ridge Avionics"}) {
    CAPTURE(firm);
    const RelationFact* r = relation(doc, "added-to-list", firm, "Entity List");
    REQUIRE(r != nullptr);
    CHECK(r->date == "2022-06-07");
    CHECK(r->attributes.at("agent") == "Bureau of Industry and Security");
    CHECK(r->evidence.rule == "listing");
    CHECK(r->evidence.sentence.find("Marlow Ridge") != std::string::npos);
  }
  CHECK(entity(doc, "Marlow Ridge Avionics")->type == "firm");
  CHECK(count(doc, "added-to-list") == 3);
}

TEST_CASE("extract: passive additions take the subject, not names in the rest of the sentence") {
  const auto doc = extract(
      "date 2022-06-09: Harrow Point Microwave Co. and Quill Lake Robotics Ltd. were added to the "
      "Entity List by the Bureau of Industry and Security for supplying Vantor Marine Works.");
  CHECK(relation(doc, "added-to-list", "Harrow Point Microwave Co.", "Entity List"));
  CHECK(relation(doc, "added-to-list", "Quill Lake Robotics Ltd.", "Entity List"));
  CHECK_FALSE(relation(doc, "added-to-list", "Bureau of Industry and Security", "Entity List"));
  CHECK_FALSE(relation(doc, "added-to-list", "Vantor Marine Works", "Entity List"));
}

TEST_CASE("extract: removals are not additions") {
  const auto doc = extract(
      "date 2023-11-14: The Commerce Department removed Brightwater Coatings Co., Ltd. from the "
      "Entity List.");
  CHECK(relation(doc, "removed-from-list", "Brightwater Coatings Co., Ltd.", "Entity List"));
  CHECK(count(doc, "added-to-list") == 0);
}

TEST_CASE("extract: an entity stated to be on a list is a member") {
  const auto doc = extract(
      "date 2023-01-01: The network supplied Norrland Test Center, an entity on the Entity List, "
      "with parts.");
  CHECK(relation(doc, "added-to-list", "Norrland Test Center", "Entity List"));
}

TEST_CASE("extract: sanctions take the most specific actor and every named target") {
  const auto doc = extract(
      "date 2020-07-09 Washington: Today, the U.S. Department of the Treasury's Office of Foreign "
      "Assets Control (OFAC) sanctioned Velmora Shipping LLC and its director, Arkady Tesnov.");
  CHECK(relation(doc, "sanctions", "Office of Foreign Assets Control", "Velmora Shipping LLC"));
  const RelationFact* person = relation(doc, "sanctions", "OFAC", "Arkady Tesnov");
  REQUIRE(person != nullptr);
  CHECK(person->date == "2020-07-09");
  CHECK_FALSE(relation(doc, "sanctions", "U.S. Department of the Treasury", "Velmora Shipping LLC"));
  CHECK(relation(doc, "subordinate-of", "Office of Foreign Assets Control", "U.S. Department of the Treasury"));
}

TEST_CASE("extract: a short active sentence is not read as a passive one") {
  const auto doc = extract("date 2021-01-01: OFAC sanctioned Brennick Shipping Co. on Monday.");
  const RelationFact* r = relation(doc, "sanctions", "OFAC", "Brennick Shipping Co.");
  REQUIRE(r != nullptr);
  CHECK(r->date == "2020-12-28");
}

TEST_CASE("extract: 'sanctioned' as an adjective is not an action") {
  const auto doc = extract("date 2022-01-01: Pavel Ostrin is a former executive of sanctioned banks.");
  CHECK(count(doc, "sanctions") == 0);
}

TEST_CASE("extract: an action recalled with 'previously' does not carry over") {
  const auto doc = extract(
      "date 2022-06-02: The Department of State is taking steps against elites. The EU and Japan "
      "have previously designated Irina Volkova. Dmitri Sorokin, an oligarch, is being designated "
      "pursuant to E.O. 14024.");
  CHECK(relation(doc, "sanctions", "European Union", "Irina Volkova"));
  CHECK(relation(doc, "sanctions", "Japan", "Irina Volkova"));
  CHECK(relation(doc, "sanctions", "U.S. Department of State", "Dmitri Sorokin"));
  CHECK_FALSE(relation(doc, "sanctions", "European Union", "Dmitri Sorokin"));
  CHECK(entity(doc, "Dmitri Sorokin")->type == "person");
}

TEST_CASE("extract: holds-office from titles, with the title as written") {
  const auto doc = extract(
      "date 2018-05-17: Treasury Secretary Steven Mnuchin met Vice Premier Liu He of China. "
      "Commerce Secretary Wilbur Ross joined them.");
  const RelationFact* mnuchin = relation(doc, "holds-office", "Steven Mnuchin", "U.S. Department of the Treasury");
  REQUIRE(mnuchin != nullptr);
  CHECK(mnuchin->attributes.at("role") == "Treasury Secretary");
  CHECK(entity(doc, "Treasury") != nullptr);  // the department's name inside the title
  CHECK(relation(doc, "holds-office", "Wilbur Ross", "U.S. Department of Commerce"));
  CHECK(entity(doc, "Steven Mnuchin")->type == "official");
}

TEST_CASE("extract: national posts go to the country named before the title") {
  const auto doc = extract(
      "date 2019-04-02: Mexico's Deputy Economy Minister Rosa Ibarra Solis spoke to reporters.");
  const RelationFact* r = relation(doc, "holds-office", "Rosa Ibarra Solis", "Mexico");
  REQUIRE(r != nullptr);
  CHECK(r->attributes.at("role") == "Deputy Economy Minister");
}

TEST_CASE("extract: a title with no body named gives no holds-office") {
  const auto doc = extract("date 2019-04-02: Ambassador Helen Corvin said nothing new.");
  CHECK(count(doc, "holds-office") == 0);
}

TEST_CASE("extract: talks between parties, and meetings with someone") {
  const auto doc = extract(
      "date 2019-10-08: Talks between US Trade Representative Robert Lighthizer and China's Vice "
      "Premier Liu He will begin Thursday. Canada's Foreign Minister Chrystia Freeland met with Mexican "
      "officials.");
  const RelationFact* talks = relation(doc, "negotiates-with", "Robert Lighthizer", "Liu He");
  REQUIRE(talks != nullptr);
  CHECK(talks->date == "2019-10-10");
  CHECK(relation(doc, "holds-office", "Liu He", "China"));
  CHECK_FALSE(relation(doc, "negotiates-with", "Chrystia Freeland", "Mexico"));  // "officials": nobody named
}

TEST_CASE("extract: 'A met B', 'A and B met', hosts and talks with a phrase before 'with'") {
  const auto doc = extract(
      "date 2019-02-15: President Lars Ekholm of Sweden met U.S. Trade Representative Dana Whitfield "
      "and Treasury Secretary Paul Brandt on Friday. Whitfield and Brandt held talks on Monday and "
      "Tuesday with China's Vice Premier Wang Jun. Vice Premier Wang Jun and European Commission "
      "President Anna Lindqvist met in Geneva. Foreign Minister Tomas Varga hosted Dana Whitfield "
      "for talks.");
  CHECK(relation(doc, "negotiates-with", "Lars Ekholm", "Dana Whitfield"));
  CHECK(relation(doc, "negotiates-with", "Lars Ekholm", "Paul Brandt"));
  CHECK(relation(doc, "holds-office", "Lars Ekholm", "Sweden"));  // the country after the name
  CHECK_FALSE(relation(doc, "negotiates-with", "Sweden", "Dana Whitfield"));
  const RelationFact* talks = relation(doc, "negotiates-with", "Paul Brandt", "Wang Jun");
  REQUIRE(talks != nullptr);
  CHECK(talks->date == "2019-02-11");
  CHECK(relation(doc, "negotiates-with", "Dana Whitfield", "Wang Jun"));
  CHECK_FALSE(relation(doc, "negotiates-with", "Dana Whitfield", "Paul Brandt"));  // one side
  CHECK(relation(doc, "negotiates-with", "Wang Jun", "Anna Lindqvist"));
  CHECK_FALSE(relation(doc, "negotiates-with", "European Commission", "Wang Jun"));  // in a title
  CHECK_FALSE(relation(doc, "negotiates-with", "Anna Lindqvist", "Geneva"));
  CHECK(relation(doc, "negotiates-with", "Tomas Varga", "Dana Whitfield"));
  const RelationFact* role = relation(doc, "holds-office", "Dana Whitfield",
                                      "Office of the United States Trade Representative");
  REQUIRE(role != nullptr);
  CHECK(role->attributes.at("role") == "U.S. Trade Representative");  // "met" is not in the title
}

TEST_CASE("extract: a meeting whose subject is unnamed or only reports it has no parties") {
  const auto doc = extract(
      "date 2018-05-17: The Treasury Department said the minister met Commerce Secretary Wilbur "
      "Ross. Commerce Secretary Wilbur Ross met in Geneva on Sunday.");
  CHECK(count(doc, "negotiates-with") == 0);
}

TEST_CASE("extract: an agency right before a title is the office's body, a company is not") {
  const auto doc = extract(
      "date 2018-09-21: Japan's Foreign Ministry spokesman Kenji Arakawa called the move "
      "regrettable. Corvane Systems spokesman Tom Reyes declined to comment.");
  const EntityFact* ministry = entity(doc, "Foreign Ministry");
  REQUIRE(ministry != nullptr);
  const RelationFact* r = relation(doc, "holds-office", "Kenji Arakawa", ministry->name);
  REQUIRE(r != nullptr);
  CHECK(r->attributes.at("role") == "Japan's Foreign Ministry spokesman");
  CHECK_FALSE(relation(doc, "holds-office", "Tom Reyes", "Corvane Systems"));
}

TEST_CASE("extract: actions fall on the named party, not on its parent or the body it belongs to") {
  const auto doc = extract(
      "date 2020-09-30 Washington: OFAC designated Corlin Freight Ltd., a subsidiary of Haverford "
      "Maritime PJSC, and the Logistics Bureau (LB) of Russia's Ministry of Defense, and its "
      "director, Pavel Grinev.");
  CHECK(relation(doc, "sanctions", "OFAC", "Corlin Freight Ltd."));
  CHECK(relation(doc, "sanctions", "OFAC", "Logistics Bureau"));
  CHECK(relation(doc, "sanctions", "OFAC", "Pavel Grinev"));
  CHECK_FALSE(relation(doc, "sanctions", "OFAC", "Haverford Maritime PJSC"));
  CHECK_FALSE(relation(doc, "sanctions", "OFAC", "Ministry of Defense"));
  CHECK(relation(doc, "subordinate-of", "Corlin Freight Ltd.", "Haverford Maritime PJSC"));
  CHECK(relation(doc, "holds-office", "Pavel Grinev", "Logistics Bureau"));  // "its director"
}

TEST_CASE("extract: only countries joined as the subject impose the sanctions") {
  const auto doc = extract(
      "date 2018-09-21: China demanded that the United States lift sanctions it had imposed on "
      "Tarrow Avionics Co.");
  CHECK(relation(doc, "sanctions", "United States", "Tarrow Avionics Co."));
  CHECK_FALSE(relation(doc, "sanctions", "China", "Tarrow Avionics Co."));
}

TEST_CASE("extract: members named with their places, and members said to remain on the list") {
  const auto doc = extract(
      "date 2021-07-15 Washington: Minsk-based Avelor Optics LLC and Almaty-based Steppe Relay Co. "
      "were added to the Entity List. The Commerce Department removed Quorra Devices Co. from the "
      "list. Its affiliate, Quorra Labs Co., remains on the list. Marlow Trading Ltd. commented on "
      "the list.");
  CHECK(relation(doc, "added-to-list", "Avelor Optics LLC", "Entity List"));
  CHECK(relation(doc, "added-to-list", "Steppe Relay Co.", "Entity List"));
  CHECK(relation(doc, "located-in", "Steppe Relay Co.", "Almaty"));
  const RelationFact* stays = relation(doc, "added-to-list", "Quorra Labs Co.", "Entity List");
  REQUIRE(stays != nullptr);
  CHECK(stays->date.empty());  // when it was added is not said
  CHECK_FALSE(relation(doc, "added-to-list", "Marlow Trading Ltd.", "Entity List"));
}

TEST_CASE("extract: 'both men' and 'them' stand for the latest action's targets") {
  const auto doc = extract(
      "date 2022-02-26 Washington: The State Department on Friday designated Oleg Varin and Pavel "
      "Drozd. OFAC added both men to the SDN List. Marta Kovacs welcomed them.");
  CHECK(relation(doc, "added-to-list", "Oleg Varin", "SDN List"));
  CHECK(relation(doc, "added-to-list", "Pavel Drozd", "SDN List"));
  CHECK_FALSE(relation(doc, "added-to-list", "Marta Kovacs", "SDN List"));
}

TEST_CASE("extract: a family name first is the short form of a Chinese name") {
  const auto doc = extract(
      "date 2020-07-10: Zhao Minghui, a former party secretary of Xinjiang, was named. OFAC "
      "designated Zhao on Thursday under the Global Magnitsky Act, together with Ren Kexin, a "
      "deputy party secretary of Xinjiang.");
  const EntityFact* zhao = entity(doc, "Zhao Minghui");
  REQUIRE(zhao != nullptr);
  CHECK(std::find(zhao->aliases.begin(), zhao->aliases.end(), "Zhao") != zhao->aliases.end());
  CHECK(relation(doc, "sanctions", "OFAC", "Zhao Minghui"));
  CHECK(relation(doc, "sanctions", "OFAC", "Ren Kexin"));  // "together with"
  CHECK(count(doc, "sanctions") == 2);
}

TEST_CASE("extract: titles shared by coordination, not by apposition, and without a gerund") {
  const auto doc = extract(
      "date 2022-02-26: The United States imposed sanctions on Russian President Ivan Petrov and "
      "Foreign Minister Oleg Varin. Britain sanctioned Russian Defense Minister Boris Lenko and "
      "Yuri Sagan, the chief of the general staff. Canada sanctioned three Iranian officials, "
      "including Intelligence Minister Reza Tavana.");
  CHECK(relation(doc, "holds-office", "Oleg Varin", "Russia"));
  CHECK_FALSE(relation(doc, "holds-office", "Oleg Varin", "United States"));
  CHECK_FALSE(relation(doc, "holds-office", "Yuri Sagan", "Russia"));
  const RelationFact* r = relation(doc, "holds-office", "Reza Tavana", "Iran");
  REQUIRE(r != nullptr);
  CHECK(r->attributes.at("role") == "Intelligence Minister");
}

TEST_CASE("extract: 'blacklisted' is a sanction when someone does it") {
  const auto doc = extract(
      "date 2023-06-05: The European Union blacklisted militia commander Dmitri Sorin. Ivan "
      "Petrov became the first general to be blacklisted.");
  CHECK(relation(doc, "sanctions", "European Union", "Dmitri Sorin"));
  CHECK(count(doc, "sanctions") == 1);
}

TEST_CASE("extract: 'A and B held talks', 'spoke by phone with'") {
  const auto doc = extract(
      "date 2023-06-05: Treasury Secretary Dana Whitfield and Chinese Vice Premier Wang Jun held "
      "talks in Washington on Friday. Secretary of State Paul Brandt spoke by phone with Foreign "
      "Minister Tomas Varga on Tuesday.");
  CHECK(relation(doc, "negotiates-with", "Dana Whitfield", "Wang Jun"));
  const RelationFact* call = relation(doc, "negotiates-with", "Paul Brandt", "Tomas Varga");
  REQUIRE(call != nullptr);
  CHECK(call->date == "2023-05-30");
}

TEST_CASE("extract: places of several words before -based, and a place in a company's name") {
  const auto doc = extract(
      "date 2023-06-05: OFAC sanctioned Hong Kong-based shipping firm Tidewell Tanker (Dalian) Co. "
      "for carrying oil.");
  const EntityFact* firm = entity(doc, "Tidewell Tanker (Dalian) Co.");
  REQUIRE(firm != nullptr);
  CHECK(relation(doc, "sanctions", "OFAC", firm->name));
  CHECK(relation(doc, "located-in", firm->name, "Hong Kong"));
  CHECK(entity(doc, "Hong") == nullptr);
  CHECK(entity(doc, "Co.") == nullptr);
}

TEST_CASE("extract: 'part of', a named parent, and a place that describes the firm before it") {
  const auto doc = extract(
      "date 2024-03-12 Washington: BIS, part of the Commerce Department, named Korvane "
      "Microsystems. Korvane's parent, Telmar Holdings, was not named. The State Department "
      "designated Ostrava Logistics, a Moscow-based freight forwarder. Xinjiang, part of China, "
      "was mentioned.");
  CHECK(relation(doc, "subordinate-of", "Bureau of Industry and Security", "U.S. Department of Commerce"));
  CHECK(relation(doc, "subordinate-of", "Korvane Microsystems", "Telmar Holdings"));
  CHECK(relation(doc, "located-in", "Ostrava Logistics", "Moscow"));
  CHECK_FALSE(relation(doc, "subordinate-of", "Xinjiang", "China"));  // a place, not a unit
}

TEST_CASE("extract: one listing is one edge, and a bare noun does not carry an old date on") {
  const auto doc = extract(
      "date 2024-03-12 Washington: BIS on Tuesday placed Korvane Microsystems and two of its "
      "affiliates on the Entity List. In May, the department had removed Pellan Semiconductor "
      "from the list. The designations take effect immediately. Last week, the Treasury "
      "Department sanctioned the Qashqai Trading Company.");
  CHECK(count(doc, "added-to-list") == 1);
  const RelationFact* r = relation(doc, "sanctions", "Treasury Department", "Qashqai Trading Company");
  REQUIRE(r != nullptr);  // named without the sentence's full stop
  CHECK(r->date.empty());  // "last week" is no day, and May was the removal's
}

TEST_CASE("extract: a subject before an apposition, standing sanctions, and places shared by 'both'") {
  const auto doc = extract(
      "date 2022-04-06 Brussels: Maren Holt, the EU's trade chief, held talks with Foreign "
      "Minister Tomas Varga. Lodestar Oil was already under U.S. sanctions. The Commerce "
      "Department added Baltic Tern Shipping Co. and Mirax Electronics LLC, both based in Riga, to "
      "the Entity List. The Iran Sanctions Act was cited by Corvel Trading Co.");
  CHECK(relation(doc, "negotiates-with", "Maren Holt", "Tomas Varga"));
  CHECK_FALSE(relation(doc, "negotiates-with", "European Union", "Tomas Varga"));
  CHECK(relation(doc, "sanctions", "United States", "Lodestar Oil"));
  CHECK(relation(doc, "located-in", "Baltic Tern Shipping Co.", "Riga"));
  CHECK(relation(doc, "located-in", "Mirax Electronics LLC", "Riga"));
  CHECK(count(doc, "sanctions") == 1);  // the name of a law is no sanction
}

TEST_CASE("extract: an agency alias used as an adjective, a possessive before a preposition") {
  const auto doc = extract(
      "date 2021-12-16 Washington: The institutes supported Chinese military end uses. China's "
      "embassy in Washington objected. Talks between U.S. Trade Representative Dana Whitfield and "
      "Vice Premier Wang Jun yielded little. The Chinese military said nothing.");
  const EntityFact* pla = entity(doc, "People's Liberation Army");
  REQUIRE(pla != nullptr);  // "the Chinese military said": the body itself
  CHECK(pla->evidence.size() == 1);
  CHECK_FALSE(relation(doc, "part-of", "Washington, D.C.", "China"));
  const RelationFact* r = relation(doc, "holds-office", "Dana Whitfield",
                                   "Office of the United States Trade Representative");
  REQUIRE(r != nullptr);
  CHECK(r->attributes.at("role") == "U.S. Trade Representative");
}

TEST_CASE("extract: a firm listed through its affiliates, a counterpart met, a date is no name") {
  const auto doc = extract(
      "date 2020-08-17 Washington: The Commerce Department on Monday tightened rules on Korvane "
      "Technologies Co., adding 38 of its affiliates to the Entity List. Foreign Secretary Ellen "
      "Marsh met her Chinese counterpart Wang Jun in London on July 30. The Treasury also "
      "designated Chief Executive Lena Cho on August 7, 2020, and Pavel Drozd on Jan. 5.");
  CHECK(relation(doc, "added-to-list", "Korvane Technologies Co.", "Entity List"));
  const auto named = extract(
      "date 2020-08-17 Washington: BIS identified 46 additional Tarrow Avionics Co. affiliates "
      "that require inclusion on the Entity List.");
  CHECK(relation(named, "added-to-list", "Tarrow Avionics Co.", "Entity List"));
  const RelationFact* met = relation(doc, "negotiates-with", "Ellen Marsh", "Wang Jun");
  REQUIRE(met != nullptr);
  CHECK(met->date == "2020-07-30");
  CHECK(entity(doc, "August 7") == nullptr);
  CHECK(entity(doc, "Jan") == nullptr);
  CHECK(count(doc, "sanctions") == 2);
}

TEST_CASE("extract: sanctions against a country, not against a country's body") {
  const auto doc = extract(
      "date 2023-02-24 Brussels: The Council of the European Union adopted sanctions against "
      "Russia. Canada imposed sanctions on Iran's central bank.");
  CHECK(relation(doc, "sanctions", "Council of the European Union", "Russia"));
  CHECK_FALSE(relation(doc, "sanctions", "Canada", "Iran"));
}

TEST_CASE("extract: a research body named as the state's is an agency, others are firms") {
  const auto doc = extract(
      "date 2021-12-16: The Commerce Department added the Academy of Military Engineering "
      "Sciences and the Tianfeng Institute of Optics to the Entity List.");
  const EntityFact* academy = entity(doc, "Academy of Military Engineering Sciences");
  REQUIRE(academy != nullptr);
  CHECK(academy->type == "agency");
  const EntityFact* institute = entity(doc, "Tianfeng Institute of Optics");
  REQUIRE(institute != nullptr);
  CHECK(institute->type == "firm");
}

TEST_CASE("extract: condemning a country's decision, a capital, or a country's blacklist") {
  const auto doc = extract(
      "date 2019-05-21 Beijing: China on Tuesday condemned the U.S. decision to add Korvane "
      "Telecom to the Entity List. Russia also criticised Washington. Iran slammed a US blacklist "
      "of 12 firms. On May 15, Tehran said nothing.");
  CHECK(relation(doc, "condemns", "China", "United States"));
  CHECK(relation(doc, "condemns", "Russia", "United States"));
  CHECK(relation(doc, "condemns", "Iran", "Entity List"));
  const RelationFact* added = relation(doc, "added-to-list", "Korvane Telecom", "Entity List");
  REQUIRE(added != nullptr);
  CHECK(added->attributes.at("agent") == "United States");
  CHECK(entity(doc, "May 15") == nullptr);
}

TEST_CASE("extract: objects end at 'linked to', future actions keep no old date, name particles") {
  const auto doc = extract(
      "date 2024-05-09 Washington: OFAC yesterday sanctioned Marek Dvorak and three individuals "
      "linked to Korvane Shipping. The State Department will designate Tarrow Avionics Co. next "
      "week. On Monday, Secretary of State Paul Brandt met with Saudi Foreign Minister Prince "
      "Khalid bin Nasser in Riyadh.");
  CHECK(relation(doc, "sanctions", "OFAC", "Marek Dvorak"));
  CHECK_FALSE(relation(doc, "sanctions", "OFAC", "Korvane Shipping"));
  const RelationFact* future = relation(doc, "sanctions", "State Department", "Tarrow Avionics Co.");
  REQUIRE(future != nullptr);
  CHECK(future->date.empty());
  CHECK(relation(doc, "negotiates-with", "Paul Brandt", "Khalid bin Nasser"));
  CHECK(relation(doc, "holds-office", "Khalid bin Nasser", "Saudi Arabia"));
}

TEST_CASE("extract: a progressive is active, a bulleted list names the targets, a head's firm is not one") {
  const auto doc = extract(
      "date 2023-03-09 Washington: Today, the U.S. Department of the Treasury's Office of Foreign "
      "Assets Control (OFAC) is sanctioning three companies. The following entities are being "
      "designated:\n"
      "- Baharan Tejarat Co., an Iran-based procurement firm;\n"
      "- Tianji Electronics Ltd., a China-based supplier.\n"
      "OFAC also designated Hossein Rahimi, the managing director of Corvel Parts Co.\n"
      "- Marlow Trading Ltd. is a bulleted line after a sentence with a target.\n");
  CHECK_FALSE(relation(doc, "sanctions", "U.S. Department of the Treasury", "OFAC"));
  const RelationFact* item = relation(doc, "sanctions", "OFAC", "Baharan Tejarat Co.");
  REQUIRE(item != nullptr);
  CHECK(item->date == "2023-03-09");
  CHECK(relation(doc, "sanctions", "OFAC", "Tianji Electronics Ltd."));
  CHECK(relation(doc, "sanctions", "OFAC", "Hossein Rahimi"));
  CHECK_FALSE(relation(doc, "sanctions", "OFAC", "Corvel Parts Co."));
  CHECK_FALSE(relation(doc, "sanctions", "OFAC", "Marlow Trading Ltd."));
  // The list belongs to the header's own action, not to an earlier listing.
  const auto after_listing = extract(
      "date 2023-05-09 Washington: On May 5, Commerce added Korvane Telecom to the Entity List. "
      "The following entities are being designated today:\n"
      "- Nordwind Handels GmbH, Hamburg, Germany\n");
  CHECK(relation(after_listing, "sanctions", "Commerce", "Nordwind Handels GmbH"));
  CHECK_FALSE(relation(after_listing, "added-to-list", "Nordwind Handels GmbH", "Entity List"));
}

TEST_CASE("extract: summits, 'A and B discussed', negotiators from two sides") {
  const auto doc = extract(
      "date 2021-11-16 Washington: President Dana Whitfield and Chinese President Wang Jun held a "
      "virtual summit on Monday. Trade Representative Paul Brandt and Vice Premier Liu Wen "
      "discussed tariffs in October. Negotiators from the European Union and Australia failed to "
      "agree. Paul Brandt discussed the plan.");
  const RelationFact* summit = relation(doc, "negotiates-with", "Dana Whitfield", "Wang Jun");
  REQUIRE(summit != nullptr);
  CHECK(summit->date == "2021-11-15");
  CHECK(relation(doc, "negotiates-with", "Paul Brandt", "Liu Wen"));
  CHECK(relation(doc, "negotiates-with", "European Union", "Australia"));
  CHECK(count(doc, "negotiates-with") == 3);
}

TEST_CASE("extract: registered, in, and of: where firms and places are") {
  const auto doc = extract(
      "date 2022-09-15 Washington: OFAC designated Gulf Star Shipping LLC, a UAE-registered "
      "company, and Pearl Line Trading FZE, a firm in Dubai. Treasury also named Sino Pacific "
      "Logistics, which is registered in Hong Kong, and Nordwind Handels GmbH of Hamburg, Germany. "
      "Xinjiang, in northwest China, was mentioned. Tianjin, in a statement, replied.");
  CHECK(relation(doc, "located-in", "Gulf Star Shipping LLC", "United Arab Emirates"));
  CHECK(entity(doc, "UAE-registered") == nullptr);
  CHECK(relation(doc, "located-in", "Pearl Line Trading FZE", "Dubai"));
  CHECK(relation(doc, "located-in", "Sino Pacific Logistics", "Hong Kong"));
  CHECK(relation(doc, "located-in", "Nordwind Handels GmbH", "Hamburg"));
  CHECK(relation(doc, "part-of", "Xinjiang", "China"));
  CHECK(count(doc, "part-of") == 1);
}

TEST_CASE("extract: parties that reached a deal negotiated it") {
  const auto doc = extract(
      "date 2018-10-01 Ottawa: Canada and the United States clinched a deal late on Sunday. "
      "Mexico reached a settlement. Korvane Co. struck a supply deal.");
  const RelationFact* r = relation(doc, "negotiates-with", "Canada", "United States");
  REQUIRE(r != nullptr);
  CHECK(r->date == "2018-09-30");
  CHECK(count(doc, "negotiates-with") == 1);
}

TEST_CASE("extract: a country in a hyphened adjective or in a law's name is no actor") {
  const auto doc = extract(
      "date 2020-01-01: Korvane Co. bought U.S.-origin items, the Commerce Department said. The "
      "Countering America's Adversaries Through Sanctions Act applies.");
  CHECK(entity(doc, "United States") == nullptr);
}

TEST_CASE("extract: a list's entry for a name makes it a member, dated by the rule pointed back to") {
  const auto doc = extract(
      "date 2022-04-11 Washington: BIS corrects errors in revisions to the Entity List published "
      "in a final rule on February 14, 2022. That final rule amended the EAR by revising the Entity "
      "List entry for ``Korvane Cloud Brazil'' and by adding a new entry for ``Tarrow Avionics Co., "
      "Ltd.''. Entries for nobody changed.");
  const RelationFact* revised = relation(doc, "added-to-list", "Korvane Cloud Brazil", "Entity List");
  REQUIRE(revised != nullptr);
  CHECK(revised->date == "2022-02-14");
  CHECK(relation(doc, "added-to-list", "Tarrow Avionics Co., Ltd.", "Entity List"));
}

TEST_CASE("extract: located-in from -based, demonyms and possessives, not from words in names") {
  const auto doc = extract(
      "date 2021-01-01: Dalian-based Northgate Marine Electronics Co. was named. Russia's Federal "
      "Security Service watched. Chinese firms Kestrel Vale Photonics Co. and Amberline Lasers Ltd. "
      "objected. Harbin Institute of Technology said nothing.");
  CHECK(relation(doc, "located-in", "Northgate Marine Electronics Co.", "Dalian"));
  CHECK(relation(doc, "located-in", "Kestrel Vale Photonics Co.", "China"));
  CHECK(relation(doc, "located-in", "Amberline Lasers Ltd.", "China"));
  const EntityFact* fsb = entity(doc, "Federal Security Service");
  REQUIRE(fsb != nullptr);
  CHECK(relation(doc, "located-in", fsb->name, "Russia"));
  CHECK(entity(doc, "Harbin") == nullptr);  // a place inside a name is not a mention of it
}

TEST_CASE("extract: subsidiaries and possessive units") {
  const auto doc = extract(
      "date 2021-01-01: Selwyn Radio Ltd., a subsidiary of Corrow Holdings PJSC, was named by the "
      "Commerce Department's Bureau of Industry and Security.");
  CHECK(relation(doc, "subordinate-of", "Selwyn Radio Ltd.", "Corrow Holdings PJSC"));
  CHECK(relation(doc, "subordinate-of", "Bureau of Industry and Security", "U.S. Department of Commerce"));
}

TEST_CASE("extract: condemnation by a capital acting for its government") {
  const auto doc = extract(
      "date 2019-10-08 Washington: The US added firms to the Entity List. Beijing on Tuesday "
      "condemned the blacklist.");
  const RelationFact* r = relation(doc, "condemns", "China", "Entity List");
  REQUIRE(r != nullptr);
  CHECK(r->date == "2019-10-08");
  CHECK(entity(doc, "China")->aliases == std::vector<std::string>{"Beijing"});
  CHECK(entity(doc, "Washington, D.C.") != nullptr);  // the dateline
}

TEST_CASE("extract: acronyms and short forms merge with the full name within an article") {
  const auto doc = extract(
      "date 2021-01-01: The Office of Foreign Assets Control (OFAC) named Hangzhou Corvane Digital "
      "Technology Co. OFAC said Corvane had shipped parts.");
  const EntityFact* ofac = entity(doc, "OFAC");
  REQUIRE(ofac != nullptr);
  CHECK(ofac->name == "Office of Foreign Assets Control");
  const EntityFact* firm = entity(doc, "Corvane");
  REQUIRE(firm != nullptr);
  CHECK(firm->name == "Hangzhou Corvane Digital Technology Co.");
}

TEST_CASE("extract: laws, tags and acronyms of common nouns are not actors") {
  const auto doc = extract(
      "date 2021-01-01: The Export Administration Regulations (EAR) cover unmanned aerial "
      "vehicles (UAVs). Ships of Kestrel Line carry the [SDGT] tag under the Global Magnitsky Act.");
  CHECK(entity(doc, "EAR") == nullptr);
  CHECK(entity(doc, "UAVs") == nullptr);
  CHECK(entity(doc, "SDGT") == nullptr);
  CHECK(entity(doc, "Export Administration Regulations") == nullptr);
}

TEST_CASE("extract: headlines yield only names the gazetteers know") {
  const auto doc = extract("date 2021-01-01:\nCommerce Adds Seven Firms To Entity List Over Drone Parts\n\nNothing else.");
  CHECK(entity(doc, "Entity List") != nullptr);
  CHECK(entity(doc, "Seven Firms") == nullptr);
  CHECK(entity(doc, "Drone Parts") == nullptr);
}

TEST_CASE("extract: every relation carries its sentence, offsets and rule") {
  const std::string text = "date 2022-06-09: Prelude. The Bureau of Industry and Security added Corvel Optics Ltd. to the Entity List.";
  const ArticleRecord record = read_text_article(text, "t", "");
  const FactsDocument doc = extract_facts(record, lexicon());
  REQUIRE_FALSE(doc.relations.empty());
  for (const RelationFact& r : doc.relations) {
    CHECK_FALSE(r.evidence.rule.empty());
    CHECK(record.text.substr(r.evidence.begin, r.evidence.end - r.evidence.begin) == r.evidence.sentence);
  }
}

TEST_CASE("extract: relations come with their endpoints resolved to the document's entities") {
  const std::string text =
      "date 2022-06-09 Washington: The Bureau of Industry and Security added Corvel Optics Ltd. "
      "and Dalian Kestrel Avionics to the Entity List. Chinese firms were also named.";
  auto check_endpoints = [](const FactsDocument& doc) {
    for (const RelationFact& r : doc.relations) {
      REQUIRE(r.source_index < doc.entities.size());
      REQUIRE(r.target_index < doc.entities.size());
      CHECK(doc.entities[r.source_index].id == r.source);
      CHECK(doc.entities[r.target_index].id == r.target);
    }
  };
  const FactsDocument doc = extract(text, "");
  CHECK(doc.relations.size() >= 2);
  check_endpoints(doc);
  namespace fs = std::filesystem;
  for (const auto& file : fs::directory_iterator(std::string(FACTGRAPH_SOURCE_DIR) + "/tests/data/articles")) {
    if (file.path().extension() != ".txt") continue;
    std::ifstream in(file.path());
    std::stringstream article;
    article << in.rdbuf();
    check_endpoints(extract(article.str(), ""));
  }
}

TEST_CASE("extract: the sample articles give what their expected files list") {
  // Each sample has a hand-made expected file; the extractor must find most of what it lists.
  namespace fs = std::filesystem;
  std::size_t expected = 0, found = 0;
  for (const auto& file : fs::directory_iterator(std::string(FACTGRAPH_SOURCE_DIR) + "/tests/data/articles")) {
    if (file.path().extension() != ".txt") continue;
    std::ifstream in(file.path());
    std::stringstream text;
    text << in.rdbuf();
    const FactsDocument doc = extract(text.str(), "");
    std::ifstream gold(fs::path(file.path()).replace_extension(".expected.json"));
    std::stringstream g;
    g << gold.rdbuf();
    // Count expected entity names that appear among the extracted names (a light check that
    // needs no JSON parser here: names are quoted after "name").
    const std::string s = g.str();
    for (std::size_t at = s.find("\"name\""); at != std::string::npos; at = s.find("\"name\"", at + 1)) {
      const std::size_t open = s.find('"', s.find(':', at) + 1);
      const std::size_t close = s.find('"', open + 1);
      ++expected;
      if (entity(doc, s.substr(open + 1, close - open - 1))) ++found;
    }
  }
  REQUIRE(expected > 20);
  CHECK(found * 100 >= expected * 80);
}

TEST_CASE("extract: with offsets only, evidence leaves out exactly the sentences the text holds") {
  // extract lays documents out from the article text (EvidenceText::kOffsetsOnly); every
  // sentence left out must be the text between its offsets, or the output would change.
  namespace fs = std::filesystem;
  std::size_t records = 0;
  for (const auto& file : fs::directory_iterator(std::string(FACTGRAPH_SOURCE_DIR) + "/samples/articles")) {
    if (file.path().extension() != ".txt") continue;
    std::ifstream in(file.path());
    std::stringstream text;
    text << in.rdbuf();
    const ArticleRecord record = read_text_article(text.str(), "sample", "");
    const FactsDocument copied = extract_facts(record, lexicon());
    const FactsDocument offsets = extract_facts(record, lexicon(), EvidenceText::kOffsetsOnly);
    REQUIRE(copied.entities.size() == offsets.entities.size());
    REQUIRE(copied.relations.size() == offsets.relations.size());
    auto same_but_sentence = [&](const Evidence& full, const Evidence& bare) {
      CHECK(bare.sentence.empty());
      CHECK(bare.begin == full.begin);
      CHECK(bare.end == full.end);
      CHECK(bare.rule == full.rule);
      CHECK(full.sentence == record.text.substr(full.begin, full.end - full.begin));
      ++records;
    };
    for (std::size_t i = 0; i < copied.entities.size(); ++i) {
      REQUIRE(copied.entities[i].evidence.size() == offsets.entities[i].evidence.size());
      for (std::size_t k = 0; k < copied.entities[i].evidence.size(); ++k)
        same_but_sentence(copied.entities[i].evidence[k], offsets.entities[i].evidence[k]);
    }
    for (std::size_t i = 0; i < copied.relations.size(); ++i)
      same_but_sentence(copied.relations[i].evidence, offsets.relations[i].evidence);
  }
  CHECK(records > 100);
}

TEST_CASE("extract: the lexicon's word sets and maps answer as hash sets did, copies included") {
  WordSet names;
  names.insert("Wang");
  names.insert("Wang");
  names.insert("Cecilia");
  CHECK(names.count("Wang") == 1);
  CHECK(names.count("Cecilia") == 1);
  CHECK(names.count("wang") == 0);
  CHECK(names.count("") == 0);
  WordMap kinds;
  kinds.assign("bureau", "agency");
  kinds.assign("bank", "firm");
  kinds.assign("bureau", "org");  // the last row for a word wins
  REQUIRE(kinds.find("bureau"));
  CHECK(*kinds.find("bureau") == "org");
  CHECK(*kinds.find("bank") == "firm");
  CHECK(kinds.find("banks") == nullptr);
  CHECK(kinds.count("bank") == 1);
  // A copy (a lexicon is copied before a --lexicon file is added) owns its words.
  auto original = std::make_unique<WordMap>(kinds);
  WordMap copy = *original;
  original.reset();
  REQUIRE(copy.find("bank"));
  CHECK(*copy.find("bank") == "firm");
  CHECK(*copy.find("bureau") == "org");
}

TEST_CASE("extract: the entity index finds every key, even when hashes collide") {
  std::vector<factgraph::ingest::ArticleEntity> entities;
  factgraph::ingest::EntityIndex index;
  for (long i = 0; i < 300; ++i) {
    factgraph::ingest::ArticleEntity e;
    e.key = "key-" + std::to_string(i);
    entities.push_back(e);
    // A third share one hash, so probing must compare keys; the rest spread.
    index.insert(i % 3 == 0 ? 7 : static_cast<std::size_t>(i) * 2654435761u, i);
  }
  for (long i = 0; i < 300; ++i) {
    const std::size_t hash = i % 3 == 0 ? 7 : static_cast<std::size_t>(i) * 2654435761u;
    CHECK(index.find(entities[static_cast<std::size_t>(i)].key, hash, entities) == i);
  }
  CHECK(index.find("key-3", 8, entities) == -1);
  CHECK(index.find("missing", 7, entities) == -1);
  CHECK(factgraph::ingest::EntityIndex{}.find("key-0", 7, entities) == -1);
}

TEST_CASE("extract: the phrase index grows keys word by word and reads entries only for phrases") {
  // A key's hash is made from its words' hashes, as match_at grows it from tokens.
  CHECK(PhraseIndex::key_hash("bureau") == word_hash("bureau"));
  CHECK(PhraseIndex::key_hash("bureau of industry") ==
        PhraseIndex::extend(PhraseIndex::extend(word_hash("bureau"), word_hash("of")), word_hash("industry")));
  CHECK(PhraseIndex::key_hash("a b") != PhraseIndex::key_hash("b a"));
  // Every word of one to three lower-case letters hashes apart from every other ("be", "bed").
  {
    std::vector<std::uint32_t> hashes;
    std::string word;
    for (char a = 'a'; a <= 'z'; ++a) {
      hashes.push_back(word_hash(std::string(1, a)));
      for (char b = 'a'; b <= 'z'; ++b) {
        hashes.push_back(word_hash(std::string{a, b}));
        for (char c = 'a'; c <= 'z'; ++c) hashes.push_back(word_hash(std::string{a, b, c}));
      }
    }
    std::sort(hashes.begin(), hashes.end());
    CHECK(std::adjacent_find(hashes.begin(), hashes.end()) == hashes.end());
  }
  // Words differing in any one byte, of any length the loads cover, hash apart.
  for (std::size_t length = 1; length <= 24; ++length)
    for (std::size_t at = 0; at < length; ++at) {
      std::string word(length, 'k');
      const std::uint32_t before = word_hash(word);
      word[at] = 'q';
      CHECK(word_hash(word) != before);
      CHECK(word_hash(word) != word_hash(word.substr(0, length - 1)));
    }

  PhraseIndex index;
  index.add_hit("bureau of industry", {EntryKind::kAgency, 4});
  index.add_hit("bureau of industry", {EntryKind::kAgency, 4});  // once, however often added
  index.mark_prefix("bureau");
  index.mark_prefix("bureau of");
  index.add_hit("treasury", {EntryKind::kAgency, 9});
  CHECK(index.may_start(word_hash("bureau")));
  CHECK(index.may_start(word_hash("treasury")));
  const auto same_as = [](std::string_view want) {
    return [want](const std::string& key) { return key == want; };
  };
  const PhraseIndex::Step prefix = index.step(PhraseIndex::key_hash("bureau of"), same_as("bureau of"));
  CHECK(prefix.found);
  CHECK(prefix.prefix);
  CHECK(prefix.hits == nullptr);
  const PhraseIndex::Step phrase =
      index.step(PhraseIndex::key_hash("bureau of industry"), same_as("bureau of industry"));
  CHECK(phrase.found);
  CHECK_FALSE(phrase.prefix);
  REQUIRE(phrase.hits != nullptr);
  REQUIRE(phrase.hits->size() == 1);
  CHECK(phrase.hits->front().row == 4);
  // A key of the same hash that is not the phrase (a collision) gets no hits.
  const PhraseIndex::Step other = index.step(PhraseIndex::key_hash("treasury"), same_as("something else"));
  CHECK(other.found);
  CHECK(other.hits == nullptr);
  CHECK_FALSE(index.step(PhraseIndex::key_hash("bureau of commerce"), same_as("bureau of commerce")).found);
  REQUIRE(index.find("bureau of industry") != nullptr);
  CHECK(index.find("bureau of industry")->hits.size() == 1);
  CHECK(index.find("bureau of") != nullptr);
  CHECK(index.find("bureau of")->prefix);
  CHECK(index.find("industry") == nullptr);
}

TEST_CASE("extract: tokens carry the classes the tokenizer works out") {
  TokenArena arena;
  const auto tokens = tokenize("The Hangzhou-based firm, located in Todays Plaza, said 1.5 on Sept. 9", arena);
  const auto classes_of = [&](std::string_view text) {
    for (const Token& t : tokens)
      if (t.text == text) return t.classes;
    FAIL("no token " << text);
    return std::uint32_t{0};
  };
  CHECK((classes_of("Hangzhou-based") & kJoinedWord) != 0);
  CHECK((classes_of("Hangzhou-based") & kMixedWord) != 0);  // not letters only
  CHECK((classes_of("firm") & (kJoinedWord | kMixedWord | kDayWord)) == 0);
  CHECK((classes_of("located") & kPlaceCue) != 0);
  CHECK((classes_of("Todays") & kDayWord) != 0);
  CHECK((classes_of("Plaza") & kDayWord) == 0);
  CHECK((classes_of("1.5") & kMixedWord) != 0);
  CHECK((classes_of("Sept") & kDateName) != 0);
  CHECK((classes_of("said") & kDateName) == 0);
}
