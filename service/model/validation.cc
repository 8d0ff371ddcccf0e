#include "service/model/validation.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/decimal.h"
#include "core/special_codes.h"
#include "service/model/aggregation_validation.h"
#include "service/model/iso_codes.h"

namespace culturetrade {
namespace {

constexpr absl::string_view kDatasetPrefix = "datasets/";

bool IsUpperAlpha3(absl::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

void CheckMoney(const google::type::Money& money, const std::string& field, FieldViolations& v,
                bool positive) {
  CheckCurrency(money.currency_code(), field + ".currency_code", /*optional=*/false, v);
  absl::StatusOr<Decimal> amount = Decimal::FromUnitsNanos(money.units(), money.nanos());
  if (!amount.ok()) {
    v.Add(field, std::string(amount.status().message()));
  } else if (amount->is_negative() || (positive && amount->is_zero())) {
    v.Add(field, absl::StrCat("the amount ", amount->ToString(), " must be ",
                              positive ? "positive" : "zero or more"));
  }
}

void CheckPeriod(const v1::Period& p, const std::string& field, FieldViolations& v,
                 bool allow_day) {
  CheckYear(p.year(), field + ".year", /*optional=*/false, v);
  if (p.month() < 0 || p.month() > 12) {
    v.Add(field + ".month", absl::StrCat("month ", p.month(), " is outside 1..12 (0 for none)"));
  }
  if (p.quarter() < 0 || p.quarter() > 4) {
    v.Add(field + ".quarter",
          absl::StrCat("quarter ", p.quarter(), " is outside 1..4 (0 for none)"));
  }
  if (p.month() != 0 && p.quarter() != 0) {
    v.Add(field, "a period is a month or a quarter, not both");
  }
  if (p.day() != 0 && (!allow_day || p.month() == 0 || p.day() < 1 || p.day() > 31)) {
    v.Add(field + ".day",
          allow_day ? "a day needs a month and must be 1..31" : "only exchange rates have days");
  }
}

}  // namespace

void CheckProduct(const v1::Product& p, const std::string& field, FieldViolations& v) {
  if (p.classification() == v1::CLASSIFICATION_UNSPECIFIED ||
      !v1::Classification_IsValid(p.classification())) {
    v.Add(field + ".classification", "say which classification the code belongs to");
  }
  const std::string& code = p.code();
  bool ok = !code.empty() && code.size() <= 64;
  for (char c : code)
    ok = ok &&
         (absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.');
  if (ok && p.classification() == v1::CLASSIFICATION_HS) {
    ok = code.size() >= 2 && code.size() <= 6;
    for (char c : code) ok = ok && absl::ascii_isdigit(static_cast<unsigned char>(c));
  }
  if (!ok) {
    v.Add(field + ".code", absl::StrCat("'", code, "' is not a valid product code for ",
                                        v1::Classification_Name(p.classification())));
  }
}

namespace {

void ValidateFlow(const v1::TradeFlow& f, const std::string& field, FieldViolations& v) {
  CheckCountry(f.reporter(), field + ".reporter", v);
  CheckCountry(f.partner(), field + ".partner", v);
  // WLD to WLD is the world's own exports, which world-based indicators divide by.
  if (f.reporter() == f.partner() && f.reporter() != kWorld) {
    v.Add(field + ".partner", "a partner differs from the reporter (only WLD to WLD may repeat)");
  }
  CheckProduct(f.product(), field + ".product", v);
  if (f.direction() == v1::FLOW_DIRECTION_UNSPECIFIED ||
      !v1::FlowDirection_IsValid(f.direction())) {
    v.Add(field + ".direction",
          "say whether the flow is an export, import, re-export or re-import");
  }
  CheckPeriod(f.period(), field + ".period", v, /*allow_day=*/false);
  CheckMoney(f.value(), field + ".value", v, /*positive=*/false);
  if (!v1::ValueStatus_IsValid(f.status())) v.Add(field + ".status", "unknown value status");
  if (f.has_quantity()) {
    absl::StatusOr<Decimal> q = Decimal::Parse(f.quantity().amount());
    if (!q.ok() || q->is_negative()) {
      v.Add(field + ".quantity.amount", "a quantity is a decimal number, zero or more");
    }
  }
}

}  // namespace

void CheckCountry(absl::string_view code, const std::string& field, FieldViolations& v) {
  // Known first: the trade sources' own codes (S19, R20, ZA1) carry digits.
  if (IsKnownEconomy(code)) return;
  if (!IsUpperAlpha3(code)) {
    v.Add(field, absl::StrCat("'", code, "' is not an ISO 3166-1 alpha-3 code such as CHN, ",
                              "KOR or WLD"));
  } else {
    v.Add(field, absl::StrCat("'", code, "' is not an ISO 3166-1 alpha-3 code in use or ",
                              "formerly used (nor WLD, the world)"));
  }
}

void CheckCurrency(absl::string_view code, const std::string& field, bool optional,
                   FieldViolations& v) {
  if (optional && code.empty()) return;
  if (!IsUpperAlpha3(code)) {
    v.Add(field, absl::StrCat("'", code, "' is not an ISO 4217 code such as CNY or USD"));
  } else if (!IsKnownCurrency(code)) {
    v.Add(field, absl::StrCat("'", code, "' is not a currency in ISO 4217"));
  }
}

void CheckYear(int year, const std::string& field, bool optional, FieldViolations& v) {
  if (optional && year == 0) return;
  if (year < kMinYear || year > kMaxYear) {
    v.Add(field, absl::StrCat("year ", year, " is outside ", kMinYear, "..", kMaxYear));
  }
}

void CheckProductCode(absl::string_view code, const std::string& field, FieldViolations& v) {
  if (code.empty()) v.Add(field, "name the product, for example TV_DRAMAS");
}

void CheckRequestId(absl::string_view id, const std::string& field, FieldViolations& v) {
  constexpr size_t kMaxRequestId = 64;
  const bool ok =
      id.size() <= kMaxRequestId && std::all_of(id.begin(), id.end(), [](char c) {
        return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
      });
  if (!ok) {
    v.Add(field, absl::StrCat("'", id, "' is not a request id: up to 64 letters, digits, ",
                              "hyphens and underscores, for example a UUID"));
  }
}

bool IsValidDatasetId(absl::string_view id) {
  if (id.empty() || id.size() > 63 || !absl::ascii_islower(static_cast<unsigned char>(id[0])) ||
      id.back() == '-') {
    return false;
  }
  for (char c : id) {
    if (!(absl::ascii_islower(static_cast<unsigned char>(c)) ||
          absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == '-')) {
      return false;
    }
  }
  return true;
}

absl::StatusOr<std::string> DatasetIdFromName(absl::string_view name, absl::string_view field) {
  if (!absl::StartsWith(name, kDatasetPrefix) ||
      !IsValidDatasetId(name.substr(kDatasetPrefix.size()))) {
    return InvalidField(std::string(field),
                        absl::StrCat("'", name, "' is not a dataset name of the form ",
                                     "datasets/{dataset}, with a lower-case id such as ",
                                     "datasets/china-korea-tv-dramas"));
  }
  return std::string(name.substr(kDatasetPrefix.size()));
}

std::string DatasetName(absl::string_view id) { return absl::StrCat(kDatasetPrefix, id); }

void ValidateFlows(const google::protobuf::RepeatedPtrField<v1::TradeFlow>& flows,
                   const std::string& prefix, FlowKeySet& seen, FieldViolations& violations) {
  seen.Reserve(flows.size());
  for (int i = 0; i < flows.size(); ++i) {
    const std::string field = absl::StrCat(prefix, "flows[", i, "]");
    const int before = violations.count();
    ValidateFlow(flows[i], field, violations);
    if (violations.count() == before) seen.CheckAndRemember(flows[i], field, violations);
  }
}

namespace {

void ValidateMultipliers(const v1::Dataset& d, const std::string& prefix, FieldViolations& v) {
  absl::flat_hash_set<std::string> ids;
  for (int i = 0; i < d.multipliers_size(); ++i) {
    const v1::Multiplier& m = d.multipliers(i);
    const std::string field = absl::StrCat(prefix, "multipliers[", i, "]");
    if (m.id().empty() || !ids.insert(m.id()).second) {
      v.Add(field + ".id", "a multiplier needs an id of its own");
    }
    CheckCountry(m.economy(), field + ".economy", v);
    CheckMoney(m.cultural_exports(), field + ".cultural_exports", v, /*positive=*/true);
    CheckMoney(m.induced_exports(), field + ".induced_exports", v, /*positive=*/false);
    if (m.cultural_exports().currency_code() != m.induced_exports().currency_code()) {
      v.Add(field, "both amounts of a multiplier are in one currency");
    }
  }
}

void ValidateCitedFacts(const v1::Dataset& d, const std::string& prefix, FieldViolations& v) {
  for (int i = 0; i < d.cited_facts_size(); ++i) {
    const v1::CitedFact& f = d.cited_facts(i);
    const std::string field = absl::StrCat(prefix, "cited_facts[", i, "]");
    if (f.id().empty()) v.Add(field + ".id", "a cited fact needs an id");
    if (!Decimal::Parse(f.value()).ok()) {
      v.Add(field + ".value", absl::StrCat("'", f.value(), "' is not a decimal number"));
    }
  }
}

}  // namespace

void ValidateDatasetContent(const v1::Dataset& d, const std::string& prefix, FieldViolations& v) {
  ValidateMultipliers(d, prefix, v);
  ValidateCitedFacts(d, prefix, v);
  ValidateAggregationContent(d, prefix, v);
  if (d.display_name().size() > 256) v.Add(prefix + "display_name", "longer than 256 bytes");
  FlowKeySet seen;
  ValidateFlows(d.flows(), prefix, seen, v);
  for (int i = 0; i < d.deals_size(); ++i) {
    const v1::Deal& deal = d.deals(i);
    const std::string field = absl::StrCat(prefix, "deals[", i, "]");
    if (deal.title().empty()) v.Add(field + ".title", "a deal needs a title");
    CheckCountry(deal.origin(), field + ".origin", v);
    CheckCountry(deal.buyer(), field + ".buyer", v);
    CheckYear(deal.year(), field + ".year", /*optional=*/false, v);
    if (deal.episodes() < 0) v.Add(field + ".episodes", "episodes cannot be negative");
    CheckMoney(deal.price_per_episode(), field + ".price_per_episode", v, /*positive=*/true);
  }
  for (int i = 0; i < d.exchange_rates_size(); ++i) {
    const v1::ExchangeRate& r = d.exchange_rates(i);
    const std::string field = absl::StrCat(prefix, "exchange_rates[", i, "]");
    CheckPeriod(r.period(), field + ".period", v, /*allow_day=*/true);
    if (r.period().quarter() != 0) {
      v.Add(field + ".period.quarter", "exchange rates are annual, monthly or daily");
    }
    CheckCurrency(r.base_currency_code(), field + ".base_currency_code", false, v);
    CheckCurrency(r.quote_currency_code(), field + ".quote_currency_code", false, v);
    absl::StatusOr<Decimal> rate = Decimal::Parse(r.rate());
    if (!rate.ok() || !rate->is_positive()) {
      v.Add(field + ".rate", absl::StrCat("'", r.rate(), "' is not a positive decimal rate"));
    }
  }
}

}  // namespace culturetrade
