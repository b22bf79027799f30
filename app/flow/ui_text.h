// Every sentence the interface itself shows (trial texts come from the trial file), in
// English and Spanish. Plain words, kind tone. "{n}"-style placeholders are filled by fill().
#pragma once

#include <initializer_list>
#include <string>
#include <utility>

namespace trialmatch::ui {

enum class Lang { En, Es };

enum class Phrase {
  Loading,
  ErrorTitle,
  ErrorBody,
  ErrorFileLabel,
  ErrorProblemsLabel,
  WelcomeHeading,
  WelcomeLength,
  PrivacyPromise,
  PrivacyPromiseEmbedded,
  NotMedicalAdvice,
  Start,
  QuestionProgress,
  WhyWeAsk,
  Back,
  Continue,
  ChooseAllThatApply,
  ChooseAtLeastOne,
  AnswerDoesNotFit,
  NumberHint,
  Clear,
  Delete,
  NumberOutOfRange,
  MonthHint,
  MonthOutOfRange,
  NeedHelpNow,
  LanguageName,
  TextSize,
  ReviewHeading,
  ReviewIntro,
  Change,
  SeeResult,
  LikelyHeadline,
  LikelyBody,
  ReviewHeadline,
  ReviewBody,
  NotEligibleHeadline,
  NotEligibleBody,
  WhyHeading,
  TalkOverHeading,
  NotSureItems,
  NextStepsHeading,
  NextStepOtherStudies,
  NextStepOwnDoctor,
  NextStepReviewAnswers,
  TeamChecksHeading,
  ParticipationHeading,
  VisitCount,
  VisitOne,
  ContactHeading,
  PhoneLabel,
  EmailLabel,
  WebLabel,
  StartOver,
  ReviewAnswers,
  SupportHeading,
  SupportThanks,
  SupportBody,
  Call988,
  Text988,
  Lifeline988,
  CrisisTextLine,
  Emergency911,
  CannotRespond,
  CrisisBlockHeading,
  CrisisBlockBody,
  SupportContinue,
  SupportBackToStudy,
  KioskWelcome,
  KioskPrivacy,
  StillThereHeading,
  StillThereBody,
  StillThereBodyOne,
  StillHere,
  ShareButton,
  ShareHeading,
  ShareBody,
  ShareConfirm,
  ShareCancel,
  ShareDone,
  TrialNotFromThisSite,
  ShareReceiver,
  CatalogWelcomeHeading,
  CatalogWelcomeBody,
  CatalogStudiesHeading,
  WhyWeAskShared,
  QuestionForStudy,
  ReviewIntroCatalog,
  SeeResults,
  ResultsHeading,
  ResultsIntro,
  ResultsLikely,
  ResultsTalk,
  ResultsNotFit,
  ResultsNoneFit,
  ResultsClosed,
  ResultsClosedNote,
  KioskWelcomeCatalog,
  OnlyReason,
  OneThingToTalkOver,
  Count
};

const char* phrase(Phrase p, Lang lang);
const char* lang_code(Lang lang);  // "en" / "es"
// The interface language for a trial language code ("en", "es"); false if the app has none.
bool lang_from_code(const std::string& code, Lang& lang);
const char* month_name(int month, Lang lang);  // month 0-11

// Replaces each "{key}" in `text` with its value.
std::string fill(const char* text, std::initializer_list<std::pair<const char*, std::string>> values);

}  // namespace trialmatch::ui
