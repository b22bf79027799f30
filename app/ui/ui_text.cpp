#include "ui_text.h"

namespace trialmatch::ui {

namespace {
struct Entry {
  const char* en;
  const char* es;
};

// Indexed by Phrase; keep in the same order as the enum.
constexpr Entry kPhrases[] = {
    {"Loading the study...", "Cargando el estudio..."},
    {"We could not open this study", "No pudimos abrir este estudio"},
    {"The study file has a problem, so the questions cannot be shown. Please tell the people who run this page. "
     "Nothing you entered was lost, because nothing was entered yet.",
     "El archivo del estudio tiene un problema, así que no se pueden mostrar las preguntas. Por favor, avise a "
     "quienes manejan esta página. No se perdió nada, porque todavía no se ha escrito nada."},
    {"Study file", "Archivo del estudio"},
    {"What is wrong", "Qué está mal"},
    {"First question", "Primera pregunta"},
    {"Yes", "Sí"},
    {"No", "No"},
    {"I'm not sure", "No estoy seguro"},
    {"Prefer not to say", "Prefiero no decirlo"},
    {"Why we ask", "Por qué preguntamos"},
    {"Your answers stay on this device. Nothing is sent anywhere.",
     "Sus respuestas se quedan en este dispositivo. No se envían a ningún lugar."},
    {"This is a prescreen, not medical advice. Only the study team can decide if you can join.",
     "Esto es una revisión previa, no un consejo médico. Solo el equipo del estudio puede decidir si puede participar."},
    {"Español", "English"},
};
static_assert(sizeof(kPhrases) / sizeof(kPhrases[0]) == static_cast<int>(Phrase::Count),
              "every phrase needs an entry");
}  // namespace

const char* phrase(Phrase p, Lang lang) {
  const Entry& e = kPhrases[static_cast<int>(p)];
  return lang == Lang::Es ? e.es : e.en;
}

const char* lang_code(Lang lang) { return lang == Lang::Es ? "es" : "en"; }

}  // namespace trialmatch::ui
