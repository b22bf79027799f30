// Every text/background pair the interface draws must be readable: at least 4.5:1 (WCAG AA),
// and body text at least 7:1. Computed from the theme's own colours (app/ui/palette.cpp).
#include <gtest/gtest.h>

#include "palette.h"

using trialmatch::ui::contrast_ratio;
using trialmatch::ui::Palette;

namespace {
// Each check runs on both palettes: the standard one and the high-contrast one.
class PaletteContrast : public ::testing::TestWithParam<bool> {
 protected:
  Palette palette() const {
    return GetParam() ? trialmatch::ui::high_contrast_palette() : trialmatch::ui::standard_palette();
  }
};
}  // namespace

TEST_P(PaletteContrast, BodyTextIsAtLeastSevenToOne) {
  const Palette p = palette();
  EXPECT_GE(contrast_ratio(p.text, p.background), 7.0f);
  EXPECT_GE(contrast_ratio(p.text, p.surface), 7.0f);
  EXPECT_GE(contrast_ratio(p.text, p.choice_hover), 7.0f);
  EXPECT_GE(contrast_ratio(p.text, p.support_background), 7.0f);
}

TEST_P(PaletteContrast, EveryOtherTextPairIsAtLeastFourAndAHalfToOne) {
  const Palette p = palette();
  EXPECT_GE(contrast_ratio(p.muted_text, p.background), 4.5f);
  EXPECT_GE(contrast_ratio(p.muted_text, p.surface), 4.5f);
  EXPECT_GE(contrast_ratio(p.accent_text, p.accent), 4.5f);        // words on buttons
  EXPECT_GE(contrast_ratio(p.accent_text, p.accent_hover), 4.5f);
  EXPECT_GE(contrast_ratio(p.accent, p.background), 4.5f);         // links, outlined buttons
  EXPECT_GE(contrast_ratio(p.accent, p.surface), 4.5f);
  EXPECT_GE(contrast_ratio(p.accent, p.choice_hover), 4.5f);
  EXPECT_GE(contrast_ratio(p.error, p.background), 4.5f);
  EXPECT_GE(contrast_ratio(p.error, p.support_background), 4.5f);  // "call 911"
  EXPECT_GE(contrast_ratio(p.safety, p.support_background), 4.5f);
  EXPECT_GE(contrast_ratio(p.accent, p.support_background), 4.5f);
}

// The ring is drawn a few pixels outside the button, so it sits on the page's backgrounds.
TEST_P(PaletteContrast, TheFocusRingStandsOutFromThePage) {
  const Palette p = palette();
  for (const ImVec4& behind : {p.background, p.surface, p.support_background, p.choice_hover})
    EXPECT_GE(contrast_ratio(p.focus_ring, behind), 3.0f);  // non-text contrast
}

INSTANTIATE_TEST_SUITE_P(StandardAndHighContrast, PaletteContrast, ::testing::Values(false, true));

TEST(HighContrastPalette, IsStrongerThanTheStandardOne) {
  const Palette standard = trialmatch::ui::standard_palette(), high = trialmatch::ui::high_contrast_palette();
  EXPECT_GT(contrast_ratio(high.text, high.background), contrast_ratio(standard.text, standard.background));
  EXPECT_GT(contrast_ratio(high.muted_text, high.background), contrast_ratio(standard.muted_text, standard.background));
  EXPECT_GE(contrast_ratio(high.muted_text, high.background), 7.0f);
}

TEST(ContrastRatio, MatchesKnownValues) {
  const ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1), grey(0x76 / 255.f, 0x76 / 255.f, 0x76 / 255.f, 1);
  EXPECT_NEAR(contrast_ratio(black, white), 21.0f, 0.01f);
  EXPECT_NEAR(contrast_ratio(white, white), 1.0f, 0.001f);
  EXPECT_NEAR(contrast_ratio(grey, white), 4.54f, 0.02f);  // #767676, the lightest AA grey on white
}

// A sponsor's accent is used only when it stays readable.
TEST(SponsorAccent, IsRefusedWhenItWouldBeHardToRead) {
  EXPECT_FALSE(trialmatch::ui::use_accent("#ffdd00"));  // yellow: white text unreadable
  EXPECT_FALSE(trialmatch::ui::use_accent("#777777"));  // grey just under 4.5:1 with white
  EXPECT_FALSE(trialmatch::ui::use_accent("teal"));
  EXPECT_FALSE(trialmatch::ui::use_accent("#12345"));
  EXPECT_FALSE(trialmatch::ui::use_accent("# 12345"));   // six hexadecimal digits, nothing else
  EXPECT_FALSE(trialmatch::ui::use_accent("#-12345"));
  EXPECT_FALSE(trialmatch::ui::use_accent("#7a1f5g"));
  EXPECT_TRUE(trialmatch::ui::use_accent("#7A1F5F"));
  EXPECT_TRUE(trialmatch::ui::use_accent("#7a1f5f"));
  const Palette& p = trialmatch::ui::default_palette();
  EXPECT_GE(contrast_ratio(p.accent_text, p.accent), 4.5f);
  EXPECT_GE(contrast_ratio(p.accent_text, p.accent_hover), 4.5f);
}
