#include "core/flow_labels.h"

#include <algorithm>
#include <utility>

#include "core/special_codes.h"

namespace culturetrade {

FlowLabels::FlowLabels(const FlowTable& flows, std::vector<const EconomyGroup*> groups,
                       const ProductConcordance* concordance)
    : flows_(flows), groups_(std::move(groups)) {
  world_ = static_cast<int>(groups_.size());
  for (int g = 0; g < static_cast<int>(groups_.size()); ++g) {
    if (groups_[g]->is_world()) world_ = g;
  }
  if (world_ == static_cast<int>(groups_.size())) groups_.push_back(&World());
  world_code_ = flows.economies().Find(kWorld);
  for (const EconomyGroup* g : groups_) group_labels_.push_back(labels_.Intern(g->code()));
  self_.resize(flows.economies().size());
  for (uint32_t e = 0; e < flows.economies().size(); ++e) {
    const std::string& code = flows.economies().value(e);
    self_[e].label = labels_.Intern(code);
    for (int g = 0; g < static_cast<int>(groups_.size()); ++g) {
      if (groups_[g]->code() == code) self_[e].group = g;
    }
  }
  products_.resize(flows.products().size());
  for (uint32_t p = 0; p < flows.products().size(); ++p) {
    const std::string& code = flows.products().value(p);
    if (concordance == nullptr || code == kAllProducts) {
      products_[p].push_back({labels_.Intern(code), Decimal::FromUnits(1), true});
      continue;
    }
    for (const ProductShare& share : concordance->SharesOf(code)) {
      products_[p].push_back(
          {labels_.Intern(share.group_code), share.weight, share.weight == Decimal::FromUnits(1)});
    }
  }
}

void FlowLabels::Labels(uint16_t economy, int year, bool count_in_world,
                        std::vector<Economy>& out) const {
  out.clear();
  out.push_back(self_[economy]);
  const std::string& code = flows_.economies().value(economy);
  for (int g = 0; g < static_cast<int>(groups_.size()); ++g) {
    if (g == world_) continue;
    if (groups_[g]->Contains(code, year)) out.push_back({group_labels_[g], g});
  }
  if (count_in_world && economy != world_code_) {
    out.push_back({group_labels_[world_], world_});
  }
}

void FlowLabels::ReporterLabels(size_t row, std::vector<Economy>& out) const {
  const bool world_reported =
      !flows_.SeriesRows(world_code_, flows_.partner()[row], flows_.product()[row]).empty();
  Labels(flows_.reporter()[row], flows_.year()[row], !world_reported, out);
}

void FlowLabels::PartnerLabels(size_t row, std::vector<Economy>& out) const {
  const bool world_reported =
      !flows_.SeriesRows(flows_.reporter()[row], world_code_, flows_.product()[row]).empty();
  Labels(flows_.partner()[row], flows_.year()[row], !world_reported, out);
}

bool FlowLabels::MayStandFor(uint16_t economy, absl::string_view code) const {
  const std::string& own = flows_.economies().value(economy);
  if (own == code) return true;
  return std::any_of(groups_.begin(), groups_.end(),
                     [&](const EconomyGroup* g) { return g->code() == code && g->Lists(own); });
}

bool FlowLabels::WithinOneGroup(const Economy& a, const Economy& b) const {
  return a.group != kNoGroup && a.group == b.group && a.group != world_;
}

}  // namespace culturetrade
