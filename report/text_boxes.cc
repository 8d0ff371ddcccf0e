#include "report/text_boxes.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace culturetrade::report {
namespace {

// DejaVu Sans' ascent and descent, in ems: the height a browser gives a line of SVG text.
constexpr double kAscent = 0.93, kDescent = 0.24;
// The space kept between two labels, in pixels, so that an estimate a little short still leaves
// them apart.
constexpr double kClearance = 2;

// A character's advance in ems, DejaVu Sans' or a little more.
double Advance(char c) {
  if (absl::ascii_isdigit(static_cast<unsigned char>(c))) return 0.64;
  if (absl::StrContains(".,:;' ", c)) return 0.32;
  if (absl::StrContains("-()[]", c)) return 0.4;
  if (absl::ascii_isupper(static_cast<unsigned char>(c))) return 0.8;
  if (absl::ascii_islower(static_cast<unsigned char>(c))) return 0.64;
  return 0.84;  // ~ % and the rest: the widest of the marks
}

}  // namespace

bool Box::Overlaps(const Box& o) const {
  return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
}

bool Box::Inside(const Box& o) const {
  return left >= o.left && right <= o.right && top >= o.top && bottom <= o.bottom;
}

double TextWidth(absl::string_view text, double font_size) {
  double ems = 0;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 && byte < 0xC0) continue;  // a UTF-8 continuation: counted with its lead
    ems += byte >= 0xC0 ? 0.84 : Advance(c);
  }
  return ems * font_size;
}

Box TextBox(double x, double y, Anchor anchor, absl::string_view text, double font_size) {
  const double width = TextWidth(text, font_size);
  const double left = anchor == Anchor::kStart    ? x
                      : anchor == Anchor::kMiddle ? x - width / 2
                                                  : x - width;
  return Box{left, y - kAscent * font_size, left + width, y + kDescent * font_size};
}

bool TextLayout::Take(const Box& box) {
  if (!box.Inside(bounds_)) return false;
  const Box around{box.left - kClearance, box.top - kClearance, box.right + kClearance,
                   box.bottom + kClearance};
  if (std::any_of(taken_.begin(), taken_.end(),
                  [&around](const Box& t) { return around.Overlaps(t); })) {
    return false;
  }
  taken_.push_back(box);
  return true;
}

}  // namespace culturetrade::report
