#include "proto/flow_block_convert.h"

#include <cstdint>
#include <limits>
#include <string>

#include "absl/strings/str_cat.h"
#include "proto/money_convert.h"

namespace culturetrade {
namespace {

constexpr int kMaxScale = Decimal::kFractionDigits;

absl::int128 Pow10(int n) {
  absl::int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

Direction DirectionOf(v1::FlowDirection d) {
  switch (d) {
    case v1::FLOW_DIRECTION_IMPORT: return Direction::kImport;
    case v1::FLOW_DIRECTION_RE_EXPORT: return Direction::kReExport;
    case v1::FLOW_DIRECTION_RE_IMPORT: return Direction::kReImport;
    default: return Direction::kExport;
  }
}

v1::FlowDirection DirectionToProto(Direction d) {
  switch (d) {
    case Direction::kImport: return v1::FLOW_DIRECTION_IMPORT;
    case Direction::kReExport: return v1::FLOW_DIRECTION_RE_EXPORT;
    case Direction::kReImport: return v1::FLOW_DIRECTION_RE_IMPORT;
    case Direction::kExport: break;
  }
  return v1::FLOW_DIRECTION_EXPORT;
}

ValueStatus StatusOf(int status) {
  switch (status) {
    case v1::VALUE_STATUS_DERIVED: return ValueStatus::kDerived;
    case v1::VALUE_STATUS_ESTIMATED: return ValueStatus::kEstimated;
    default: return ValueStatus::kReported;
  }
}

v1::ValueStatus StatusToProto(ValueStatus s) {
  switch (s) {
    case ValueStatus::kDerived: return v1::VALUE_STATUS_DERIVED;
    case ValueStatus::kEstimated: return v1::VALUE_STATUS_ESTIMATED;
    case ValueStatus::kReported: break;
  }
  return v1::VALUE_STATUS_REPORTED;
}

bool IsValidDirection(int d) {
  return d >= v1::FLOW_DIRECTION_EXPORT && d <= v1::FLOW_DIRECTION_RE_IMPORT;
}

SourceEntry SourceOf(const v1::Citation& c) {
  return SourceEntry{c.title(), c.locator(), c.quote(), c.uri()};
}

void SourceToProto(const SourceEntry& s, v1::Citation* out) {
  out->set_title(s.title);
  out->set_locator(s.locator);
  out->set_quote(s.quote);
  out->set_uri(s.uri);
}

// The fewest decimal places that state every value exactly, or -1 when some value does not
// fit a non-negative 64-bit count at that scale.
int ScaleFor(const std::vector<Decimal>& values) {
  int scale = 0;
  for (const Decimal& v : values) {
    if (v.is_negative()) return -1;
    while (scale < kMaxScale && v.nanos() % Pow10(kMaxScale - scale) != 0) ++scale;
  }
  const absl::int128 limit = absl::int128(std::numeric_limits<uint64_t>::max());
  const absl::int128 unit = Pow10(kMaxScale - scale);
  for (const Decimal& v : values) {
    if (v.nanos() / unit > limit) return -1;
  }
  return scale;
}

void ValuesToProto(const std::vector<Decimal>& values, v1::FlowBlock& out) {
  const int scale = ScaleFor(values);
  if (scale >= 0) {
    const absl::int128 unit = Pow10(kMaxScale - scale);
    out.set_value_scale(scale);
    out.mutable_scaled_values()->Reserve(static_cast<int>(values.size()));
    for (const Decimal& v : values) {
      out.add_scaled_values(static_cast<uint64_t>(v.nanos() / unit));
    }
    return;
  }
  bool fractional = false;
  for (const Decimal& v : values) fractional |= v.nanos() % Decimal::kNanosPerUnit != 0;
  for (const Decimal& v : values) {
    int64_t units = 0;
    int32_t nanos = 0;
    // Values come from validated flows, whose units fit int64 by construction.
    v.ToUnitsNanos(&units, &nanos).IgnoreError();
    out.add_value_units(units);
    if (fractional) out.add_value_nanos(nanos);
  }
}

absl::Status ColumnError(absl::string_view column, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("block column ", column, ": ", why));
}

// OK when `size` is the block's row count, or 0 for a column that may be empty.
absl::Status CheckLength(absl::string_view column, int size, int rows, bool optional) {
  if (size == rows || (optional && size == 0)) return absl::OkStatus();
  return ColumnError(column, absl::StrCat("has ", size, " entries for ", rows, " flows"));
}

template <typename Column>
absl::Status CheckIndices(absl::string_view column, const Column& indices, int dictionary) {
  for (uint32_t i : indices) {
    if (i >= static_cast<uint32_t>(dictionary)) {
      return ColumnError(
          column, absl::StrCat("index ", i, " is past its dictionary of ", dictionary, " entries"));
    }
  }
  return absl::OkStatus();
}

// Whether the block states its values as scaled integers rather than units and nanos.
bool HasScaledValues(const v1::FlowBlock& b) { return b.value_units_size() == 0; }

absl::Status CheckShape(const v1::FlowBlock& b) {
  const int n = b.reporter_size();
  const bool scaled = HasScaledValues(b);
  if (b.scaled_values_size() > 0 && b.value_units_size() > 0) {
    return ColumnError("scaled_values", "a block states its values either scaled or as units");
  }
  for (absl::Status s : {
           CheckLength("partner", b.partner_size(), n, false),
           CheckLength("product", b.product_size(), n, false),
           CheckLength("currency", b.currency_size(), n, false),
           CheckLength("year", b.year_size(), n, false),
           CheckLength("month", b.month_size(), n, true),
           CheckLength("quarter", b.quarter_size(), n, true),
           CheckLength("direction", b.direction_size(), n, false),
           CheckLength("status", b.status_size(), n, true),
           CheckLength("source", b.source_size(), n, true),
           CheckLength(scaled ? "scaled_values" : "value_units",
                       scaled ? b.scaled_values_size() : b.value_units_size(), n, false),
           CheckLength("value_nanos", b.value_nanos_size(), scaled ? 0 : n, true),
           CheckLength("quantity_amounts", b.quantity_amounts_size(), n, true),
           CheckLength("quantity_unit", b.quantity_unit_size(), b.quantity_amounts_size(), false),
           CheckIndices("reporter", b.reporter(), b.economies_size()),
           CheckIndices("partner", b.partner(), b.economies_size()),
           CheckIndices("product", b.product(), b.products_size()),
           CheckIndices("currency", b.currency(), b.currencies_size()),
           CheckIndices("source", b.source(), b.sources_size()),
           CheckIndices("quantity_unit", b.quantity_unit(), b.quantity_units_size()),
       }) {
    if (!s.ok()) return s;
  }
  if (b.value_scale() < 0 || b.value_scale() > kMaxScale) {
    return ColumnError("value_scale", absl::StrCat(b.value_scale(), " is outside 0..9"));
  }
  return absl::OkStatus();
}

absl::Status ValuesFromProto(const v1::FlowBlock& b, std::vector<Decimal>& out) {
  out.reserve(b.reporter_size());
  if (HasScaledValues(b)) {
    const absl::int128 unit = Pow10(kMaxScale - b.value_scale());
    for (uint64_t v : b.scaled_values()) out.push_back(Decimal::FromNanos(absl::int128(v) * unit));
    return absl::OkStatus();
  }
  for (int i = 0; i < b.value_units_size(); ++i) {
    absl::StatusOr<Decimal> v =
        Decimal::FromUnitsNanos(b.value_units(i), b.value_nanos_size() ? b.value_nanos(i) : 0);
    if (!v.ok())
      return ColumnError("value_units", absl::StrCat("row ", i, ": ", v.status().message()));
    out.push_back(*v);
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status AddTradeFlow(const v1::TradeFlow& f, FlowBlockBuilder& builder) {
  if (!IsValidDirection(f.direction())) {
    return absl::InvalidArgumentError(absl::StrCat("unknown flow direction ", f.direction()));
  }
  absl::StatusOr<Decimal> value = DecimalFromMoney(f.value());
  if (!value.ok()) return value.status();
  FlowBlockBuilder::Row row;
  row.reporter = builder.Economy(f.reporter());
  row.partner = builder.Economy(f.partner());
  row.product = builder.Product(static_cast<Classification>(f.product().classification()),
                                f.product().code(), f.product().description());
  row.currency = builder.Currency(f.value().currency_code());
  row.period = Period{f.period().year(), f.period().month(), f.period().quarter()};
  row.direction = DirectionOf(f.direction());
  row.status = StatusOf(f.status());
  row.value = *value;
  if (f.has_source()) row.source = builder.Source(SourceOf(f.source()));
  if (f.has_quantity() && !f.quantity().amount().empty()) {
    row.quantity_amount = f.quantity().amount();
    row.quantity_unit = builder.QuantityUnit(f.quantity().unit());
  }
  builder.Add(std::move(row));
  return absl::OkStatus();
}

v1::FlowBlock BlockToProto(const FlowBlock& b) {
  v1::FlowBlock out;
  for (const std::string& e : b.economies) out.add_economies(e);
  for (const ProductEntry& p : b.products) {
    v1::Product* product = out.add_products();
    product->set_classification(static_cast<v1::Classification>(p.classification));
    product->set_code(p.code);
    product->set_description(p.description);
  }
  for (const std::string& c : b.currencies) out.add_currencies(c);
  for (const SourceEntry& s : b.sources) SourceToProto(s, out.add_sources());
  for (const std::string& u : b.quantity_units) out.add_quantity_units(u);
  out.mutable_reporter()->Add(b.reporter.begin(), b.reporter.end());
  out.mutable_partner()->Add(b.partner.begin(), b.partner.end());
  out.mutable_product()->Add(b.product.begin(), b.product.end());
  out.mutable_currency()->Add(b.currency.begin(), b.currency.end());
  out.mutable_year()->Add(b.year.begin(), b.year.end());
  bool months = false, quarters = false;
  for (size_t i = 0; i < b.size(); ++i) {
    months |= b.month[i] != 0;
    quarters |= b.quarter[i] != 0;
  }
  if (months) out.mutable_month()->Add(b.month.begin(), b.month.end());
  if (quarters) out.mutable_quarter()->Add(b.quarter.begin(), b.quarter.end());
  for (Direction d : b.direction) out.add_direction(DirectionToProto(d));
  for (ValueStatus s : b.status) out.add_status(StatusToProto(s));
  out.mutable_source()->Add(b.source.begin(), b.source.end());
  ValuesToProto(b.value, out);
  for (const std::string& q : b.quantity_amount) out.add_quantity_amounts(q);
  out.mutable_quantity_unit()->Add(b.quantity_unit.begin(), b.quantity_unit.end());
  return out;
}

absl::StatusOr<FlowBlock> BlockFromProto(const v1::FlowBlock& b) {
  if (absl::Status s = CheckShape(b); !s.ok()) return s;
  FlowBlock out;
  out.economies.assign(b.economies().begin(), b.economies().end());
  for (const v1::Product& p : b.products()) {
    out.products.push_back(
        ProductEntry{static_cast<Classification>(p.classification()), p.code(), p.description()});
  }
  out.currencies.assign(b.currencies().begin(), b.currencies().end());
  for (const v1::Citation& c : b.sources()) out.sources.push_back(SourceOf(c));
  out.quantity_units.assign(b.quantity_units().begin(), b.quantity_units().end());
  const size_t n = b.reporter_size();
  out.reporter.assign(b.reporter().begin(), b.reporter().end());
  out.partner.assign(b.partner().begin(), b.partner().end());
  out.product.assign(b.product().begin(), b.product().end());
  out.currency.assign(b.currency().begin(), b.currency().end());
  out.year.reserve(n);
  for (int32_t y : b.year()) out.year.push_back(static_cast<int16_t>(y));
  out.month.assign(n, 0);
  out.quarter.assign(n, 0);
  for (int i = 0; i < b.month_size(); ++i) out.month[i] = static_cast<uint8_t>(b.month(i));
  for (int i = 0; i < b.quarter_size(); ++i) out.quarter[i] = static_cast<uint8_t>(b.quarter(i));
  out.direction.reserve(n);
  for (int d : b.direction()) {
    if (!IsValidDirection(d))
      return ColumnError("direction", absl::StrCat("unknown direction ", d));
    out.direction.push_back(DirectionOf(static_cast<v1::FlowDirection>(d)));
  }
  out.status.assign(n, ValueStatus::kReported);
  for (int i = 0; i < b.status_size(); ++i) out.status[i] = StatusOf(b.status(i));
  out.source.assign(b.source().begin(), b.source().end());
  if (absl::Status s = ValuesFromProto(b, out.value); !s.ok()) return s;
  out.quantity_amount.assign(b.quantity_amounts().begin(), b.quantity_amounts().end());
  out.quantity_unit.assign(b.quantity_unit().begin(), b.quantity_unit().end());
  return out;
}

absl::Status AppendTradeFlows(const FlowBlock& b,
                              google::protobuf::RepeatedPtrField<v1::TradeFlow>* out) {
  out->Reserve(out->size() + static_cast<int>(b.size()));
  for (size_t i = 0; i < b.size(); ++i) {
    v1::TradeFlow* f = out->Add();
    f->set_reporter(b.economies[b.reporter[i]]);
    f->set_partner(b.economies[b.partner[i]]);
    const ProductEntry& p = b.products[b.product[i]];
    f->mutable_product()->set_classification(static_cast<v1::Classification>(p.classification));
    f->mutable_product()->set_code(p.code);
    f->mutable_product()->set_description(p.description);
    f->set_direction(DirectionToProto(b.direction[i]));
    f->mutable_period()->set_year(b.year[i]);
    f->mutable_period()->set_month(b.month[i]);
    f->mutable_period()->set_quarter(b.quarter[i]);
    absl::StatusOr<google::type::Money> money =
        MoneyFromDecimal(b.value[i], b.currencies[b.currency[i]]);
    if (!money.ok()) return money.status();
    *f->mutable_value() = *std::move(money);
    f->set_status(StatusToProto(b.status[i]));
    if (!b.source.empty() && !(b.sources[b.source[i]] == SourceEntry{})) {
      SourceToProto(b.sources[b.source[i]], f->mutable_source());
    }
    if (!b.quantity_amount.empty() && !b.quantity_amount[i].empty()) {
      f->mutable_quantity()->set_amount(b.quantity_amount[i]);
      f->mutable_quantity()->set_unit(b.quantity_units[b.quantity_unit[i]]);
    }
  }
  return absl::OkStatus();
}

}  // namespace culturetrade
