// Where the chart's text goes: the box a piece of text will take, estimated from its characters
// (an SVG written ahead of time has no font metrics), and a layout that takes a label only where
// it overlaps no label taken before, so that labels never pile up into an unreadable band.
#ifndef CULTURETRADE_REPORT_TEXT_BOXES_H_
#define CULTURETRADE_REPORT_TEXT_BOXES_H_

#include <vector>

#include "absl/strings/string_view.h"

namespace culturetrade::report {

struct Box {
  double left = 0, top = 0, right = 0, bottom = 0;

  // Whether the two share more than a point: boxes that only touch do not overlap.
  bool Overlaps(const Box& other) const;
  bool Inside(const Box& other) const;
};

// The width of `text` at `font_size` pixels in the chart's sans-serif font. It errs wide: its
// widths are DejaVu Sans', the widest of the fonts a browser takes for Helvetica, Arial or
// sans-serif, and a letter counts as a wide one.
double TextWidth(absl::string_view text, double font_size);

enum class Anchor { kStart, kMiddle, kEnd };

// The box of `text` drawn with its baseline at `y` and anchored at `x`, as SVG's text-anchor.
Box TextBox(double x, double y, Anchor anchor, absl::string_view text, double font_size);

class TextLayout {
 public:
  // `bounds`: the area every label must stay within.
  explicit TextLayout(Box bounds) : bounds_(bounds) {}

  // Takes `box` when it lies within the bounds and keeps clear of every box taken so far; says
  // whether it did.
  bool Take(const Box& box);

 private:
  Box bounds_;
  std::vector<Box> taken_;
};

}  // namespace culturetrade::report

#endif  // CULTURETRADE_REPORT_TEXT_BOXES_H_
