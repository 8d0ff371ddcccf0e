// The long and wide layouts of flow_layouts.h: analysts' and statistical offices' own files,
// whose columns say who trades what, when and in which currency, the command's flags standing
// in for those a file lacks.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "import/csv_cells.h"
#include "import/csv_error.h"
#include "import/csv_periods.h"
#include "import/direction.h"
#include "import/flow_csv.h"
#include "import/flow_fields.h"
#include "import/flow_layouts.h"
#include "import/plain_flow_rows.h"
#include "import/scale.h"
#include "import/value_status.h"

namespace culturetrade::import {
namespace {

// A column, or else the flag standing in for it, noted in the report.
absl::Status ColumnOrFlag(int column, absl::string_view name, const std::string& flag,
                          CsvReport& report) {
  if (column >= 0) return absl::OkStatus();
  if (flag.empty()) return NoColumnNorFlag(name);
  NoteFlag(name, absl::AsciiStrToUpper(flag), report);
  return absl::OkStatus();
}

// The columns of the long and wide layouts that say who trades what, when, in which currency,
// with the flags standing in for the columns a file lacks.
class FlowContext {
 public:
  absl::Status Claim(CsvHeader& header, const FlowCsvDefaults& defaults, CsvReport& report);
  // Everything but the direction and the value.
  absl::Status Fill(const CsvRow& row, v1::TradeFlow& flow) const;
  // Appends `flow` going in `direction`, valued by `column` in the row's currency and the
  // file's scale.
  absl::Status Add(const CsvRow& row, int column, v1::FlowDirection direction, v1::TradeFlow flow,
                   std::vector<v1::TradeFlow>& out) const;
  // Whether the period's month or quarter has a column of its own.
  bool SplitsPeriods() const { return period_.month >= 0 || period_.quarter >= 0; }

 private:
  friend class LongPlainRows;

  absl::Status FillParties(const CsvRow& row, v1::TradeFlow& flow) const;

  FlowCsvDefaults defaults_;
  int reporter_ = -1, partner_ = -1, product_ = -1, classification_ = -1, currency_ = -1,
      status_ = -1, source_ = -1;
  PeriodColumns period_;
};

absl::Status FlowContext::Claim(CsvHeader& h, const FlowCsvDefaults& d, CsvReport& report) {
  defaults_ = d;
  // Who trades what, when, and the value's currency, status and source: no two of these
  // columns share a name, so the order of the claims does not matter.
  reporter_ = h.Claim({"reporter"}, "reporter (ISO alpha-3)");
  partner_ = h.Claim({"partner"}, "partner (ISO alpha-3, WLD the world)");
  product_ = h.Claim({"product"}, "product code");
  classification_ = h.Claim({"classification"}, "classification of the product code");
  period_ = ClaimPeriodColumns(h, /*allow_day=*/false);
  currency_ = h.Claim({"currency"}, "currency (ISO 4217)");
  status_ = h.Claim({"status"}, "status (reported, derived or estimated)");
  source_ = h.Claim({"source"}, "source");
  absl::Status s = NeedColumn(period_.period, "period, date, year or month");
  if (s.ok()) s = ColumnOrFlag(reporter_, "reporter", d.reporter, report);
  if (s.ok()) s = ColumnOrFlag(partner_, "partner", d.partner, report);
  if (s.ok()) s = ColumnOrFlag(product_, "product", d.product, report);
  if (s.ok()) s = ColumnOrFlag(currency_, "currency", d.currency, report);
  if (classification_ < 0 && d.classification != v1::CLASSIFICATION_UNSPECIFIED) {
    NoteFlag("classification", v1::Classification_Name(d.classification), report);
  }
  if (d.scale_exponent.value_or(0) != 0) {
    report.notes.push_back(absl::StrCat("values in ", ScaleName(*d.scale_exponent), " (--scale)"));
  }
  return s;
}

absl::Status FlowContext::FillParties(const CsvRow& row, v1::TradeFlow& f) const {
  absl::StatusOr<std::string> reporter = ParseCountry(row.CellOr(reporter_, defaults_.reporter));
  if (!reporter.ok()) return row.Bad(reporter_, reporter.status());
  absl::StatusOr<std::string> partner = ParseCountry(row.CellOr(partner_, defaults_.partner));
  if (!partner.ok()) return row.Bad(partner_, partner.status());
  f.set_reporter(*reporter);
  f.set_partner(*partner);
  const std::string product = row.CellOr(product_, defaults_.product);
  if (product.empty()) return row.Bad(product_, CsvError("the product code is empty"));
  f.mutable_product()->set_code(product);
  v1::Classification classification = defaults_.classification;
  if (classification_ >= 0) {
    absl::StatusOr<v1::Classification> c = ParseClassification(row.Cell(classification_));
    if (!c.ok()) return row.Bad(classification_, c.status());
    classification = *c;
  }
  f.mutable_product()->set_classification(
      classification == v1::CLASSIFICATION_UNSPECIFIED ? v1::CLASSIFICATION_FREE : classification);
  return absl::OkStatus();
}

absl::Status FlowContext::Fill(const CsvRow& row, v1::TradeFlow& f) const {
  if (absl::Status s = FillParties(row, f); !s.ok()) return s;
  absl::StatusOr<v1::Period> period = ReadPeriod(row, period_, /*allow_day=*/false);
  if (!period.ok()) return period.status();
  *f.mutable_period() = *period;
  absl::StatusOr<v1::ValueStatus> status = ParseStatus(row.Cell(status_));
  if (!status.ok()) return row.Bad(status_, status.status());
  f.set_status(*status);
  if (const std::string source = row.Cell(source_); !source.empty()) {
    f.mutable_source()->set_title(source);
  }
  return absl::OkStatus();
}

absl::Status FlowContext::Add(const CsvRow& row, int column, v1::FlowDirection direction,
                              v1::TradeFlow f, std::vector<v1::TradeFlow>& out) const {
  f.set_direction(direction);
  absl::StatusOr<std::string> currency = ReadCurrency(row, currency_, defaults_.currency);
  if (!currency.ok()) return currency.status();
  absl::StatusOr<google::type::Money> value =
      ParseValue(row.Cell(column), defaults_.scale_exponent.value_or(0), *currency);
  if (!value.ok()) return row.Bad(column, value.status());
  *f.mutable_value() = *value;
  out.push_back(std::move(f));
  return absl::OkStatus();
}

// The plain records of a long file, one flow each, read as LongLayout::Read reads them.
class LongPlainRows final : public PlainFlowRows {
 public:
  LongPlainRows(const FlowContext& context, int direction, int value)
      : c_(context), direction_(direction), value_(value) {}

  bool Add(const std::vector<absl::string_view>& cells, FlowBlockBuilder& builder) override {
    const FlowCsvDefaults& d = c_.defaults_;
    auto& reporter =
        reporters_.Of(PlainCellOr(cells, c_.reporter_, d.reporter),
                      [&](absl::string_view cell) { return Country(c_.reporter_, cell); });
    auto& partner =
        partners_.Of(PlainCellOr(cells, c_.partner_, d.partner),
                     [&](absl::string_view cell) { return Country(c_.partner_, cell); });
    auto& product =
        products_.Of(ProductKey(cells), [&](absl::string_view) { return Product(cells); });
    auto& period = periods_.Of(PlainCell(cells, c_.period_.period), [](absl::string_view cell) {
      return ValueOrNone(ParseCsvPeriod(absl::StripAsciiWhitespace(cell), false));
    });
    auto& status = statuses_.Of(PlainCell(cells, c_.status_), [](absl::string_view cell) {
      return ValueOrNone(ParseStatus(CellText(0, cell)));
    });
    auto& source = sources_.Of(PlainCell(cells, c_.source_), [](absl::string_view cell) {
      return std::optional<std::string>(CellText(0, cell));
    });
    auto& direction = directions_.Of(PlainCell(cells, direction_), [](absl::string_view cell) {
      return ValueOrNone(ParseDirection(CellText(0, cell)));
    });
    auto& currency =
        currencies_.Of(PlainCellOr(cells, c_.currency_, d.currency), [&](absl::string_view cell) {
          return ValueOrNone(ParseCurrencyCode(CellText(c_.currency_, cell)));
        });
    const std::optional<Decimal> value =
        PlainValue(PlainCell(cells, value_), d.scale_exponent.value_or(0));
    if (!reporter.value || !partner.value || !product.value || !period.value || !status.value ||
        !direction.value || !currency.value || !value) {
      return false;
    }
    FlowBlockBuilder::Row row;
    // In the order of AddTradeFlow, so that the dictionaries are in the same order.
    row.reporter = reporter.index.In(block(), [&] { return builder.Economy(*reporter.value); });
    row.partner = partner.index.In(block(), [&] { return builder.Economy(*partner.value); });
    row.product = product.index.In(
        block(), [&] { return builder.Product(product.value->first, product.value->second, ""); });
    row.currency = currency.index.In(block(), [&] { return builder.Currency(*currency.value); });
    if (!source.value->empty()) {
      row.source =
          source.index.In(block(), [&] { return builder.Source(SourceTitled(*source.value)); });
    }
    const v1::Period& p = *period.value;
    row.period = Period{p.year(), p.month(), p.quarter()};
    row.direction = DirectionOf(*direction.value);
    row.status = StatusOf(*status.value);
    row.value = *value;
    builder.Add(std::move(row));
    return true;
  }

 private:
  // The meaning of a country column's cell, or of the flag standing in for it.
  static std::optional<std::string> Country(int column, absl::string_view cell) {
    return ValueOrNone(ParseCountry(CellText(column, cell)));
  }

  // The product and classification cells, apart by a line end, which no plain cell holds.
  absl::string_view ProductKey(const std::vector<absl::string_view>& cells) {
    const absl::string_view product = PlainCellOr(cells, c_.product_, c_.defaults_.product);
    if (c_.classification_ < 0) return product;
    product_key_.assign(product.data(), product.size());
    product_key_ += '\n';
    const absl::string_view classification = PlainCell(cells, c_.classification_);
    product_key_.append(classification.data(), classification.size());
    return product_key_;
  }

  std::optional<std::pair<Classification, std::string>> Product(
      const std::vector<absl::string_view>& cells) const {
    std::string code = CellText(c_.product_, PlainCellOr(cells, c_.product_, c_.defaults_.product));
    if (code.empty()) return std::nullopt;
    v1::Classification classification = c_.defaults_.classification;
    if (c_.classification_ >= 0) {
      absl::StatusOr<v1::Classification> c =
          ParseClassification(CellText(0, PlainCell(cells, c_.classification_)));
      if (!c.ok()) return std::nullopt;
      classification = *c;
    }
    if (classification == v1::CLASSIFICATION_UNSPECIFIED) classification = v1::CLASSIFICATION_FREE;
    return std::pair(ClassificationOf(classification), std::move(code));
  }

  const FlowContext c_;
  const int direction_, value_;
  CellMeanings<std::string> reporters_, partners_, currencies_, sources_;
  CellMeanings<std::pair<Classification, std::string>> products_;
  CellMeanings<v1::Period> periods_;
  CellMeanings<v1::ValueStatus> statuses_;
  CellMeanings<v1::FlowDirection> directions_;
  std::string product_key_;
};

// One row per flow.
class LongLayout final : public FlowRowReader {
 public:
  absl::Status Claim(CsvHeader& h, const FlowCsvDefaults& d, CsvReport& report) {
    direction_ = h.Claim({"direction", "flow"}, "direction (export, import, re-export, re-import)");
    value_ = h.Claim({"value"}, "value");
    absl::Status s = NeedColumn(direction_, "'direction'");
    if (s.ok()) s = NeedColumn(value_, "'value'");
    if (s.ok()) s = context_.Claim(h, d, report);
    return s;
  }

  absl::Status Read(const CsvRow& row, std::vector<v1::TradeFlow>& out) const override {
    v1::TradeFlow f;
    if (absl::Status s = context_.Fill(row, f); !s.ok()) return s;
    absl::StatusOr<v1::FlowDirection> direction = ParseDirection(row.Cell(direction_));
    if (!direction.ok()) return row.Bad(direction_, direction.status());
    return context_.Add(row, value_, *direction, std::move(f), out);
  }

  std::unique_ptr<PlainFlowRows> PlainRows() const override {
    // Months and quarters in columns of their own refine the period: not a cell's meaning.
    if (context_.SplitsPeriods()) return nullptr;
    return std::make_unique<LongPlainRows>(context_, direction_, value_);
  }

 private:
  int direction_ = -1, value_ = -1;
  FlowContext context_;
};

// One row per period with an export column and an import column.
class WideLayout final : public FlowRowReader {
 public:
  absl::Status Claim(CsvHeader& h, const FlowCsvDefaults& d, CsvReport& report) {
    exports_ = h.Claim({"exports", "export", "x"}, "exports of the reporter");
    imports_ = h.Claim({"imports", "import", "m"}, "imports of the reporter");
    if (exports_ < 0 && imports_ < 0) {
      return CsvError("the header has no exports or imports column (exports, export, X, ",
                      "imports, import, M)");
    }
    return context_.Claim(h, d, report);
  }

  absl::Status Read(const CsvRow& row, std::vector<v1::TradeFlow>& out) const override {
    // A row without values, such as a note under the table, gives no flow and is no error.
    if (row.Cell(exports_).empty() && row.Cell(imports_).empty()) return absl::OkStatus();
    v1::TradeFlow common;
    if (absl::Status s = context_.Fill(row, common); !s.ok()) return s;
    for (const auto& [column, direction] : {std::pair(exports_, v1::FLOW_DIRECTION_EXPORT),
                                            std::pair(imports_, v1::FLOW_DIRECTION_IMPORT)}) {
      if (row.Cell(column).empty()) continue;
      if (absl::Status s = context_.Add(row, column, direction, common, out); !s.ok()) return s;
    }
    return absl::OkStatus();
  }

 private:
  int exports_ = -1, imports_ = -1;
  FlowContext context_;
};

}  // namespace

FlowRowReaderOr MakeLongLayout(CsvHeader& h, const FlowCsvDefaults& d, CsvReport& report) {
  return MakeLayout<LongLayout>(h, d, report);
}

FlowRowReaderOr MakeWideLayout(CsvHeader& h, const FlowCsvDefaults& d, CsvReport& report) {
  return MakeLayout<WideLayout>(h, d, report);
}

}  // namespace culturetrade::import
