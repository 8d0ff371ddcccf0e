#include "bench/world.h"

#include <array>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "core/flow_block_builder.h"

namespace culturetrade::bench {
namespace {

// 201 economies: reporters are the first 200, and a reporter's partners are the 200 others.
constexpr std::array<absl::string_view, kWorldReporters + 1> kEconomies = {
    "AFG", "AGO", "ALB", "AND", "ARE", "ARG", "ARM", "ATG", "AUS", "AUT", "AZE", "BDI", "BEL",
    "BEN", "BFA", "BGD", "BGR", "BHR", "BHS", "BIH", "BLR", "BLZ", "BOL", "BRA", "BRB", "BRN",
    "BTN", "BWA", "CAF", "CAN", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG", "COL", "COM",
    "CPV", "CRI", "CUB", "CYP", "CZE", "DEU", "DJI", "DMA", "DNK", "DOM", "DZA", "ECU", "EGY",
    "ERI", "ESH", "ESP", "EST", "ETH", "FIN", "FJI", "FRA", "FRO", "FSM", "GAB", "GBR", "GEO",
    "GHA", "GIN", "GMB", "GNB", "GNQ", "GRC", "GRD", "GRL", "GTM", "GUY", "HKG", "HND", "HRV",
    "HTI", "HUN", "IDN", "IND", "IRL", "IRN", "IRQ", "ISL", "ISR", "ITA", "JAM", "JOR", "JPN",
    "KAZ", "KEN", "KGZ", "KHM", "KIR", "KNA", "KOR", "KWT", "LAO", "LBN", "LBR", "LBY", "LCA",
    "LIE", "LKA", "LSO", "LTU", "LUX", "LVA", "MAC", "MAR", "MCO", "MDA", "MDG", "MDV", "MEX",
    "MHL", "MKD", "MLI", "MLT", "MMR", "MNE", "MNG", "MOZ", "MRT", "MUS", "MWI", "MYS", "NAM",
    "NER", "NGA", "NIC", "NLD", "NOR", "NPL", "NRU", "NZL", "OMN", "PAK", "PAN", "PER", "PHL",
    "PLW", "PNG", "POL", "PRI", "PRK", "PRT", "PRY", "PSE", "QAT", "ROU", "RUS", "RWA", "SAU",
    "SDN", "SEN", "SGP", "SLB", "SLE", "SLV", "SMR", "SOM", "SRB", "SSD", "STP", "SUR", "SVK",
    "SVN", "SWE", "SWZ", "SYC", "SYR", "TCD", "TGO", "THA", "TJK", "TKM", "TLS", "TON", "TTO",
    "TUN", "TUR", "TUV", "TWN", "TZA", "UGA", "UKR", "URY", "USA", "UZB", "VCT", "VEN", "VNM",
    "VUT", "WSM", "YEM", "ZAF", "ZMB", "ZWE"};

// Free product codes HS9700, HS9701, ...
const std::array<std::string, kWorldProducts>& ProductCodes() {
  static const auto* codes = [] {
    auto* c = new std::array<std::string, kWorldProducts>();
    for (int k = 0; k < kWorldProducts; ++k) (*c)[k] = absl::StrFormat("HS97%02d", k);
    return c;
  }();
  return *codes;
}

uint64_t SplitMix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Flow i's coordinates and its value in cents.
struct Coordinates {
  int reporter, partner, product, year;
  Direction direction;
  int64_t cents;
};

Coordinates CoordinatesOf(int64_t i) {
  Coordinates c;
  const int year_index = static_cast<int>(i % kWorldYears);
  int64_t rest = i / kWorldYears;
  c.direction = rest % 2 == 0 ? Direction::kExport : Direction::kImport;
  rest /= 2;
  c.product = static_cast<int>(rest % kWorldProducts);
  rest /= kWorldProducts;
  const int partner_index = static_cast<int>(rest % kWorldPartners);
  c.reporter = static_cast<int>(rest / kWorldPartners);
  // Skipping the reporter's own code keeps 200 partners out of the 201 economies.
  c.partner = partner_index < c.reporter ? partner_index : partner_index + 1;
  c.year = kWorldFirstYear + year_index;
  // Up to half a million dollars, about 4 % more each year on average, so that growth rates
  // mean something.
  const uint64_t hash = SplitMix64(static_cast<uint64_t>(i));
  const int64_t base = static_cast<int64_t>(hash % 50'000'000) + 1;
  c.cents = base * (100 + 4 * year_index) / 100;
  return c;
}

Decimal CentsToDecimal(int64_t cents) {
  return Decimal::FromNanos(absl::int128(cents) * (Decimal::kNanosPerUnit / 100));
}

}  // namespace

Flow WorldFlow(int64_t i) {
  const Coordinates c = CoordinatesOf(i);
  Flow f;
  f.reporter = std::string(kEconomies[c.reporter]);
  f.partner = std::string(kEconomies[c.partner]);
  f.product_code = ProductCodes()[c.product];
  f.direction = c.direction;
  f.period = Period{c.year, 0, 0};
  f.value = CentsToDecimal(c.cents);
  f.currency = "USD";
  f.status = ValueStatus::kReported;
  return f;
}

FlowTable WorldTable(int64_t n) {
  FlowTable table;
  table.Reserve(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) {
    const Coordinates c = CoordinatesOf(i);
    table.Add(kEconomies[c.reporter], kEconomies[c.partner], ProductCodes()[c.product], c.direction,
              Period{c.year, 0, 0}, CentsToDecimal(c.cents), "USD", ValueStatus::kReported);
  }
  return table;
}

FlowBlock WorldBlock(int64_t first, int64_t end) {
  FlowBlockBuilder builder;
  for (int64_t i = first; i < end; ++i) {
    const Flow f = WorldFlow(i);
    builder.Add({builder.Economy(f.reporter), builder.Economy(f.partner),
                 builder.Product(Classification::kFree, f.product_code, ""),
                 builder.Currency(f.currency), f.period, f.direction, f.status, f.value,
                 /*source=*/std::nullopt,
                 /*quantity_amount=*/"", /*quantity_unit=*/0});
  }
  return builder.Take();
}

void WriteWorldCsv(int64_t n, std::ostream& out) {
  std::string buffer = "reporter,partner,product,direction,year,value,currency\n";
  for (int64_t i = 0; i < n; ++i) {
    const Coordinates c = CoordinatesOf(i);
    absl::StrAppend(&buffer, kEconomies[c.reporter], ",", kEconomies[c.partner], ",",
                    ProductCodes()[c.product], c.direction == Direction::kExport ? ",X," : ",M,",
                    c.year, ",", c.cents / 100, ".", absl::Dec(c.cents % 100, absl::kZeroPad2),
                    ",USD\n");
    if (buffer.size() > (1 << 20)) {
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

}  // namespace culturetrade::bench
