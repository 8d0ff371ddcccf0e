#include "import/numeric_country_codes.h"

#include <algorithm>
#include <cstddef>
#include <iterator>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "import/csv_cells.h"
#include "import/csv_error.h"

namespace culturetrade::import {
namespace {

struct NumericCountry {
  int code;
  const char* alpha3;
};

// ISO 3166-1 numeric (UN M49) codes of the largest traders and their neighbours, and the codes
// BACI uses for economies it merges with a territory (251 France with Monaco, 842 United
// States with Puerto Rico, 699 India, 757 Switzerland with Liechtenstein, 579 Norway with
// Svalbard). 490, "Other Asia, nes", is left out: it has no alpha-3 code of its own.
constexpr NumericCountry kNumericCountries[] = {
    {0, "WLD"},   {12, "DZA"},  {24, "AGO"},  {31, "AZE"},  {32, "ARG"},  {36, "AUS"},
    {40, "AUT"},  {48, "BHR"},  {50, "BGD"},  {56, "BEL"},  {68, "BOL"},  {76, "BRA"},
    {96, "BRN"},  {100, "BGR"}, {104, "MMR"}, {112, "BLR"}, {116, "KHM"}, {124, "CAN"},
    {144, "LKA"}, {152, "CHL"}, {156, "CHN"}, {158, "TWN"}, {170, "COL"}, {188, "CRI"},
    {191, "HRV"}, {196, "CYP"}, {203, "CZE"}, {208, "DNK"}, {214, "DOM"}, {218, "ECU"},
    {231, "ETH"}, {233, "EST"}, {246, "FIN"}, {250, "FRA"}, {251, "FRA"}, {276, "DEU"},
    {288, "GHA"}, {300, "GRC"}, {320, "GTM"}, {344, "HKG"}, {348, "HUN"}, {352, "ISL"},
    {356, "IND"}, {360, "IDN"}, {364, "IRN"}, {368, "IRQ"}, {372, "IRL"}, {376, "ISR"},
    {380, "ITA"}, {384, "CIV"}, {392, "JPN"}, {398, "KAZ"}, {400, "JOR"}, {404, "KEN"},
    {408, "PRK"}, {410, "KOR"}, {414, "KWT"}, {422, "LBN"}, {428, "LVA"}, {434, "LBY"},
    {440, "LTU"}, {442, "LUX"}, {446, "MAC"}, {458, "MYS"}, {470, "MLT"}, {484, "MEX"},
    {496, "MNG"}, {504, "MAR"}, {512, "OMN"}, {528, "NLD"}, {554, "NZL"}, {566, "NGA"},
    {578, "NOR"}, {579, "NOR"}, {586, "PAK"}, {591, "PAN"}, {600, "PRY"}, {604, "PER"},
    {608, "PHL"}, {616, "POL"}, {620, "PRT"}, {634, "QAT"}, {642, "ROU"}, {643, "RUS"},
    {682, "SAU"}, {688, "SRB"}, {699, "IND"}, {702, "SGP"}, {703, "SVK"}, {704, "VNM"},
    {705, "SVN"}, {710, "ZAF"}, {724, "ESP"}, {752, "SWE"}, {756, "CHE"}, {757, "CHE"},
    {764, "THA"}, {784, "ARE"}, {788, "TUN"}, {792, "TUR"}, {804, "UKR"}, {818, "EGY"},
    {826, "GBR"}, {834, "TZA"}, {840, "USA"}, {842, "USA"}, {858, "URY"}, {860, "UZB"},
    {862, "VEN"}};

constexpr bool Ascending() {
  for (size_t i = 1; i < sizeof(kNumericCountries) / sizeof(kNumericCountries[0]); ++i) {
    if (kNumericCountries[i - 1].code >= kNumericCountries[i].code) return false;
  }
  return true;
}
// Looked up by binary search: a BACI file looks up two codes a row.
static_assert(Ascending(), "kNumericCountries is in ascending order of code");

}  // namespace

absl::StatusOr<std::string> CountryFromNumeric(absl::string_view code) {
  code = absl::StripAsciiWhitespace(code);
  int number = -1;
  if (!AllDigits(code) || code.size() > 3 || !absl::SimpleAtoi(code, &number)) {
    return CsvError("'", code, "' is not an ISO numeric country code");
  }
  const auto* it =
      std::lower_bound(std::begin(kNumericCountries), std::end(kNumericCountries), number,
                       [](const NumericCountry& c, int n) { return c.code < n; });
  if (it != std::end(kNumericCountries) && it->code == number) return std::string(it->alpha3);
  return CsvError("unknown country code ", number,
                  ": it is not in ctrade's table of ISO numeric codes");
}

}  // namespace culturetrade::import
