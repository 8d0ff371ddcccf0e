// What each flow of a table counts as when economies are grouped and products mapped: the
// codes its reporter and partner stand for and the product groups its value goes to.
//
// A reporter (and likewise a partner) stands for itself, for every group it belongs to in the
// flow's year, and for the world unless the data reports that world total itself: a flow
// KOR -> CHN of product P counts as WLD -> CHN only when the table has no WLD -> CHN flow of P,
// which would already include it. Reported world totals are used as they are.
#ifndef CULTURETRADE_CORE_FLOW_LABELS_H_
#define CULTURETRADE_CORE_FLOW_LABELS_H_

#include <cstdint>
#include <vector>

#include "absl/types/span.h"
#include "core/decimal.h"
#include "core/economy_group.h"
#include "core/flow_table.h"
#include "core/product_concordance.h"

namespace culturetrade {

class FlowLabels {
 public:
  static constexpr int kNoGroup = -1;

  // An economy code a flow counts as, and the index in `groups` of the group it stands for
  // (kNoGroup for an economy standing for itself).
  struct Economy {
    uint32_t label = 0;
    int group = kNoGroup;
  };
  // A product group a flow's value goes to, and its share.
  struct Product {
    uint32_t label = 0;
    Decimal weight;
    bool whole = true;  // weight 1: the value goes as it is
  };

  // `groups` are the economy groups to count flows into; the world is added when absent, with
  // an index past them. Without `concordance` products stand for themselves; with it, a code
  // stands for the groups it maps into, and the all-products total for itself.
  FlowLabels(const FlowTable& flows, std::vector<const EconomyGroup*> groups,
             const ProductConcordance* concordance);

  // The codes row `row`'s reporter or partner counts as, into `out` (cleared first).
  void ReporterLabels(size_t row, std::vector<Economy>& out) const;
  void PartnerLabels(size_t row, std::vector<Economy>& out) const;
  // The groups row `row`'s value goes to; empty when the concordance lacks its product.
  absl::Span<const Product> ProductLabels(size_t row) const {
    return products_[flows_.product()[row]];
  }
  // Whether the table's economy `economy` may stand for `code` in some year: it is that code,
  // or a member of the group of that code at some time.
  bool MayStandFor(uint16_t economy, absl::string_view code) const;
  // Whether a flow counted as reporter `a` and partner `b` is trade among one group's members,
  // which the group does not count (the world excepted: WLD -> WLD is world trade).
  bool WithinOneGroup(const Economy& a, const Economy& b) const;

  const EconomyGroup& group(int index) const { return *groups_[index]; }
  // The code of `label`, and the label of `code` (added when new).
  const std::string& code(uint32_t label) const { return labels_.value(label); }
  uint32_t Label(absl::string_view code) { return labels_.Intern(code); }

 private:
  // `economy` as itself (with its group when it is the code of one) and its groups in `year`.
  void Labels(uint16_t economy, int year, bool count_in_world, std::vector<Economy>& out) const;

  const FlowTable& flows_;
  std::vector<const EconomyGroup*> groups_;
  int world_ = 0;            // the world's index in groups_
  uint32_t world_code_ = 0;  // WLD in the table's dictionary, maybe Dictionary::kAbsent
  Dictionary labels_;
  std::vector<uint32_t> group_labels_;          // by index in groups_
  std::vector<Economy> self_;                   // by the table's economy code
  std::vector<std::vector<Product>> products_;  // by the table's product code
};

}  // namespace culturetrade

#endif  // CULTURETRADE_CORE_FLOW_LABELS_H_
