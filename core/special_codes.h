// The codes that stand for aggregates rather than one economy or product. They are written in
// data and requests like any other code, so every layer compares against these constants.
#ifndef CULTURETRADE_CORE_SPECIAL_CODES_H_
#define CULTURETRADE_CORE_SPECIAL_CODES_H_

namespace culturetrade {

// The world as a whole: as partner, every destination; as reporter, every exporter.
inline constexpr char kWorld[] = "WLD";
// Every product together.
inline constexpr char kAllProducts[] = "TOTAL";

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_SPECIAL_CODES_H_
