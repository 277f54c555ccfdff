#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "graph/name_index.hpp"
#include "graph/names.hpp"

using namespace factgraph;
using namespace std::string_literals;

TEST_CASE("names: company forms, case and punctuation do not matter") {
  CHECK(normalize_name("Hangzhou Hikvision Digital Technology Co., Ltd.") ==
        "hangzhou hikvision digital technology");
  CHECK(normalize_name("Megvii Technology Inc.") == "megvii technology");
  CHECK(normalize_name("  THE   Entity  List ") == "entity list");
  CHECK(normalize_name("Yixin Science & Technology Co.") == "yixin science and technology");
  CHECK(normalize_name("U.S. Department of Commerce") == "u s department of commerce");
}

TEST_CASE("names: possessives and typographic apostrophes") {
  CHECK(normalize_name("China's") == "china");
  CHECK(normalize_name("People\u2019s Republic of China") == "people republic of china");
  CHECK(normalize_name("People's Republic of China") == "people republic of china");
}

TEST_CASE("names: a name that is only a company form stays") {
  CHECK(normalize_name("Company") == "company");
  CHECK(normalize_name("...") == "");
}

TEST_CASE("names: non-ASCII letters are kept") {
  CHECK(normalize_name("Cecilia Malmström") == "cecilia malmström");
}

TEST_CASE("names: slugs and edit distance") {
  CHECK(slugify("Huawei Technologies Co., Ltd.") == "huawei-technologies");
  CHECK(slugify("Office of Foreign Assets Control (OFAC)") == "office-of-foreign-assets-control-ofac");
  CHECK(edit_distance("huawai", "huawei") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("same", "same") == 0);
  CHECK(is_company_form("Ltd."));
  CHECK_FALSE(is_company_form("Technology"));
}

TEST_CASE("append_normalized_name: appends what normalize_name returns, the text before untouched") {
  for (std::string_view name : {"The Boeing Company", "the", "Hangzhou Hikvision Co., Ltd.",
                                "AT&T Inc.", "!!!", "Huawei\u2019s unit", "Co Ltd"}) {
    CAPTURE(name);
    std::string out = "the firm co\0"s;
    append_normalized_name(out, name);
    CHECK(out == "the firm co\0"s + normalize_name(name));
  }
}

TEST_CASE("name index: the first value given a key stays, keys are compared, not only hashed") {
  detail::NameIndex index;
  CHECK(index.find("firm\0acme"s, 7) == detail::NameIndex::kNone);
  // Every key gets the same hash here, so each lookup walks past the others.
  for (std::uint32_t i = 0; i < 3000; ++i) index.insert("key " + std::to_string(i), 7, i);
  index.insert("key 5", 7, 99);
  for (std::uint32_t i = 0; i < 3000; ++i) CHECK(index.find("key " + std::to_string(i), 7) == i);
  CHECK(index.find("key 3000", 7) == detail::NameIndex::kNone);
  CHECK(index.find("key 5", 8) == detail::NameIndex::kNone);
}
