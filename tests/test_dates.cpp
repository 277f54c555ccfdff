#include <doctest/doctest.h>

#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/text/dates.hpp"
#include "ingest/text/tokens.hpp"
#include "ingest/text/words.hpp"

namespace {

using factgraph::ingest::DateMention;
using factgraph::ingest::find_dates;
using factgraph::ingest::is_iso_date;

// "text=iso" for each mention, with "~" before relative ones; easy to read in a failure.
std::vector<std::string> dates(std::string_view sentence, std::string_view published) {
  std::vector<std::string> out;
  for (const DateMention& m : find_dates(sentence, published)) {
    out.push_back(std::string(m.relative ? "~" : "") +
                  std::string(sentence.substr(m.begin, m.end - m.begin)) + "=" + m.iso);
  }
  return out;
}

using Found = std::vector<std::string>;

// A Tuesday.
constexpr std::string_view kPublished = "2019-10-08";

}  // namespace

TEST_CASE("dates: is_iso_date accepts real calendar dates only") {
  for (const char* good : {"2017", "0999", "2019-10", "2019-10-08", "2020-02-29", "2000-02-29",
                           "2019-12-31", "2019-04-30"}) {
    CHECK_MESSAGE(is_iso_date(good), good);
  }
  for (const char* bad : {"", "17", "20170", "2019-13", "2019-00", "2019-1-08", "2019-10-8",
                          "2019-02-29", "1900-02-29", "2019-04-31", "2019-10-00", "2019/10/08",
                          "2019-10-08T00", "abcd", "2019-10-0x"}) {
    CHECK_MESSAGE(!is_iso_date(bad), bad);
  }
}

TEST_CASE("dates: written month and day and year") {
  CHECK(dates("The rule was published on July 9, 2020 in the register.", kPublished) ==
        Found{"July 9, 2020=2020-07-09"});
  CHECK(dates("Talks ended July 9th, 2020, and resumed on 9 July 2021.", kPublished) ==
        Found{"July 9th, 2020=2020-07-09", "9 July 2021=2021-07-09"});
  CHECK(dates("It took effect Sept. 20, 2018 and lapsed Feb. 1 2019.", kPublished) ==
        Found{"Sept. 20, 2018=2018-09-20", "Feb. 1 2019=2019-02-01"});
  CHECK(dates("A final rule on February 14, 2022 named the 1st of March, 2022 too.", "") ==
        Found{"February 14, 2022=2022-02-14", "1st of March, 2022=2022-03-01"});
  CHECK(dates("AUGUST 3, 2021: THE LIST GREW.", "") == Found{"AUGUST 3, 2021=2021-08-03"});
}

TEST_CASE("dates: numeric dates") {
  CHECK(dates("Effective 2022-04-11, the entries changed.", "") == Found{"2022-04-11=2022-04-11"});
  CHECK(dates("Posted 04/11/2022 10:51 AM and 09/10/2018.", "") ==
        Found{"04/11/2022=2022-04-11", "09/10/2018=2018-09-10"});
  CHECK(dates("Docket 2022-07643, pages 21011-21015, code 0694-AI70.", kPublished).empty());
}

TEST_CASE("dates: impossible dates are not dates") {
  CHECK(dates("A notice dated February 30, 2020 was withdrawn.", kPublished).empty());
  CHECK(dates("Files 2021-02-29 and 13/01/2020 and 2019-04-31 are bad.", kPublished).empty());
  CHECK(dates("On February 29, 2020 and February 29, 2000 it rained.", "") ==
        Found{"February 29, 2020=2020-02-29", "February 29, 2000=2000-02-29"});
  CHECK(dates("On February 29, 2100 nothing happens.", "").empty());
}

TEST_CASE("dates: weekdays are the most recent one by default") {
  CHECK(dates("Targets of the action on Monday include two firms.", kPublished) ==
        Found{"~Monday=2019-10-07"});
  CHECK(dates("Meanwhile, Beijing Tuesday slammed the decision.", kPublished) ==
        Found{"~Tuesday=2019-10-08"});
  CHECK(dates("Officials met last Tuesday and again on Saturday.", kPublished) ==
        Found{"~Tuesday=2019-10-01", "~Saturday=2019-10-05"});
}

TEST_CASE("dates: weekdays in future context are the next one") {
  CHECK(dates("Senior negotiators will meet Thursday in Washington.", kPublished) ==
        Found{"~Thursday=2019-10-10"});
  CHECK(dates("Working-level talks began Monday, with ministers joining beginning Thursday.",
              kPublished) == Found{"~Monday=2019-10-07", "~Thursday=2019-10-10"});
  CHECK(dates("The talks are slated to resume on Friday.", kPublished) ==
        Found{"~Friday=2019-10-11"});
  CHECK(dates("The delegation arrives next Tuesday.", kPublished) == Found{"~Tuesday=2019-10-15"});
  CHECK(dates("The agency said Monday that it will add more firms.", kPublished) ==
        Found{"~Monday=2019-10-07"});
}

TEST_CASE("dates: today yesterday and tomorrow") {
  CHECK(dates("Today the agency acted; yesterday it warned; tomorrow it rules.", kPublished) ==
        Found{"~Today=2019-10-08", "~yesterday=2019-10-07", "~tomorrow=2019-10-09"});
  CHECK(dates("It happened yesterday.", "2020-03-01") == Found{"~yesterday=2020-02-29"});
  CHECK(dates("It happens tomorrow.", "2019-12-31") == Found{"~tomorrow=2020-01-01"});
  CHECK(dates("In today\xE2\x80\x99s action, the office listed them.", kPublished) ==
        Found{"~today=2019-10-08"});
}

TEST_CASE("dates: a month alone is its nearest occurrence in the right direction") {
  CHECK(dates("Huawei, which was added in May, means suppliers will be barred.", kPublished) ==
        Found{"~May=2019-05"});
  CHECK(dates("Sanctions imposed in November hurt exporters.", kPublished) ==
        Found{"~November=2018-11"});
  CHECK(dates("In October, staff will hold further talks.", kPublished) ==
        Found{"~October=2019-10"});
  CHECK(dates("Ministers will meet in September to finish.", kPublished) ==
        Found{"~September=2020-09"});
  CHECK(dates("Exports have fallen since mid-March and last October.", kPublished) ==
        Found{"~March=2019-03", "~October=2018-10"});
  CHECK(dates("The levy rises in early Jan. and again next October.", kPublished) ==
        Found{"~Jan.=2020-01", "~October=2020-10"});
  CHECK(dates("Prices rose between March and May.", kPublished) ==
        Found{"~March=2019-03", "~May=2019-05"});
}

TEST_CASE("dates: May the verb and names are not months") {
  CHECK(dates("The rule may apply to exporters.", kPublished).empty());
  CHECK(dates("May I ask a question?", kPublished).empty());
  CHECK(dates("Prime Minister May met June Carter and Jan Novak in August.", kPublished) ==
        Found{"~August=2019-08"});
  CHECK(dates("Reports from May 2018 and of May show it.", kPublished) ==
        Found{"May 2018=2018-05", "~May=2019-05"});
}

TEST_CASE("dates: a month and day take a nearby year or the publication year") {
  const std::string_view text =
      "The delegation meets on Thursday, May 17 and Friday, May 18, 2018 at the Treasury.";
  const std::vector<DateMention> found = find_dates(text, "");
  REQUIRE(found.size() == 2);
  CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) == "Thursday, May 17");
  CHECK(found[0].iso == "2018-05-17");
  CHECK(!found[0].relative);
  CHECK(text.substr(found[1].begin, found[1].end - found[1].begin) == "Friday, May 18, 2018");
  CHECK(found[1].iso == "2018-05-18");
  CHECK(dates("The restrictions are effective August 19th.", "2019-08-19") ==
        Found{"~August 19th=2019-08-19"});
  CHECK(dates("Talks held on Dec. 28 went well.", "2019-01-03") == Found{"~Dec. 28=2018-12-28"});
  CHECK(dates("Talks on Jan. 5 will follow.", "2019-12-30") == Found{"~Jan. 5=2020-01-05"});
  CHECK(dates("The statement issued on July 25 stands.", "") == Found{"~July 25="});
}

TEST_CASE("dates: bare years") {
  CHECK(dates("The deliveries took place in 2017 and in mid-2019.", kPublished) ==
        Found{"2017=2017", "2019=2019"});
  CHECK(dates("The 2018 law and the Act of 2017 apply since 2015 and 2016.", kPublished) ==
        Found{"2018=2018", "2017=2017", "2015=2015", "2016=2016"});
  CHECK(dates("It listed 2000 firms, 1,950 vessels, $2019 in fees and the 1990s.", kPublished)
            .empty());
}

TEST_CASE("dates: vague spans and durations are not dates") {
  CHECK(dates("Talks stalled last week and this week; recently, officials left.", kPublished)
            .empty());
  CHECK(dates("More were detained in the past few years.", kPublished).empty());
  CHECK(dates("The license lasts an additional 90 days.", kPublished).empty());
}

TEST_CASE("dates: without a publication date relative dates have no iso") {
  CHECK(dates("On Monday, the office acted; today it said so, citing July 9, 2020 and May.", "") ==
        Found{"~Monday=", "~today=", "July 9, 2020=2020-07-09", "~May="});
  CHECK(dates("The office acted since May.", "not a date") == Found{"~May="});
}

TEST_CASE("dates: offsets are bytes in the sentence") {
  const std::string text =
      "\xE2\x80\x9CWe act\xE2\x80\x9D on\xC2\xA0Sept.\xC2\xA0"
      "20, 2018.";
  const std::vector<DateMention> found = find_dates(text, "");
  REQUIRE(found.size() == 1);
  CHECK(found[0].begin == 17);
  CHECK(found[0].end == text.size() - 1);
  CHECK(found[0].iso == "2018-09-20");
}

TEST_CASE("dates: a tokenised sentence gives what its text gives") {
  // Pieces that start, end, split or hide dates, joined at random: every sentence must give the
  // same dates whether the finder reads its tokens first or only its text.
  static constexpr std::string_view kPieces[] = {
      "May", "mid-May", "May-June", "Mayor", "may", "MAY", "Sept.", "Tuesday", "Tuesday\u2019s",
      "Monday's", "today", "Todays", "yesterday", "tonight", "tomorrow-", "to", "day", "2020",
      "2020-07-09", "07/09/2020", "FY2020", "20201", "1.5", "12", "9th", "U.S.", "O'Neill",
      "Z\u00fcrich", "\u2014", "\u00a0", "\u201c", ",", ".", "(", "in", "on", "last", "next",
      "will", "Jan", "January", "Dec.", "week", "e\u0301t\u00e9", "T.", "oday", "s", "'s", "-",
      "3rd", "1990s", "5G", "2022-07643", "Thursday-Friday", "21st", "mid-2020", "2019\u2019s",
      "O\u2019Neill", "\u00a9", "\u2002", "\u2010", "\u2022", "\u00b7", "(9", "July)"};
  static constexpr std::string_view kGlue[] = {" ", " ", " ", "", "-", "/", "\u2019", "'", ". "};
  std::uint32_t state = 12345;
  const auto next = [&](std::uint32_t n) {
    state = state * 1103515245u + 12345u;
    return (state >> 8) % n;
  };
  factgraph::ingest::TokenArena arena;
  for (int round = 0; round < 4000; ++round) {
    std::string sentence = round % 3 == 0 ? "On " : "";
    const std::uint32_t length = 1 + next(8);
    for (std::uint32_t k = 0; k < length; ++k) {
      if (k > 0) sentence += kGlue[next(std::size(kGlue))];
      sentence += kPieces[next(std::size(kPieces))];
    }
    const std::size_t offset = round % 5;  // tokens of a sentence somewhere inside an article
    const auto tokens = factgraph::ingest::tokenize(sentence, arena, offset);
    const auto by_text = find_dates(sentence, kPublished);
    const auto by_tokens = find_dates(sentence, kPublished, tokens, offset);
    INFO(sentence);
    REQUIRE(by_tokens.size() == by_text.size());
    // The extractor looks for dates only in sentences with one of these classes of token.
    std::uint32_t classes = 0;
    for (const auto& t : tokens) classes |= t.classes;
    using namespace factgraph::ingest;
    if (!by_text.empty()) CHECK((classes & (kDateName | kDayWord | kMixedWord)) != 0);
    for (std::size_t i = 0; i < by_text.size(); ++i) {
      CHECK(by_tokens[i].begin == by_text[i].begin);
      CHECK(by_tokens[i].iso == by_text[i].iso);
    }
  }
}
