#include "ingest/record_schema.hpp"

namespace factgraph::ingest {
namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

}  // namespace

bool is_date(std::string_view s) {
  auto number = [&](std::size_t at, std::size_t width, int& out) {
    out = 0;
    for (std::size_t i = at; i < at + width; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  int year = 0, month = 0, day = 0;
  if (!number(0, 4, year)) return false;
  if (s.size() == 4) return true;
  if (s[4] != '-' || !number(5, 2, month) || month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int last =
      kDays[static_cast<std::size_t>(month - 1)] + (month == 2 && is_leap(year) ? 1 : 0);
  return s[7] == '-' && number(8, 2, day) && day >= 1 && day <= last;
}

}  // namespace factgraph::ingest
