// A study's web address and e-mail become links a person taps (app/core/contact_addresses.h):
// the validator warns, and the app makes no link, when one would not go where it seems to.
#include <gtest/gtest.h>

#include <string>

#include "catalog.h"
#include "contact_addresses.h"
#include "study_files.h"
#include "trial_loader.h"

namespace unit_contact_addresses {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

namespace {

using trialmatch::email_address_concern;
using trialmatch::web_address_concern;

TEST(ContactAddresses, APlainHttpsAddressIsFine) {
  EXPECT_EQ(web_address_concern("https://clinicaltrials.gov/study/NCT04979910"), "");
  EXPECT_EQ(web_address_concern("https://www.mountsinai.org:443/research?x=1#top"), "");
  EXPECT_EQ(email_address_concern("study.team+depression@mssm.edu"), "");
}

TEST(ContactAddresses, AnAddressThatGoesElsewhereThanItSeemsIsNamed) {
  EXPECT_NE(web_address_concern("http://clinicaltrials.gov/study/NCT04979910").find("not an https://"), std::string::npos);
  EXPECT_NE(web_address_concern("javascript:alert(1)").find("not an https://"), std::string::npos);
  // Goes to evil.example, though a reader sees clinicaltrials.gov first.
  EXPECT_NE(web_address_concern("https://clinicaltrials.gov@evil.example/study").find("user name before its host"),
            std::string::npos);
  EXPECT_NE(web_address_concern("https://xn--clinicaltrals-7ob.gov/").find("punycode"), std::string::npos);
  EXPECT_NE(web_address_concern("https://www.XN--e1awd7f.com/").find("punycode"), std::string::npos);
  EXPECT_NE(web_address_concern("https://clinicaltriаls.gov/").find("beyond plain ASCII"), std::string::npos);  // a Cyrillic "а"
  EXPECT_NE(web_address_concern("https://example.org/a b").find("space"), std::string::npos);
  EXPECT_NE(web_address_concern("https:///path").find("no host"), std::string::npos);
}

TEST(ContactAddresses, AnEmailThatWritesTheMessageOrGoesTwiceIsNamed) {
  EXPECT_NE(email_address_concern("team@mssm.edu?subject=My%20answers&body=...").find("query"), std::string::npos);
  EXPECT_NE(email_address_concern("team@mssm.edu,other@evil.example").find("one address"), std::string::npos);
  EXPECT_NE(email_address_concern("team@mssm.edu;cc").find("letters, digits"), std::string::npos);
  EXPECT_NE(email_address_concern("a@b@c").find("one address"), std::string::npos);
  EXPECT_NE(email_address_concern("no-at-sign").find("one address"), std::string::npos);
}

TEST(ContactAddresses, TheValidatorWarnsAndStillLoadsTheFile) {
  std::string text = trialmatch_test::read_source_file("assets/trials/NCT04979910.json");
  const std::string url = "\"url\": \"https://clinicaltrials.gov/study/NCT04979910\"";
  ASSERT_NE(text.find(url), std::string::npos);
  text.replace(text.find(url), url.size(), "\"url\": \"https://clinicaltrials.gov@evil.example/study\"");
  const trialmatch::TrialLoadResult r = trialmatch::load_trial(text);
  ASSERT_TRUE(r.trial);
  bool warned = false;
  for (const auto& w : r.warnings)
    warned = warned || (w.pointer == "/trial/contact/url" && w.message.find("user name before its host") != std::string::npos);
  EXPECT_TRUE(warned);
}

TEST(ContactAddresses, ACatalogsStudyAddressIsCheckedToo) {
  std::string text = trialmatch_test::read_source_file("assets/catalogs/depression.json");
  const std::string key = "\"registry_url\": \"https://clinicaltrials.gov/";
  ASSERT_NE(text.find(key), std::string::npos);
  text.replace(text.find(key), key.size(), "\"registry_url\": \"http://clinicaltrials.gov/");
  const trialmatch::CatalogLoadResult r = trialmatch::load_catalog(text);
  ASSERT_TRUE(r.catalog);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].message.find("not an https://"), std::string::npos);
  EXPECT_TRUE(trialmatch::load_catalog(trialmatch_test::read_source_file("assets/catalogs/depression.json")).warnings.empty());
}

}  // namespace

}  // namespace unit_contact_addresses
