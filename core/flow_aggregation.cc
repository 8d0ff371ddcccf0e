#include "core/flow_aggregation.h"

#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "core/flow_currency.h"
#include "core/flow_kind.h"
#include "core/flow_labels.h"

namespace culturetrade {
namespace {

// The economies that counted towards a named group, by (group index, year).
using Contributions = absl::flat_hash_map<std::pair<int, int>, absl::flat_hash_set<std::string>>;

struct Expansion {
  FlowTable flows;     // one row per flow and combination of codes it counts as
  FlowTable unmapped;  // the selected flows whose product the concordance lacks
  Contributions contributions;
};

// Counts each flow towards the combinations of codes the filter keeps.
class Expander {
 public:
  Expander(const FlowTable& flows, const AggregationPlan& plan, const FlowFilter& filter)
      : flows_(flows),
        named_(static_cast<int>(plan.groups.size())),
        max_flows_(plan.max_derived_flows != 0 ? plan.max_derived_flows
                                               : DefaultMaxDerivedFlows(flows.size())),
        labels_(flows, plan.groups, plan.concordance),
        year_(filter.year) {
    for (const SeriesKey& key : filter.keys) {
      const uint32_t a = labels_.Label(key.reporter), b = labels_.Label(key.partner);
      keys_.insert({a, b, labels_.Label(key.product_code)});
      pairs_.insert({a, b});
    }
    const size_t economies = flows.economies().size();
    may_report_.assign(economies, filter.keys.empty());
    may_partner_.assign(economies, filter.keys.empty());
    for (size_t e = 0; e < economies; ++e) {
      const auto economy = static_cast<uint16_t>(e);
      for (const SeriesKey& key : filter.keys) {
        may_report_[e] = may_report_[e] || labels_.MayStandFor(economy, key.reporter);
        may_partner_[e] = may_partner_[e] || labels_.MayStandFor(economy, key.partner);
      }
    }
  }

  absl::StatusOr<Expansion> Run() {
    for (size_t row = 0; row < flows_.size(); ++row) {
      if (year_ != 0 && flows_.year()[row] != year_) continue;
      // Most rows of a large table stand for none of the keys: skip them before labelling.
      if (!may_report_[flows_.reporter()[row]] || !may_partner_[flows_.partner()[row]]) continue;
      if (absl::Status s = ExpandRow(row); !s.ok()) return s;
    }
    return std::move(out_);
  }

 private:
  bool Wanted(uint32_t a, uint32_t b, uint32_t product) const {
    return keys_.empty() || keys_.contains({a, b, product});
  }
  bool PairWanted(uint32_t a, uint32_t b) const {
    return pairs_.empty() || pairs_.contains({a, b});
  }

  absl::Status ExpandRow(size_t row) {
    labels_.ReporterLabels(row, reporters_);
    labels_.PartnerLabels(row, partners_);
    const absl::Span<const FlowLabels::Product> products = labels_.ProductLabels(row);
    bool unmapped = false;
    for (const FlowLabels::Economy& a : reporters_) {
      for (const FlowLabels::Economy& b : partners_) {
        if (labels_.WithinOneGroup(a, b)) continue;
        if (products.empty()) {
          unmapped = unmapped || PairWanted(a.label, b.label);
          continue;
        }
        for (const FlowLabels::Product& k : products) {
          if (!Wanted(a.label, b.label, k.label)) continue;
          if (absl::Status s = Count(row, a, b, k); !s.ok()) return s;
        }
      }
    }
    if (unmapped) out_.unmapped.AddRow(flows_, row);
    return absl::OkStatus();
  }

  absl::Status Count(size_t row, const FlowLabels::Economy& a, const FlowLabels::Economy& b,
                     const FlowLabels::Product& k) {
    if (out_.flows.size() >= max_flows_) {
      return absl::ResourceExhaustedError(
          absl::StrCat("grouping and mapping ", flows_.size(), " flows would derive more than ",
                       max_flows_, "; split the concordance's codes into fewer groups"));
    }
    Decimal value = flows_.value(row);
    if (!k.whole) {
      absl::StatusOr<Decimal> share = Apportion(value, k.weight);
      if (!share.ok()) return share.status();
      value = *share;
    }
    const int year = flows_.year()[row];
    out_.flows.Add(labels_.code(a.label), labels_.code(b.label), labels_.code(k.label),
                   flows_.direction(row), Period{year, flows_.month(row), flows_.quarter(row)},
                   value, flows_.currencies().value(flows_.currency()[row]), flows_.status(row));
    Note(a, flows_.reporter()[row], year);
    Note(b, flows_.partner()[row], year);
    return absl::OkStatus();
  }

  void Note(const FlowLabels::Economy& label, uint16_t economy, int year) {
    if (label.group == FlowLabels::kNoGroup || label.group >= named_) return;
    out_.contributions[{label.group, year}].insert(flows_.economies().value(economy));
  }

  const FlowTable& flows_;
  const int named_;
  const size_t max_flows_;
  FlowLabels labels_;
  const int year_;
  absl::flat_hash_set<std::tuple<uint32_t, uint32_t, uint32_t>> keys_;
  absl::flat_hash_set<std::pair<uint32_t, uint32_t>> pairs_;
  std::vector<bool> may_report_, may_partner_;             // by economy: may stand for a key's
  std::vector<FlowLabels::Economy> reporters_, partners_;  // reused from row to row
  Expansion out_;
};

absl::StatusOr<Decimal> InPrices(const AggregationPlan& plan, Decimal value,
                                 const std::string& currency, int year) {
  if (plan.price_index == nullptr) return value;
  return plan.price_index->InPricesOf(plan.base_year, value, currency, year);
}

// The rows of `flows` summed by reporter, partner, product, direction, period and currency,
// each sum deflated.
absl::StatusOr<FlowTable> SumAndDeflate(const FlowTable& flows, const AggregationPlan& plan) {
  using Key = std::tuple<uint16_t, uint16_t, uint32_t, int16_t, uint8_t, uint8_t>;
  absl::flat_hash_map<Key, size_t> index;
  std::vector<size_t> first;
  std::vector<Decimal> sums;
  std::vector<ValueStatus> weakest;
  for (size_t i = 0; i < flows.size(); ++i) {
    const uint8_t kind = PackKind(flows.month(i), flows.quarter(i), flows.direction(i),
                                  ValueStatus::kEstimated);  // the status is not part of a key
    const Key key{
        flows.reporter()[i], flows.partner()[i], flows.product()[i], flows.year()[i], kind,
        flows.currency()[i]};
    const auto [it, added] = index.try_emplace(key, first.size());
    if (added) {
      first.push_back(i);
      sums.emplace_back();
      weakest.push_back(flows.status(i));
    }
    sums[it->second] += flows.value(i);
    weakest[it->second] = std::min(weakest[it->second], flows.status(i));
  }
  FlowTable out;
  out.Reserve(first.size());
  for (size_t s = 0; s < first.size(); ++s) {
    const size_t i = first[s];
    const std::string& currency = flows.currencies().value(flows.currency()[i]);
    const int year = flows.year()[i];
    absl::StatusOr<Decimal> value = InPrices(plan, sums[s], currency, year);
    if (!value.ok()) return value.status();
    out.Add(flows.economies().value(flows.reporter()[i]),
            flows.economies().value(flows.partner()[i]), flows.products().value(flows.product()[i]),
            flows.direction(i), Period{year, flows.month(i), flows.quarter(i)}, *value, currency,
            weakest[s]);
  }
  return out;
}

absl::StatusOr<std::vector<UnmappedCode>> SumUnmapped(const FlowTable& flows,
                                                      const AggregationPlan& plan) {
  std::map<std::pair<std::string, std::string>, UnmappedCode> codes;
  for (size_t i = 0; i < flows.size(); ++i) {
    const std::string& product = flows.products().value(flows.product()[i]);
    const std::string& currency = flows.currencies().value(flows.currency()[i]);
    absl::StatusOr<Decimal> value = InPrices(plan, flows.value(i), currency, flows.year()[i]);
    if (!value.ok()) return value.status();
    UnmappedCode& code = codes[{product, currency}];
    code.product_code = product;
    code.currency = currency;
    code.value += *value;
    ++code.flows;
  }
  std::vector<UnmappedCode> out;
  out.reserve(codes.size());
  for (auto& [key, code] : codes) out.push_back(std::move(code));
  return out;
}

GroupYear Composition(const EconomyGroup& group, int year,
                      const absl::flat_hash_set<std::string>* counted) {
  GroupYear out{group.code(), year, {}, {}};
  if (group.is_world()) {
    if (counted != nullptr) out.contributing.assign(counted->begin(), counted->end());
    std::sort(out.contributing.begin(), out.contributing.end());
    return out;
  }
  for (std::string& member : group.MembersIn(year)) {
    const bool contributes = counted != nullptr && counted->contains(member);
    (contributes ? out.contributing : out.silent).push_back(std::move(member));
  }
  return out;
}

std::vector<GroupYear> Compositions(const AggregationPlan& plan, const Contributions& counted,
                                    const FlowTable& result) {
  const std::set<int> years(result.year().begin(), result.year().end());
  std::vector<GroupYear> out;
  for (int g = 0; g < static_cast<int>(plan.groups.size()); ++g) {
    for (int year : years) {
      const auto it = counted.find({g, year});
      out.push_back(
          Composition(*plan.groups[g], year, it == counted.end() ? nullptr : &it->second));
    }
  }
  return out;
}

}  // namespace

size_t DefaultMaxDerivedFlows(size_t table_flows) { return 16 * table_flows + (size_t{1} << 20); }

absl::StatusOr<AggregatedFlows> AggregateFlows(const FlowTable& flows, const AggregationPlan& plan,
                                               const FlowFilter& filter) {
  absl::StatusOr<Expansion> expansion = Expander(flows, plan, filter).Run();
  if (!expansion.ok()) return expansion.status();
  if (!plan.target_currency.empty()) {
    for (FlowTable* table : {&expansion->flows, &expansion->unmapped}) {
      absl::StatusOr<FlowTable> converted =
          ExpressFlowsIn(*table, *plan.rates, plan.target_currency);
      if (!converted.ok()) return converted.status();
      *table = *std::move(converted);
    }
  }
  AggregatedFlows out;
  absl::StatusOr<FlowTable> summed = SumAndDeflate(expansion->flows, plan);
  if (!summed.ok()) return summed.status();
  out.flows = *std::move(summed);
  absl::StatusOr<std::vector<UnmappedCode>> unmapped = SumUnmapped(expansion->unmapped, plan);
  if (!unmapped.ok()) return unmapped.status();
  out.unmapped = *std::move(unmapped);
  out.groups = Compositions(plan, expansion->contributions, out.flows);
  return out;
}

}  // namespace culturetrade
