#include "tests/baci_like_flows.h"

#include <cmath>
#include <cstdint>
#include <random>
#include <string>

#include "absl/strings/str_format.h"
#include "core/flow_block_builder.h"

namespace culturetrade::testing {
namespace {

constexpr int kEconomies = 220, kProducts = 5000;

// One flow of `exporter` to `importer` of HS6 product number `product`.
FlowBlockBuilder::Row Flow(FlowBlockBuilder& b, int exporter, int importer, int product,
                           std::mt19937_64& random) {
  std::uniform_real_distribution<double> magnitude(-3, 6), unit(0, 1);
  const auto code = [](int i) { return absl::StrFormat("%c%cX", 'A' + i / 26, 'A' + i % 26); };
  FlowBlockBuilder::Row row;
  row.reporter = b.Economy(code(exporter));
  row.partner = b.Economy(code(importer));
  row.product =
      b.Product(Classification::kHs, absl::StrFormat("%06d", 10000 + product % kProducts * 19), "");
  row.currency = b.Currency("USD");
  row.period.year = 2022;
  // v thousands of dollars with three decimals: v * 1000 whole dollars.
  row.value = Decimal::FromUnits(static_cast<int64_t>(std::pow(10, magnitude(random)) * 1000) + 1);
  row.source = b.Source(SourceEntry{"CEPII BACI", "", "", ""});
  if (unit(random) < 0.9) {
    const auto tons = static_cast<int64_t>(std::pow(10, magnitude(random)) * 1000);
    row.quantity_amount = absl::StrFormat("%d.%03d", tons / 1000, tons % 1000);
    row.quantity_unit = b.QuantityUnit("t");
  }
  return row;
}

}  // namespace

std::vector<FlowBlock> BaciLikeBlocks(int flows) {
  std::mt19937_64 random(2024);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<FlowBlock> blocks;
  FlowBlockBuilder b;
  for (int n = 0, exporter = 0; n < flows; exporter = (exporter + 1) % kEconomies) {
    for (int importer = 0; importer < kEconomies && n < flows; ++importer) {
      if (importer == exporter || unit(random) < 0.3) continue;
      const auto products = static_cast<int>(std::pow(10, unit(random) * 2.5));
      for (int k = 0, p = static_cast<int>(random() % 50); k < products && n < flows; ++k, ++n) {
        p += 1 + static_cast<int>(random() % 5);
        b.Add(Flow(b, exporter, importer, p, random));
        if (b.size() == 8192) blocks.push_back(b.Take());
      }
    }
  }
  if (b.size() > 0) blocks.push_back(b.Take());
  return blocks;
}

}  // namespace culturetrade::testing
