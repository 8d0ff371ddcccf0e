// Which codes exist: ISO 3166-1 alpha-3 economies (with the former codes of ISO 3166-3, which
// old trade data still carries, WLD for the world and the few codes of the trade sources beyond
// ISO, such as S19 for Comtrade's "Other Asia, nes": docs/country_codes.md) and ISO 4217
// currencies. The lists are generated at build time from Debian's iso-codes package and
// import/data/trade_area_codes.json.
#ifndef CULTURETRADE_SERVICE_MODEL_ISO_CODES_H_
#define CULTURETRADE_SERVICE_MODEL_ISO_CODES_H_

#include "absl/strings/string_view.h"

namespace culturetrade {

bool IsKnownEconomy(absl::string_view alpha3);
bool IsKnownCurrency(absl::string_view code);

}  // namespace culturetrade

#endif  // CULTURETRADE_SERVICE_MODEL_ISO_CODES_H_
