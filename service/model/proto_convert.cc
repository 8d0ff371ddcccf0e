#include "service/model/proto_convert.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace culturetrade {

absl::StatusOr<Direction> DirectionFromProto(v1::FlowDirection d) {
  switch (d) {
    case v1::FLOW_DIRECTION_EXPORT: return Direction::kExport;
    case v1::FLOW_DIRECTION_IMPORT: return Direction::kImport;
    case v1::FLOW_DIRECTION_RE_EXPORT: return Direction::kReExport;
    case v1::FLOW_DIRECTION_RE_IMPORT: return Direction::kReImport;
    default: return absl::InvalidArgumentError(absl::StrCat("unknown flow direction ", d));
  }
}

absl::Status SetMoney(const std::optional<Decimal>& value, const std::string& currency,
                      google::type::Money* out) {
  if (!value) return absl::OkStatus();
  absl::StatusOr<google::type::Money> m = MoneyFromDecimal(*value, currency);
  if (!m.ok()) return m.status();
  *out = *std::move(m);
  return absl::OkStatus();
}

absl::Status GrowthToProto(const CompoundGrowthResult& g, const std::string& currency,
                           v1::CompoundGrowth* out) {
  out->set_start_year(g.start_year);
  out->set_end_year(g.end_year);
  absl::Status s = SetMoney(g.start_value, currency, out->mutable_start_value());
  if (s.ok()) s = SetMoney(g.end_value, currency, out->mutable_end_value());
  if (!g.start_value) out->clear_start_value();
  if (!g.end_value) out->clear_end_value();
  if (g.rate.ok()) {
    out->set_rate(*g.rate);
  } else {
    out->set_undefined_reason(std::string(g.rate.status().message()));
  }
  return s;
}

namespace {

std::optional<Decimal> ValueOf(const std::optional<YearValue>& v) {
  return v ? std::optional<Decimal>(v->value) : std::nullopt;
}

absl::Status RowToProto(const BalanceRow& row, const std::string& currency, v1::BalanceYear* out) {
  out->set_year(row.year);
  if (row.exports) {
    out->set_export_status(StatusToProto(row.exports->status));
    out->set_export_partial(row.exports->partial);
  }
  if (row.imports) {
    out->set_import_status(StatusToProto(row.imports->status));
    out->set_import_partial(row.imports->partial);
  }
  google::type::Money exports, imports, balance, total;
  for (absl::Status s :
       {SetMoney(ValueOf(row.exports), currency, &exports),
        SetMoney(ValueOf(row.imports), currency, &imports),
        SetMoney(row.balance, currency, &balance), SetMoney(row.total_trade, currency, &total)}) {
    if (!s.ok()) return s;
  }
  if (row.exports) *out->mutable_exports() = exports;
  if (row.imports) *out->mutable_imports() = imports;
  if (row.balance) *out->mutable_balance() = balance;
  if (row.total_trade) *out->mutable_total_trade() = total;
  if (row.coverage_ratio) out->set_coverage_ratio(*row.coverage_ratio);
  if (row.normalized_balance) out->set_normalized_balance(*row.normalized_balance);
  if (row.export_growth) out->set_export_growth(*row.export_growth);
  if (row.import_growth) out->set_import_growth(*row.import_growth);
  return absl::OkStatus();
}

}  // namespace

ValueStatus StatusFromProto(v1::ValueStatus status) {
  switch (status) {
    case v1::VALUE_STATUS_DERIVED: return ValueStatus::kDerived;
    case v1::VALUE_STATUS_ESTIMATED: return ValueStatus::kEstimated;
    default: return ValueStatus::kReported;
  }
}

v1::ValueStatus StatusToProto(ValueStatus status) {
  switch (status) {
    case ValueStatus::kDerived: return v1::VALUE_STATUS_DERIVED;
    case ValueStatus::kEstimated: return v1::VALUE_STATUS_ESTIMATED;
    case ValueStatus::kReported: break;
  }
  return v1::VALUE_STATUS_REPORTED;
}

absl::StatusOr<FlowTable> FlowTableFromProto(
    const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows, const CallLiveness& alive) {
  FlowTable out;
  out.Reserve(flows.size());
  int since_check = 0;
  for (const v1::TradeFlow& f : flows) {
    if (++since_check == 65536) {
      since_check = 0;
      if (absl::Status s = alive.Check(); !s.ok()) return s;
    }
    absl::StatusOr<Direction> direction = DirectionFromProto(f.direction());
    if (!direction.ok()) return direction.status();
    absl::StatusOr<Decimal> value = DecimalFromMoney(f.value());
    if (!value.ok()) return value.status();
    out.Add(f.reporter(), f.partner(), f.product().code(), *direction,
            Period{f.period().year(), f.period().month(), f.period().quarter()}, *value,
            f.value().currency_code(), StatusFromProto(f.status()));
  }
  return out;
}

absl::StatusOr<ExchangeRates> RatesFromProto(
    const google::protobuf::RepeatedPtrField<v1::ExchangeRate>& rates) {
  std::vector<RateObservation> observations;
  observations.reserve(rates.size());
  for (const v1::ExchangeRate& r : rates) {
    absl::StatusOr<Decimal> rate = Decimal::Parse(r.rate());
    if (!rate.ok()) return rate.status();
    observations.push_back(RateObservation{r.period().year(), r.period().month(), r.period().day(),
                                           r.base_currency_code(), r.quote_currency_code(), *rate});
  }
  return ExchangeRates(std::move(observations));
}

absl::StatusOr<std::vector<DealPrice>> DealsFromProto(
    const google::protobuf::RepeatedPtrField<v1::Deal>& deals, const ExchangeRates& rates,
    const std::string& target_currency) {
  std::vector<DealPrice> out;
  for (const v1::Deal& d : deals) {
    absl::StatusOr<Decimal> price = DecimalFromMoney(d.price_per_episode());
    if (!price.ok()) return price.status();
    DealPrice deal{d.title(),
                   d.origin(),
                   d.year(),
                   *price,
                   d.price_per_episode().currency_code(),
                   StatusFromProto(d.status())};
    if (!target_currency.empty() && deal.currency != target_currency) {
      absl::StatusOr<Decimal> converted =
          rates.Convert(deal.price_per_episode, deal.currency, target_currency, deal.year);
      if (!converted.ok()) return converted.status();
      deal.price_per_episode = *converted;
      deal.currency = target_currency;
    }
    out.push_back(std::move(deal));
  }
  return out;
}

absl::StatusOr<v1::AnalyzeBalanceResponse> BalanceToProto(const BalanceTable& table) {
  v1::AnalyzeBalanceResponse out;
  out.set_currency_code(table.currency);
  for (const BalanceRow& row : table.rows) {
    absl::Status s = RowToProto(row, table.currency, out.add_years());
    if (!s.ok()) return s;
  }
  absl::Status s = GrowthToProto(table.export_growth, table.currency, out.mutable_export_growth());
  if (!s.ok()) return s;
  s = GrowthToProto(table.import_growth, table.currency, out.mutable_import_growth());
  if (s.ok())
    s = SetMoney(table.cumulative_balance, table.currency, out.mutable_cumulative_balance());
  if (!s.ok()) return s;
  out.mutable_cumulative_balance_years()->Add(table.cumulative_years.begin(),
                                              table.cumulative_years.end());
  return out;
}

}  // namespace culturetrade
