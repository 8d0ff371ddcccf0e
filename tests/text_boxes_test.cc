// The chart's text boxes: widths that err wide, boxes by anchor, and a layout that refuses a
// label overlapping another or leaving its bounds.
#include "report/text_boxes.h"

#include <gtest/gtest.h>

namespace culturetrade::report {
namespace {

// Chromium draws "-400000000" 79.1 px wide at 13 px in DejaVu Sans, the fallback the report's
// sans-serif fonts get on Debian: the estimate must not be narrower.
TEST(TextWidth, ErrsWideOfDejaVuSans) {
  EXPECT_GE(TextWidth("-400000000", 13), 79.1);
  EXPECT_LT(TextWidth("-400000000", 13), 79.1 * 1.1);
  EXPECT_DOUBLE_EQ(TextWidth("1,000", 26), 2 * TextWidth("1,000", 13));
  EXPECT_LT(TextWidth("1,111", 13), TextWidth("11111", 13));  // a comma is narrow
  // A character beyond ASCII counts once, whatever its bytes.
  EXPECT_DOUBLE_EQ(TextWidth("\u2013", 10), TextWidth("~", 10));
}

TEST(TextBox, FollowsTheAnchor) {
  const double w = TextWidth("2016", 13);
  EXPECT_DOUBLE_EQ(TextBox(100, 50, Anchor::kStart, "2016", 13).left, 100);
  EXPECT_DOUBLE_EQ(TextBox(100, 50, Anchor::kMiddle, "2016", 13).left, 100 - w / 2);
  EXPECT_DOUBLE_EQ(TextBox(100, 50, Anchor::kEnd, "2016", 13).right, 100);
  const Box b = TextBox(100, 50, Anchor::kStart, "2016", 13);
  EXPECT_LT(b.top, 50 - 10);  // the ascent above the baseline
  EXPECT_GT(b.bottom, 50);    // the descent below it
}

TEST(Box, TouchingIsNotOverlapping) {
  const Box a{0, 0, 10, 10};
  EXPECT_TRUE(a.Overlaps(Box{9, 9, 20, 20}));
  EXPECT_FALSE(a.Overlaps(Box{10, 0, 20, 10}));
  EXPECT_TRUE(Box({2, 2, 8, 8}).Inside(a));
  EXPECT_FALSE(Box({2, 2, 11, 8}).Inside(a));
}

TEST(TextLayout, TakesOnlyWhatFitsClearOfTheRest) {
  TextLayout layout(Box{0, 0, 100, 100});
  EXPECT_TRUE(layout.Take(Box{10, 10, 40, 20}));
  EXPECT_FALSE(layout.Take(Box{30, 15, 60, 25}));   // overlaps the first
  EXPECT_FALSE(layout.Take(Box{41, 10, 60, 20}));   // closer than the clearance
  EXPECT_TRUE(layout.Take(Box{45, 10, 60, 20}));    // clear of it
  EXPECT_FALSE(layout.Take(Box{90, 50, 110, 60}));  // beyond the bounds
}

}  // namespace
}  // namespace culturetrade::report
