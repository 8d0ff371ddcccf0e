#include "client/ctrade/aggregation_output.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/descriptor.h"
#include "report/group_membership.h"
#include "report/value_format.h"

namespace culturetrade::ctrade {
namespace {

using report::MembershipSpan;

constexpr char kField[] = "aggregation";

Table GroupsTable(const v1::AggregationReport& r, bool plain) {
  Table t{{"GROUP", "YEAR", "MEMBERS", "CONTRIBUTING", "SILENT"},
          {},
          {},
          "Economy groups: the members whose flows count, and the silent ones (no flow), by "
          "year."};
  for (const MembershipSpan& s : report::MembershipSpans(r)) {
    const int members = static_cast<int>(s.contributing.size() + s.silent.size());
    // CSV keeps a row a year, which scripts join on; people read runs of years.
    const int rows = plain ? s.last_year - s.first_year + 1 : 1;
    for (int i = 0; i < rows; ++i) {
      t.rows.push_back({s.group, plain ? absl::StrCat(s.first_year + i) : report::SpanYears(s),
                        absl::StrCat(members), absl::StrJoin(s.contributing, " "),
                        absl::StrJoin(s.silent, " ")});
    }
  }
  return t;
}

Table UnmappedTable(const v1::AggregationReport& r, bool plain) {
  Table t{{"PRODUCT", "FLOWS", "VALUE", "CURRENCY"},
          {},
          {},
          "Products the concordance does not map, left out of every group (value summed over "
          "years):"};
  for (const v1::UnmappedProduct& p : r.unmapped_products()) {
    t.rows.push_back(
        {p.product_code(), absl::StrCat(p.flows()),
         plain ? report::PlainAmount(true, p.value(), 0) : report::Amount(true, p.value(), 0),
         p.value().currency_code()});
  }
  return t;
}

Table PricesTable(const v1::ConstantPrices& p) {
  return {{"PRICE INDEX", "NAME", "BASE YEAR", "BASE VALUE"},
          {{p.price_index(), p.display_name(), absl::StrCat(p.base_year()), p.base_value()}},
          {absl::StrCat("Amounts are in constant prices of ", p.base_year(),
                        ": each year's value times ", p.base_value(), " / the index that year.")},
          "Constant prices:"};
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& AggregationOptions() {
  static const auto* options = new std::vector<std::pair<std::string, std::string>>{
      {"concordance",
       "the id of one of the dataset's product concordances: --product then names one of its "
       "groups, and each flow counts towards the groups its product maps to, by weight"},
      {"constant-prices",
       "INDEX:BASE_YEAR, such as kor-cpi:2015: amounts in constant prices of BASE_YEAR by the "
       "dataset's price index INDEX"}};
  return *options;
}

const std::vector<std::pair<std::string, std::string>>& ConstantPricesOptions() {
  static const auto* options = [] {
    auto* only = new std::vector<std::pair<std::string, std::string>>;
    for (const auto& option : AggregationOptions()) {
      if (option.first == "constant-prices") only->push_back(option);
    }
    return only;
  }();
  return *options;
}

absl::Status SetAggregation(const OptionReader& o, google::protobuf::Message& request) {
  v1::FlowAggregation a;
  a.set_product_concordance(o.Str("concordance"));
  if (const std::string prices = o.Str("constant-prices"); !prices.empty()) {
    const size_t colon = prices.rfind(':');
    int year = 0;
    if (colon == std::string::npos || colon == 0 ||
        !absl::SimpleAtoi(prices.substr(colon + 1), &year)) {
      return UsageError(absl::StrCat("--constant-prices is INDEX:BASE_YEAR, such as ",
                                     "kor-cpi:2015, not '", prices, "'"));
    }
    a.set_price_index(prices.substr(0, colon));
    a.set_base_year(year);
  }
  if (a.ByteSizeLong() == 0) return absl::OkStatus();
  const google::protobuf::FieldDescriptor* field = request.GetDescriptor()->FindFieldByName(kField);
  if (field == nullptr) return UsageError("this analysis takes no concordance or price index");
  request.GetReflection()->MutableMessage(&request, field)->CopyFrom(a);
  return absl::OkStatus();
}

std::vector<Table> AggregationTables(const v1::AggregationReport& report, bool plain) {
  std::vector<Table> tables;
  if (report.groups_size() > 0) tables.push_back(GroupsTable(report, plain));
  if (report.unmapped_products_size() > 0) tables.push_back(UnmappedTable(report, plain));
  if (report.has_constant_prices()) tables.push_back(PricesTable(report.constant_prices()));
  return tables;
}

void PrintAggregation(const google::protobuf::Message& response, Format format, std::ostream& out) {
  const google::protobuf::FieldDescriptor* field =
      response.GetDescriptor()->FindFieldByName(kField);
  if (field == nullptr || !response.GetReflection()->HasField(response, field)) return;
  v1::AggregationReport report;
  report.CopyFrom(response.GetReflection()->GetMessage(response, field));
  for (Table& t : AggregationTables(report, format == Format::kCsv)) {
    if (format == Format::kCsv) t.notes.clear();
    out << "\n";
    PrintTable(t, format, out);
  }
}

}  // namespace culturetrade::ctrade
