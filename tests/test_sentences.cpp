#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "ingest/text/sentences.hpp"

namespace {

using factgraph::ingest::Span;
using factgraph::ingest::split_sentences;

std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& s : split_sentences(text))
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("sentences: split after end punctuation before a new sentence") {
  CHECK(sentences("The rule took effect. Exporters need a license! Why now? Nobody said.") ==
        Lines{"The rule took effect.", "Exporters need a license!", "Why now?", "Nobody said."});
  CHECK(sentences("Sales fell in 2017. 28 firms were listed.") ==
        Lines{"Sales fell in 2017.", "28 firms were listed."});
  CHECK(sentences("It ended... Then talks resumed.") ==
        Lines{"It ended...", "Then talks resumed."});
  CHECK(sentences("They waited. and waited.") == Lines{"They waited. and waited."});
}

TEST_CASE("sentences: spans are trimmed byte offsets into the original text") {
  const std::string text = "  First one.\xC2\xA0\xC2\xA0Second\xC2\xA0one.  \n";
  const std::vector<Span> spans = split_sentences(text);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0] == Span{2, 12});
  CHECK(spans[1] == Span{16, 28});
  CHECK(text.substr(16, 12) == "Second\xC2\xA0one.");
}

TEST_CASE("sentences: empty or text-free input") {
  CHECK(split_sentences("").empty());
  CHECK(split_sentences(" \n\t\xC2\xA0\n").empty());
  CHECK(split_sentences("-----\n=====\n").empty());
  CHECK(sentences("no end punctuation") == Lines{"no end punctuation"});
}

TEST_CASE("sentences: titles and reference words and month abbreviations never end one") {
  CHECK(sentences("Mr. Ortiz met Dr. Lee and Gen. Park on Sept. 20 in room No. 5. They talked.") ==
        Lines{"Mr. Ortiz met Dr. Lee and Gen. Park on Sept. 20 in room No. 5.", "They talked."});
  CHECK(sentences("See vol. 3, pp. 12-14 and Fig. 2 for details. Sen. Ruiz agreed.") ==
        Lines{"See vol. 3, pp. 12-14 and Fig. 2 for details.", "Sen. Ruiz agreed."});
  CHECK(sentences("Some chips, e.g. GPUs, i.e. accelerators, are listed. Others are not.") ==
        Lines{"Some chips, e.g. GPUs, i.e. accelerators, are listed.", "Others are not."});
  CHECK(sentences("Ships, planes, etc. are covered. Trucks, drones, etc. The list is long.") ==
        Lines{"Ships, planes, etc. are covered.", "Trucks, drones, etc.", "The list is long."});
}

TEST_CASE("sentences: initials stay inside names") {
  CHECK(sentences("Secretary Maria T. Okafor and Jon Q. Public signed. The order followed.") ==
        Lines{"Secretary Maria T. Okafor and Jon Q. Public signed.", "The order followed."});
  CHECK(sentences("Talks ran until 9 p.m. EDT on Friday. A deal was near.") ==
        Lines{"Talks ran until 9 p.m. EDT on Friday.", "A deal was near."});
}

TEST_CASE("sentences: acronyms and company suffixes end one only before an opener") {
  CHECK(sentences("The ban hit Zenith Widgets Co. and Orbis Corp. last year.") ==
        Lines{"The ban hit Zenith Widgets Co. and Orbis Corp. last year."});
  CHECK(sentences("The U.S. Treasury acted. Funds left the U.S. The bank said so.") ==
        Lines{"The U.S. Treasury acted.", "Funds left the U.S.", "The bank said so."});
  CHECK(sentences("The buyer was Quill Systems Inc. In a filing, it agreed.") ==
        Lines{"The buyer was Quill Systems Inc.", "In a filing, it agreed."});
  CHECK(sentences("It supplied Quill Systems Inc. Harbor Ltd. also bought parts.") ==
        Lines{"It supplied Quill Systems Inc. Harbor Ltd. also bought parts."});
  CHECK(sentences("Orders under E.O. 14024 apply. QUILL INC. The end.") ==
        Lines{"Orders under E.O. 14024 apply.", "QUILL INC.", "The end."});
}

TEST_CASE("sentences: closing quotes and brackets stay with their sentence") {
  CHECK(sentences("\xE2\x80\x9CWe act now.\xE2\x80\x9D The panel agreed.") ==
        Lines{"\xE2\x80\x9CWe act now.\xE2\x80\x9D", "The panel agreed."});
  CHECK(sentences("He called it \xE2\x80\x98unfair.\xE2\x80\x99 Officials disagreed.") ==
        Lines{"He called it \xE2\x80\x98unfair.\xE2\x80\x99", "Officials disagreed."});
  CHECK(sentences("She said \"enough.\" Then she left. (It rained.) Later, it cleared.") ==
        Lines{"She said \"enough.\"", "Then she left.", "(It rained.)", "Later, it cleared."});
  CHECK(sentences("\xE2\x80\x9CWhy wait?\xE2\x80\x9D he asked. Nobody answered.") ==
        Lines{"\xE2\x80\x9CWhy wait?\xE2\x80\x9D he asked.", "Nobody answered."});
}

TEST_CASE("sentences: punctuation glued to the next character does not split") {
  CHECK(sentences("U.S.-made parts, a 3.5 percent rise and mail to info@agency.gov. Done.") ==
        Lines{"U.S.-made parts, a 3.5 percent rise and mail to info@agency.gov.", "Done."});
  CHECK(sentences("The Acme Co.\xE2\x80\x99s unit, Acme Co., Ltd., was named.") ==
        Lines{"The Acme Co.\xE2\x80\x99s unit, Acme Co., Ltd., was named."});
}

TEST_CASE("sentences: a dateline with D.C. and a dash stays one sentence") {
  const std::string text =
      "WASHINGTON, D.C. \xE2\x80\x93 The U.S. Commerce Department\xE2\x80\x99s Bureau of "
      "Industry and Security (BIS) listed four firms. It cited U.S. law.";
  CHECK(sentences(text) == Lines{"WASHINGTON, D.C. \xE2\x80\x93 The U.S. Commerce "
                                 "Department\xE2\x80\x99s Bureau of Industry and Security (BIS) "
                                 "listed four firms.",
                                 "It cited U.S. law."});
}

TEST_CASE("sentences: blank lines end a sentence") {
  CHECK(sentences("Trade talks stalled\n\nofficials said") ==
        Lines{"Trade talks stalled", "officials said"});
  CHECK(sentences("Trade talks stalled\n \xC2\xA0\t\nofficials said") ==
        Lines{"Trade talks stalled", "officials said"});
  CHECK(sentences("One line.\r\n\r\nTwo lines.\r\n") == Lines{"One line.", "Two lines."});
}

TEST_CASE("sentences: short heading-like lines end a sentence") {
  const std::string text =
      "DEPARTMENT OF THE INTERIOR\n"
      "Office of Trade Review\n"
      "[Notice No. 12]\n"
      "Summary of the final determination\n"
      "AGENCY: Office of Trade Review.\n"
      "The office lists three companies.\n";
  CHECK(sentences(text) == Lines{"DEPARTMENT OF THE INTERIOR", "Office of Trade Review",
                                 "[Notice No. 12]", "Summary of the final determination",
                                 "AGENCY: Office of Trade Review.",
                                 "The office lists three companies."});
  CHECK(sentences("Export controls and\nsanctions were tightened.") ==
        Lines{"Export controls and\nsanctions were tightened."});
  CHECK(sentences("Export controls,\nSanctions were tightened.") ==
        Lines{"Export controls,\nSanctions were tightened."});
}

TEST_CASE("sentences: long upper-case and title-case lines are headings") {
  const std::string title =
      "Treasury Sanctions Six Shipping Companies for Moving Oil on Behalf of the Network\n"
      "The Treasury acted today.";
  CHECK(sentences(title) ==
        Lines{"Treasury Sanctions Six Shipping Companies for Moving Oil on Behalf of the Network",
              "The Treasury acted today."});
  const std::string caps =
      "PERSONS AND VESSELS IDENTIFIED TODAY BY THE OFFICE UNDER THE RELEVANT AUTHORITIES\n"
      "Four vessels were identified.";
  CHECK(sentences(caps).size() == 2);
}

TEST_CASE("sentences: hard-wrapped paragraphs stay together") {
  const std::string text =
      "SUMMARY: In this rule the agency revises the entries for two companies\n"
      "listed under Ruritania and corrects the references to the license\n"
      "requirements that apply to those companies, which were incorrect in the\n"
      "rule published last month. This rule also fixes a typographical error\n"
      "in one entry for ``Quill Systems Co., Ltd.''\n"
      "(under Ruritania).\n"
      "DATES: This rule is effective today.\n";
  CHECK(sentences(text) ==
        Lines{"SUMMARY: In this rule the agency revises the entries for two companies\n"
              "listed under Ruritania and corrects the references to the license\n"
              "requirements that apply to those companies, which were incorrect in the\n"
              "rule published last month.",
              "This rule also fixes a typographical error\n"
              "in one entry for ``Quill Systems Co., Ltd.''\n"
              "(under Ruritania).",
              "DATES: This rule is effective today."});
}

TEST_CASE("sentences: a newline after a long unwrapped line is a paragraph break") {
  const std::string unwrapped =
      "After a review that lasted most of the year, the contract for the new radar parts went "
      "to Quill Systems Inc.\n"
      "Harbor Ltd. also bid for the work.";
  CHECK(sentences(unwrapped).size() == 2);
  const std::string wrapped =
      "After a review that lasted most of the year, the contract for the\n"
      "new radar parts went to Quill Systems Inc.\n"
      "Harbor Ltd. also bid for the work.";
  CHECK(sentences(wrapped) == Lines{wrapped});
}

TEST_CASE("sentences: a line ending in a colon ends the sentence") {
  CHECK(sentences("The agency added the following parties to the list of restricted users:\n"
                  "Quill Systems and Harbor Works") ==
        Lines{"The agency added the following parties to the list of restricted users:",
              "Quill Systems and Harbor Works"});
}

TEST_CASE("sentences: bullets and numbered items start new sentences") {
  const std::string text =
      "The designations cover the following persons who operate in the shipping sector\n"
      "  \xE2\x80\xA2 Ivan Petrovsky, a shipping executive\n"
      "\xC2\xB7 Olga Marchenko, his partner\n"
      "- Harbor Works Ltd\n"
      "1. Quill Systems Co.\n"
      "(b) Orbis Corp\n";
  CHECK(sentences(text) ==
        Lines{"The designations cover the following persons who operate in the shipping sector",
              "Ivan Petrovsky, a shipping executive", "Olga Marchenko, his partner",
              "Harbor Works Ltd", "1. Quill Systems Co.", "(b) Orbis Corp"});
}

TEST_CASE("sentences: a list marker number is not a sentence") {
  CHECK(sentences("2. The second item applies. 3. The third does not.") ==
        Lines{"2. The second item applies.", "3. The third does not."});
}
