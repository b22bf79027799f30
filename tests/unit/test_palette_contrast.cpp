// Every text/background pair the interface draws must be readable: at least 4.5:1 (WCAG AA),
// and body text at least 7:1. Computed from the theme's own colours (app/ui/palette.cpp).
#include <gtest/gtest.h>

#include "theme.h"

using trialmatch::ui::contrast_ratio;
using trialmatch::ui::default_palette;

TEST(PaletteContrast, BodyTextIsAtLeastSevenToOne) {
  const auto& p = default_palette();
  EXPECT_GE(contrast_ratio(p.text, p.background), 7.0f);
  EXPECT_GE(contrast_ratio(p.text, p.surface), 7.0f);
  EXPECT_GE(contrast_ratio(p.text, p.choice_hover), 7.0f);
  EXPECT_GE(contrast_ratio(p.text, p.support_background), 7.0f);
}

TEST(PaletteContrast, EveryOtherTextPairIsAtLeastFourAndAHalfToOne) {
  const auto& p = default_palette();
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
TEST(PaletteContrast, TheFocusRingStandsOutFromThePage) {
  const auto& p = default_palette();
  for (const ImVec4& behind : {p.background, p.surface, p.support_background, p.choice_hover})
    EXPECT_GE(contrast_ratio(p.focus_ring, behind), 3.0f);  // non-text contrast
}

TEST(PaletteContrast, ContrastRatioMatchesKnownValues) {
  const ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1), grey(0x76 / 255.f, 0x76 / 255.f, 0x76 / 255.f, 1);
  EXPECT_NEAR(contrast_ratio(black, white), 21.0f, 0.01f);
  EXPECT_NEAR(contrast_ratio(white, white), 1.0f, 0.001f);
  EXPECT_NEAR(contrast_ratio(grey, white), 4.54f, 0.02f);  // #767676, the lightest AA grey on white
}

// A sponsor's accent is used only when it stays readable (run last: it changes the palette).
TEST(PaletteContrast, ZSponsorAccentIsRefusedWhenItWouldBeHardToRead) {
  EXPECT_FALSE(trialmatch::ui::use_accent("#ffdd00"));  // yellow: white text unreadable
  EXPECT_FALSE(trialmatch::ui::use_accent("#777777"));  // grey just under 4.5:1 with white
  EXPECT_FALSE(trialmatch::ui::use_accent("teal"));
  EXPECT_FALSE(trialmatch::ui::use_accent("#12345"));
  EXPECT_TRUE(trialmatch::ui::use_accent("#7a1f5f"));
  const auto& p = default_palette();
  EXPECT_GE(contrast_ratio(p.accent_text, p.accent), 4.5f);
  EXPECT_GE(contrast_ratio(p.accent_text, p.accent_hover), 4.5f);
}
