#include "graph/calendar.hpp"

#include <array>
#include <cstddef>

namespace factgraph {
namespace {

// Reads `width` digits at `at`; false when one is not a digit.
bool digits(std::string_view text, std::size_t at, std::size_t width, int& out) {
  out = 0;
  for (std::size_t i = at; i < at + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace

int days_in_month(int year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
}

bool is_iso_date(std::string_view text) {
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return false;
  int year = 0, month = 0, day = 0;
  if (!digits(text, 0, 4, year)) return false;
  if (text.size() == 4) return true;
  if (text[4] != '-' || !digits(text, 5, 2, month) || month < 1 || month > 12) return false;
  if (text.size() == 7) return true;
  return text[7] == '-' && digits(text, 8, 2, day) && day >= 1 &&
         day <= days_in_month(year, month);
}

bool is_full_iso_date(std::string_view text) {
  return text.size() == 10 && is_iso_date(text) && text.substr(0, 4) != "0000";
}

}  // namespace factgraph
