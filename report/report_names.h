// The names a report's titles and captions give its economies and its product: "China", "South
// Korea", "television dramas", rather than the codes CHN, KOR and TV_DRAMAS the tables use.
#ifndef CULTURETRADE_REPORT_REPORT_NAMES_H_
#define CULTURETRADE_REPORT_REPORT_NAMES_H_

#include <string>

#include "absl/strings/string_view.h"

namespace culturetrade::report {

// The economy's name from report/economy_names.h, or its code when it has none.
std::string EconomyTitle(absl::string_view code);

// The product as a sentence names it: the dataset's description with its first letter in lower
// case unless it starts an abbreviation ("Television dramas" -> "television dramas", "TV
// dramas" stays); "all products" for the total; the code when there is no description.
std::string ProductTitle(absl::string_view code, absl::string_view description);

}  // namespace culturetrade::report

#endif  // CULTURETRADE_REPORT_REPORT_NAMES_H_
