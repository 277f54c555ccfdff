#pragma once
// The dates the graph holds: ISO 8601 calendar dates, possibly partial ("2019", "2019-05").

#include <string_view>

namespace factgraph {

/// Days in `month` (1-12) of `year` in the proleptic Gregorian calendar; 0 for a bad month.
[[nodiscard]] int days_in_month(int year, int month);

/// True for "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real month or day.
[[nodiscard]] bool is_iso_date(std::string_view text);

/// True for a complete "YYYY-MM-DD" naming a real day of a year from 1 on (xsd:date has no year 0).
[[nodiscard]] bool is_full_iso_date(std::string_view text);

}  // namespace factgraph
