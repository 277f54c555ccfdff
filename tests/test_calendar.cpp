#include <doctest/doctest.h>

#include "graph/calendar.hpp"

using namespace factgraph;

TEST_CASE("calendar: month lengths, leap years included") {
  CHECK(days_in_month(2019, 2) == 28);
  CHECK(days_in_month(2020, 2) == 29);
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(days_in_month(2000, 2) == 29);
  CHECK(days_in_month(2021, 4) == 30);
  CHECK(days_in_month(2021, 12) == 31);
  CHECK(days_in_month(2021, 0) == 0);
  CHECK(days_in_month(2021, 13) == 0);
}

TEST_CASE("calendar: partial and complete ISO dates") {
  for (const char* good : {"2019", "2019-05", "2019-05-16", "2020-02-29", "0000", "0000-01-01"})
    CHECK_MESSAGE(is_iso_date(good), good);
  for (const char* bad : {"", "19", "2019-5", "2019-13", "2019-00", "2019-02-29", "2019-04-31",
                          "2019-05-00", "2019/05/16", "2019-05-16T10:00", "2O19", "2019-05-1x"})
    CHECK_MESSAGE(!is_iso_date(bad), bad);
  CHECK(is_full_iso_date("2019-05-16"));
  CHECK_FALSE(is_full_iso_date("2019-05"));
  CHECK_FALSE(is_full_iso_date("0000-01-01"));
  CHECK_FALSE(is_full_iso_date("2019-02-30"));
}
